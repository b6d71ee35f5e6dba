package backprop.engine.export;

import backprop.engine.nn.Network;
import backprop.engine.spec.RegularizationKind;
import backprop.engine.spec.Spec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import java.util.EnumSet;
import java.util.Set;

/**
 * A trainer's experiment as one runnable Python 3 file in the lecture's style: plain numpy, the
 * forward pass, the backward pass written out by hand, the update. It holds the training points,
 * the parameters and optimizer state as they stand in the trainer (the initial weights of a fresh
 * one, the trained state of a resumed one), and the engine's batch order, so it continues the run
 * the playground would make. Run, it trains {@code epochs} epochs and prints
 * {@code <epoch> <train loss>} after each (the mean data loss over the training set, as
 * {@link Trainer#evaluate()} reports it, in Python's {@code repr}); a batch whose loss is not
 * finite stops it with {@code diverged at epoch k}, k the epoch being trained.
 *
 * <p>Same formulas and operation order as the engine; numpy's exp, tanh, log1p and its matrix
 * products round differently in the last bits, so the losses agree closely, not bit for bit.
 */
public final class NumpyExport {
    /** Largest epoch count an export may ask for. */
    public static final int MAX_EPOCHS = 1_000_000;

    private NumpyExport() {}

    /** The script; the trainer is only read. Throws IllegalArgumentException when {@link Exportability} refuses the spec. */
    public static String script(Trainer trainer, int epochs) {
        Spec spec = trainer.spec();
        String problem = Exportability.problem(spec, Exportability.Format.NUMPY);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be 1.." + MAX_EPOCHS + ", got " + epochs);
        }
        Network network = trainer.network();
        NumpyNetwork layers = new NumpyNetwork(network);
        NumpyLoss loss = NumpyLoss.of(trainer.loss(), network.outputs());
        Snapshot state = trainer.snapshot();
        Set<NumpyHelper> helpers = EnumSet.noneOf(NumpyHelper.class);
        helpers.addAll(layers.helpers());
        helpers.addAll(loss.helpers());
        boolean regularized = spec.reg() != RegularizationKind.NONE && spec.lambda() != 0;

        PythonCode code = new PythonCode();
        ScriptHeader.write(code, trainer, state, epochs, "NumPy");
        if (helpers.stream().anyMatch(NumpyHelper::needsMath)) {
            code.line("import math");
            code.line("");
        }
        code.line("import numpy as np");
        code.line("");
        code.line("np.seterr(all=\"ignore\")  # a diverging run says so below, without warnings");
        code.line("EPOCHS = " + epochs);
        code.line("LR = " + PythonFloat.repr(spec.lr()) + "  # learning rate");
        code.line("BATCH = " + spec.batch() + "  # mini-batch size (the last batch of an epoch may be smaller)");
        if (regularized) {
            code.line("LAMBDA = " + PythonFloat.repr(spec.lambda()) + "  # regularization strength");
        }
        code.line("");
        NumpyData.write(code, trainer.data(), spec.features(), spec.data().isRegression());
        code.line("");
        layers.writeParameters(code, network.parameters(), network.runningStatistics());
        for (NumpyHelper helper : helpers) {
            code.line("");
            code.line("");
            code.lines(helper.lines());
        }
        code.line("");
        code.line("");
        code.lines(loss.lines());
        code.line("");
        code.line("");
        layers.writeComposed(code);
        layers.writeForward(code);
        code.line("");
        code.line("");
        PythonShuffle.write(code, spec.seed());
        code.line("");
        code.line("");
        NumpyOptimizer.writeState(code, spec.opt(), layers.arrays(), state.optimizerState());
        writeLoop(code, layers, spec, state);
        return code.toString();
    }

    private static void writeLoop(PythonCode code, NumpyNetwork layers, Spec spec, Snapshot state) {
        code.line("start = " + state.position() + "  # training points of the current epoch already used");
        code.line("for epoch in range(" + (state.epoch() + 1) + ", " + (state.epoch() + 1) + " + EPOCHS):");
        code.indent();
        code.line("order = epoch_order(len(X), epoch - 1)");
        code.line("for first in range(start, len(order), BATCH):");
        code.indent();
        code.line("batch = order[first:first + BATCH]");
        code.line("x, t = X[batch], y[batch]");
        code.line(layers.forwardTargets() + (layers.hasBatchNorm() ? " = forward(x, True)" : " = forward(x)"));
        code.line("batch_loss = losses(scores, t).sum() / len(batch)");
        code.line("if not np.isfinite(batch_loss):");
        code.line("    break");
        code.line("grad_scores = dloss_dscores(scores, t) * (1.0 / len(batch))  # gradient of the batch mean");
        layers.writeBackward(code, spec.reg(), spec.lambda());
        NumpyOptimizer.writeUpdate(code, spec.opt());
        layers.writeRunningUpdate(code);
        code.dedent();
        code.line("if not np.isfinite(batch_loss):");
        code.line("    print(f\"diverged at epoch {epoch}\")");
        code.line("    break");
        code.line("start = 0");
        code.line("print(epoch, repr(float(losses(forward(X)[-1], y).mean())))");
        code.dedent();
    }
}
