package backprop.engine.export;

import backprop.engine.nn.OutputLoss;
import backprop.engine.optim.Adam;
import backprop.engine.optim.Momentum;
import backprop.engine.spec.OptimizerKind;
import backprop.engine.spec.RegularizationKind;
import backprop.engine.spec.Spec;
import backprop.engine.train.Snapshot;
import java.util.List;

/**
 * The training half of a PyTorch export: the data loss as the engine defines it (mean over the
 * batch), λ R(W) on the weights only, PyTorch's optimizer with the engine's hyperparameters and
 * state, and the loop over the engine's batch order.
 */
final class PytorchTraining {
    private PytorchTraining() {}

    /** {@code def data_loss(scores, t)}: the mean of the engine's per-example loss. */
    static void writeLoss(PythonCode code, OutputLoss loss, int outputs) {
        code.line("def data_loss(scores, t):");
        code.indent();
        switch (loss) {
            case SOFTMAX_CROSS_ENTROPY:
                code.line("return nn.functional.cross_entropy(scores, t)");
                break;
            case MULTICLASS_HINGE:
                code.line("# sum_{j != t} max(0, s_j - s_t + 1); PyTorch divides that by the number of classes");
                code.line("return nn.functional.multi_margin_loss(scores, t) * " + outputs);
                break;
            case BINARY_CROSS_ENTROPY:
                code.line("return nn.functional.binary_cross_entropy_with_logits(scores[:, 0], t.double())");
                break;
            case SQUARED_ERROR_ONE_HOT:
                code.line("# 1/2 sum_j (s_j - [j = t])^2 per example");
                code.line("return 0.5 * ((scores - nn.functional.one_hot(t, " + outputs + ")) ** 2).sum(dim=1).mean()");
                break;
            case SQUARED_ERROR_VALUE:
                code.line("return 0.5 * ((scores[:, 0] - t) ** 2).mean()");
                break;
            default:
                throw new IllegalArgumentException("no PyTorch code for the loss " + loss);
        }
        code.dedent();
    }

    /** {@code def regularization()}: λ Σ w² or λ Σ |w| over the weights (not biases, not slopes). */
    static void writeRegularization(PythonCode code, Spec spec) {
        code.line("def regularization():");
        code.indent();
        if (spec.reg() == RegularizationKind.NONE || spec.lambda() == 0) {
            code.line("return 0.0");
        } else {
            String term =
                    spec.reg() == RegularizationKind.L2 ? "(layer.weight ** 2).sum()" : "layer.weight.abs().sum()";
            code.line("return LAMBDA * sum(" + term + " for layer in net.layers if isinstance(layer, nn.Linear))");
        }
        code.dedent();
    }

    /** {@code optimizer = ...}, with the engine's state when it is not fresh. */
    static void writeOptimizer(PythonCode code, OptimizerKind kind, Snapshot state, List<ParameterArray> arrays) {
        switch (kind) {
            case SGD:
                code.line("optimizer = torch.optim.SGD(net.parameters(), lr=LR)");
                return;
            case MOMENTUM:
                code.line("# PyTorch keeps b = MU b + g, p -= LR b: the playground's v = MU v - LR g is -LR b");
                code.line("optimizer = torch.optim.SGD(net.parameters(), lr=LR, momentum="
                        + PythonFloat.repr(Momentum.DEFAULT_MU) + ")");
                if (!ParameterArray.allZero(arrays, state.optimizerState())) {
                    writeStateList(code, "velocity", arrays, state.optimizerState(), 0);
                    code.line("for p, v in zip(engine_params, velocity):");
                    code.line("    optimizer.state[p][\"momentum_buffer\"] = v / -LR");
                }
                return;
            case ADAM:
                code.line("optimizer = torch.optim.Adam(net.parameters(), lr=LR, betas=("
                        + PythonFloat.repr(Adam.DEFAULT_BETA1) + ", " + PythonFloat.repr(Adam.DEFAULT_BETA2) + "), eps="
                        + PythonFloat.repr(Adam.DEFAULT_EPSILON) + ")");
                if (state.iteration() > 0) {
                    int n = state.optimizerState().length / 2 - 1;
                    writeStateList(code, "first_moment", arrays, state.optimizerState(), 0);
                    writeStateList(code, "second_moment", arrays, state.optimizerState(), n);
                    code.line("for p, m, v in zip(engine_params, first_moment, second_moment):");
                    code.line("    optimizer.state[p] = {\"step\": torch.tensor(" + state.iteration() + ".0), "
                            + "\"exp_avg\": m, \"exp_avg_sq\": v}");
                }
                return;
            default:
                throw new IllegalArgumentException("no PyTorch code for the optimizer " + kind);
        }
    }

    /** {@code name = [torch.tensor(...), ...]}, one tensor per parameter from {@code state[shift + offset ...]}. */
    private static void writeStateList(
            PythonCode code, String name, List<ParameterArray> arrays, double[] state, int shift) {
        double[] shifted = new double[state.length - shift];
        System.arraycopy(state, shift, shifted, 0, shifted.length);
        code.line(name + " = [");
        code.indent();
        for (ParameterArray array : arrays) {
            array.write(code, "", shifted, ",", ParameterArray.Layout.BY_UNIT, "torch.tensor(");
        }
        code.dedent();
        code.line("]");
    }

    /**
     * The loop: batches in the engine's order, one line per epoch. With batch normalization the
     * printed loss is taken in eval mode (the running statistics), and the normalized layers'
     * bias gradients are zeroed before each step, as the engine leaves them.
     */
    static void writeLoop(PythonCode code, Snapshot state, boolean batchNorm) {
        code.lines(
                "start = " + state.position() + "  # training points of the current epoch already used",
                "for epoch in range(" + (state.epoch() + 1) + ", " + (state.epoch() + 1) + " + EPOCHS):",
                "    order = torch.from_numpy(epoch_order(len(X), epoch - 1))",
                "    for first in range(start, len(order), BATCH):",
                "        batch = order[first:first + BATCH]",
                "        loss = data_loss(net(X[batch]), y[batch])",
                "        if not torch.isfinite(loss):",
                "            break",
                "        optimizer.zero_grad()",
                "        (loss + regularization()).backward()");
        if (batchNorm) {
            code.lines("        for i in BN_LINEARS:", "            net.layers[i].bias.grad.zero_()");
        }
        code.lines(
                "        optimizer.step()",
                "    if not torch.isfinite(loss):",
                "        print(f\"diverged at epoch {epoch}\")",
                "        break",
                "    start = 0");
        if (batchNorm) {
            code.line("    net.eval()");
        }
        code.lines("    with torch.no_grad():", "        print(epoch, repr(data_loss(net(X), y).item()))");
        if (batchNorm) {
            code.line("    net.train()");
        }
    }
}
