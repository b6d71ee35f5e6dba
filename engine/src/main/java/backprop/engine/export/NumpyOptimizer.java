package backprop.engine.export;

import backprop.engine.optim.Adam;
import backprop.engine.optim.Momentum;
import backprop.engine.spec.OptimizerKind;
import java.util.List;

/**
 * An optimizer in numpy: its state, as the engine holds it at export (zeros for a fresh run, the
 * saved values for a trained one), and the update of every parameter array {@code p} from its
 * gradient {@code g}, in the engine's formulas and operation order ({@link backprop.engine.optim}):
 * SGD p -= lr g; momentum v = μ v - lr g, p += v; Adam with β^t kept as running products.
 */
final class NumpyOptimizer {
    private NumpyOptimizer() {}

    /** Defines the optimizer's constants and state after {@code params} (the list of parameter arrays) exists. */
    static void writeState(PythonCode code, OptimizerKind kind, List<ParameterArray> arrays, double[] state) {
        switch (kind) {
            case SGD:
                return;
            case MOMENTUM:
                code.line("MU = " + PythonFloat.repr(Momentum.DEFAULT_MU) + "  # momentum: v = MU v - LR g, p += v");
                writeArrays(code, "velocity", arrays, state, 0);
                return;
            case ADAM: {
                int n = state.length / 2 - 1;
                code.line("BETA1, BETA2, EPSILON = " + PythonFloat.repr(Adam.DEFAULT_BETA1) + ", "
                        + PythonFloat.repr(Adam.DEFAULT_BETA2) + ", " + PythonFloat.repr(Adam.DEFAULT_EPSILON)
                        + "  # Adam (Kingma and Ba, 2015)");
                writeArrays(code, "first_moment", arrays, state, 0);
                writeArrays(code, "second_moment", arrays, state, n);
                code.line("beta1_power, beta2_power = " + PythonFloat.repr(state[2 * n]) + ", "
                        + PythonFloat.repr(state[2 * n + 1]) + "  # BETA1^t and BETA2^t after t updates");
                return;
            }
            default:
                throw new IllegalArgumentException("no numpy code for the optimizer " + kind);
        }
    }

    /** One state array per parameter array, from {@code state[shift + offset ...]}. */
    private static void writeArrays(
            PythonCode code, String name, List<ParameterArray> arrays, double[] state, int shift) {
        double[] shifted = new double[state.length - shift];
        System.arraycopy(state, shift, shifted, 0, shifted.length);
        if (ParameterArray.allZero(arrays, shifted)) {
            code.line(name + " = [np.zeros_like(p) for p in params]");
            return;
        }
        code.line(name + " = [");
        code.indent();
        for (ParameterArray array : arrays) {
            array.write(code, "", shifted, ",");
        }
        code.dedent();
        code.line("]");
    }

    /** The update, inside the batch loop, once {@code grads} lists the gradients in the order of {@code params}. */
    static void writeUpdate(PythonCode code, OptimizerKind kind) {
        switch (kind) {
            case SGD:
                code.line("for p, g in zip(params, grads):");
                code.line("    p -= LR * g");
                return;
            case MOMENTUM:
                code.line("for p, g, v in zip(params, grads, velocity):");
                code.line("    v[...] = MU * v - LR * g");
                code.line("    p += v");
                return;
            case ADAM:
                code.line("beta1_power *= BETA1");
                code.line("beta2_power *= BETA2");
                code.line("for p, g, m, v in zip(params, grads, first_moment, second_moment):");
                code.line("    m[...] = BETA1 * m + (1 - BETA1) * g");
                code.line("    v[...] = BETA2 * v + (1 - BETA2) * g * g");
                code.line("    m_hat = m / (1 - beta1_power)");
                code.line("    v_hat = v / (1 - beta2_power)");
                code.line("    p -= LR * m_hat / (np.sqrt(v_hat) + EPSILON)");
                return;
            default:
                throw new IllegalArgumentException("no numpy code for the optimizer " + kind);
        }
    }
}
