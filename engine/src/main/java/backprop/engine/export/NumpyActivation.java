package backprop.engine.export;

import backprop.engine.nn.Activations;
import backprop.engine.nn.Layer;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import java.util.EnumSet;
import java.util.Set;

/**
 * One hidden layer's activation in numpy: the forward line h = f(z) and, beside it, the backward
 * lines giving dL/dz from dL/dh, written with the engine's formulas and conventions
 * ({@link Activations}): strict z > 0 at the ReLU family's kink, the left-hand derivative at
 * h-swish's kinks, tanh' and σ' from the stored output, maxout ties to the first piece. A composed
 * activation calls its layer's function from {@link NumpyComposed}.
 *
 * @param forward   the line computing the activation {@code h}
 * @param backward  the lines computing {@code grad_z} (and {@code grad_a} for PReLU slopes)
 * @param helpers   the helper functions these lines call
 */
record NumpyActivation(String forward, String[] backward, Set<NumpyHelper> helpers) {

    /**
     * The code for layer {@code number}'s activation: pre-activation {@code z<n>}, activation
     * {@code h<n>}, gradients {@code grad_h<n>}, {@code grad_z<n>}, slopes {@code a<n>}.
     */
    static NumpyActivation of(Layer layer, int number) {
        if (layer.composition() != null) {
            Composition c = layer.composition();
            String function = NumpyComposed.function(number);
            Set<NumpyHelper> helpers = EnumSet.noneOf(NumpyHelper.class);
            if (NumpyComposed.usesSigmoid(c)) {
                helpers.add(NumpyHelper.SIGMOID);
            }
            if (NumpyComposed.usesErf(c)) {
                helpers.add(NumpyHelper.ERF);
            }
            return new NumpyActivation(
                    "h" + number + " = " + function + "(z" + number + ")[0]",
                    new String[] {"grad_z" + number + " = grad_h" + number + " * " + function + "(z" + number + ")[1]"},
                    helpers);
        }
        return of(layer.activation(), number);
    }

    private static NumpyActivation of(Activation activation, int number) {
        String z = "z" + number;
        String h = "h" + number;
        String dh = "grad_h" + number;
        String dz = "grad_z" + number;
        Set<NumpyHelper> none = EnumSet.noneOf(NumpyHelper.class);
        String leaky = PythonFloat.repr(Activations.LEAKY_SLOPE);
        switch (activation) {
            case LINEAR:
                return new NumpyActivation(h + " = " + z, new String[] {dz + " = " + dh}, none);
            case SIGMOID:
                return new NumpyActivation(
                        h + " = sigmoid(" + z + ")",
                        new String[] {dz + " = (1 - " + h + ") * " + h + " * " + dh},
                        EnumSet.of(NumpyHelper.SIGMOID));
            case TANH:
                return new NumpyActivation(
                        h + " = np.tanh(" + z + ")",
                        new String[] {dz + " = " + dh + " * (1 - " + h + " * " + h + ")"},
                        none);
            case RELU:
                return new NumpyActivation(
                        h + " = np.where(" + z + " > 0, " + z + ", 0.0)",
                        new String[] {dz + " = np.where(" + z + " > 0, " + dh + ", 0.0)"},
                        none);
            case LEAKYRELU:
                return new NumpyActivation(
                        h + " = np.where(" + z + " > 0, " + z + ", " + leaky + " * " + z + ")",
                        new String[] {dz + " = np.where(" + z + " > 0, " + dh + ", " + dh + " * " + leaky + ")"},
                        none);
            case PRELU: {
                String slopes = "a" + number;
                return new NumpyActivation(
                        h + " = np.where(" + z + " > 0, " + z + ", " + slopes + " * " + z + ")",
                        new String[] {
                            "grad_" + slopes + " = np.where(" + z + " > 0, 0.0, " + dh + " * " + z + ").sum(axis=0)",
                            dz + " = np.where(" + z + " > 0, " + dh + ", " + slopes + " * " + dh + ")"
                        },
                        none);
            }
            case ELU:
                // e^z = h + 1 for z <= 0
                return new NumpyActivation(
                        h + " = np.where(" + z + " > 0, " + z + ", np.expm1(np.minimum(" + z + ", 0)))",
                        new String[] {dz + " = np.where(" + z + " > 0, " + dh + ", " + dh + " * (" + h + " + 1))"},
                        none);
            case MAXOUT:
                return new NumpyActivation(
                        h + " = np.where(" + z + "[:, 0::2] >= " + z + "[:, 1::2], " + z + "[:, 0::2], " + z
                                + "[:, 1::2])",
                        new String[] {
                            "first_wins = " + z + "[:, 0::2] >= " + z + "[:, 1::2]",
                            dz + " = np.zeros_like(" + z + ")",
                            dz + "[:, 0::2] = np.where(first_wins, " + dh + ", 0.0)",
                            dz + "[:, 1::2] = np.where(first_wins, 0.0, " + dh + ")"
                        },
                        none);
            case SWISH:
                return new NumpyActivation(
                        h + " = " + z + " * sigmoid(" + z + ")",
                        new String[] {"s = sigmoid(" + z + ")", dz + " = " + dh + " * (s + " + z + " * s * (1 - s))"},
                        EnumSet.of(NumpyHelper.SIGMOID));
            case HSWISH:
                return new NumpyActivation(
                        h + " = " + z + " * np.minimum(6, np.maximum(0, " + z + " + 3)) / 6",
                        new String[] {
                            dz + " = " + dh + " * np.where(" + z + " <= -3, 0.0, np.where(" + z + " <= 3, (2 * " + z
                                    + " + 3) / 6, 1.0))"
                        },
                        none);
            case GELU:
                // Φ(z) = erfc(-z / √2) / 2, φ(z) = e^{-z²/2} / √(2π)
                return new NumpyActivation(
                        h + " = erfc(-" + z + " * INV_SQRT2) * 0.5 * " + z,
                        new String[] {
                            dz + " = " + dh + " * (erfc(-" + z + " * INV_SQRT2) * 0.5 + " + z + " * np.exp(-0.5 * " + z
                                    + " * " + z + ") * INV_SQRT_2PI)"
                        },
                        EnumSet.of(NumpyHelper.ERFC));
            case SOFTPLUS:
                return new NumpyActivation(
                        h + " = np.maximum(" + z + ", 0) + np.log1p(np.exp(-np.abs(" + z + ")))",
                        new String[] {dz + " = " + dh + " * sigmoid(" + z + ")"},
                        EnumSet.of(NumpyHelper.SIGMOID));
            default:
                throw new IllegalArgumentException(Exportability.composedProblem(activation.key()));
        }
    }
}
