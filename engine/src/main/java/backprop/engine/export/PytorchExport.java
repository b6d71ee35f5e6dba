package backprop.engine.export;

import backprop.engine.nn.Network;
import backprop.engine.spec.RegularizationKind;
import backprop.engine.spec.Spec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;

/**
 * A trainer's experiment as one runnable PyTorch file, for students moving on: the same training
 * points, the network as an {@code nn.Module} with the trainer's parameters loaded, the data loss
 * and regularization as the engine defines them, PyTorch's optimizer with the engine's
 * hyperparameters (and state, for a trained one), and the engine's batch order. In float64, so
 * run it prints the losses the engine computes, to rounding, in the format of {@link NumpyExport}.
 */
public final class PytorchExport {
    private PytorchExport() {}

    /** The script; the trainer is only read. Throws IllegalArgumentException when {@link Exportability} refuses the spec. */
    public static String script(Trainer trainer, int epochs) {
        Spec spec = trainer.spec();
        String problem = Exportability.problem(spec, Exportability.Format.PYTORCH);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (epochs < 1 || epochs > NumpyExport.MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be 1.." + NumpyExport.MAX_EPOCHS + ", got " + epochs);
        }
        Network network = trainer.network();
        Snapshot state = trainer.snapshot();
        boolean regression = spec.data().isRegression();

        PythonCode code = new PythonCode();
        ScriptHeader.write(code, trainer, state, epochs, "PyTorch");
        code.lines("import numpy as np", "import torch", "from torch import nn", "");
        code.line("torch.set_default_dtype(torch.float64)  # the playground computes in float64");
        code.line("EPOCHS = " + epochs);
        code.line("LR = " + PythonFloat.repr(spec.lr()) + "  # learning rate");
        code.line("BATCH = " + spec.batch() + "  # mini-batch size (the last batch of an epoch may be smaller)");
        if (spec.reg() != RegularizationKind.NONE && spec.lambda() != 0) {
            code.line("LAMBDA = " + PythonFloat.repr(spec.lambda()) + "  # regularization strength");
        }
        code.line("");
        NumpyData.write(code, trainer.data(), spec.features(), regression);
        code.line("X, y = torch.from_numpy(X), torch.from_numpy(y)");
        if (PytorchNetwork.usesMaxout(network)) {
            code.line("");
            code.line("");
            PytorchNetwork.writeMaxout(code);
        }
        if (PytorchNetwork.usesBatchNorm(network)) {
            code.line("");
            code.line("");
            PytorchNetwork.writeBatchNorm(code);
        }
        code.line("");
        code.line("");
        PytorchNetwork.writeModule(code, network, network.parameters(), network.runningStatistics());
        code.line("");
        code.line("");
        PytorchTraining.writeLoss(code, trainer.loss(), network.outputs());
        code.line("");
        code.line("");
        PytorchTraining.writeRegularization(code, spec);
        code.line("");
        code.line("");
        PythonShuffle.write(code, spec.seed());
        code.line("");
        code.line("");
        PytorchTraining.writeOptimizer(code, spec.opt(), state, ParameterArray.of(network));
        PytorchTraining.writeLoop(code, state, PytorchNetwork.usesBatchNorm(network));
        return code.toString();
    }
}
