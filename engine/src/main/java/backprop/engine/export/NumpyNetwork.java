package backprop.engine.export;

import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.RegularizationKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The network part of an export: its parameters as they stand, {@code forward(x)}, and the
 * backward pass written out layer by layer as in the lecture (grad_w = h.T.dot(grad_z), grad_h of
 * the layer below = grad_z.dot(w.T), then each activation's local gradient), plus λ dR/dW on the
 * weights.
 *
 * <p>Extension point: a layer is an affine map then its {@link NumpyActivation}; a new layer kind
 * (batch norm, say) adds its own forward lines after the affine map, its backward lines before
 * it, and its parameter arrays to {@link ParameterArray#of} in the engine's order.
 */
final class NumpyNetwork {
    private final Network network;
    private final List<ParameterArray> arrays;

    NumpyNetwork(Network network) {
        this.network = network;
        this.arrays = ParameterArray.of(network);
    }

    List<ParameterArray> arrays() {
        return arrays;
    }

    /** Helper functions the activations call. */
    Set<NumpyHelper> helpers() {
        Set<NumpyHelper> helpers = EnumSet.noneOf(NumpyHelper.class);
        for (int l = 0; l < hiddenLayers(); l++) {
            helpers.addAll(NumpyActivation.of(network.layer(l), l + 1).helpers());
        }
        return helpers;
    }

    private int hiddenLayers() {
        return network.layerCount() - 1;
    }

    /** {@code w1 = ...}, {@code b1 = ...}, ..., then {@code params = [...]} in the engine's order. */
    void writeParameters(PythonCode code, double[] params) {
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            String what = l < hiddenLayers()
                    ? "hidden layer " + (l + 1) + ": " + layer.units() + " " + layer.activationName()
                            + (layer.preUnits() != layer.units()
                                    ? " units of " + layer.preUnits() / layer.units() + " pieces"
                                    : " units")
                    : "output layer: " + layer.units() + " scores";
            code.line("# " + what + ", from " + layer.inputs() + " inputs");
            for (ParameterArray array : arrays) {
                if (array.offset() >= layer.weightOffset()
                        && array.offset() < layer.weightOffset() + layer.parameterCount()) {
                    array.write(code, array.name() + " = ", params, "");
                }
            }
        }
        code.line("params = [" + names(false) + "]");
    }

    /** The functions of the composed activations, each followed by two empty lines. */
    void writeComposed(PythonCode code) {
        for (int l = 0; l < hiddenLayers(); l++) {
            if (network.layer(l).composition() != null) {
                NumpyComposed.write(code, network.layer(l).composition(), l + 1);
                code.line("");
                code.line("");
            }
        }
    }

    /** {@code def forward(x)}, returning every z and h and last the scores. */
    void writeForward(PythonCode code) {
        code.line("def forward(x):");
        code.indent();
        code.line("\"\"\"Each hidden layer's pre-activation z and activation h, then the scores.\"\"\"");
        String input = "x";
        StringBuilder returned = new StringBuilder();
        for (int l = 0; l < hiddenLayers(); l++) {
            int number = l + 1;
            code.line("z" + number + " = " + input + ".dot(w" + number + ") + b" + number);
            code.line(NumpyActivation.of(network.layer(l), number).forward());
            input = "h" + number;
            returned.append("z").append(number).append(", h").append(number).append(", ");
        }
        int output = network.layerCount();
        code.line("scores = " + input + ".dot(w" + output + ") + b" + output);
        code.line("return " + returned + (hiddenLayers() == 0 ? "scores," : "scores"));
        code.dedent();
    }

    /** The left side that unpacks what {@code forward} returns. */
    String forwardTargets() {
        StringBuilder targets = new StringBuilder();
        for (int number = 1; number <= hiddenLayers(); number++) {
            targets.append("z").append(number).append(", h").append(number).append(", ");
        }
        return hiddenLayers() == 0 ? "scores," : targets + "scores";
    }

    /** From {@code grad_scores} and the batch input {@code x} to every {@code grad_...}, then {@code grads = [...]}. */
    void writeBackward(PythonCode code, RegularizationKind reg, double lambda) {
        for (int number = network.layerCount(); number >= 1; number--) {
            String dz = number == network.layerCount() ? "grad_scores" : "grad_z" + number;
            if (number < network.layerCount()) {
                code.lines(NumpyActivation.of(network.layer(number - 1), number).backward());
            }
            String input = number == 1 ? "x" : "h" + (number - 1);
            code.line("grad_w" + number + " = " + input + ".T.dot(" + dz + ")");
            code.line("grad_b" + number + " = " + dz + ".sum(axis=0)");
            if (number > 1) {
                code.line("grad_h" + (number - 1) + " = " + dz + ".dot(w" + number + ".T)");
            }
        }
        if (reg != RegularizationKind.NONE && lambda != 0) {
            code.line(
                    reg == RegularizationKind.L2
                            ? "# L2 on the weights (not biases): d(LAMBDA sum w^2)/dw = 2 LAMBDA w"
                            : "# L1 on the weights (not biases): d(LAMBDA sum |w|)/dw = LAMBDA sign(w), 0 at w = 0");
            for (ParameterArray array : arrays) {
                if (array.kind() == ParameterArray.Kind.WEIGHTS) {
                    code.line(array.gradientName()
                            + (reg == RegularizationKind.L2
                                    ? " += 2 * LAMBDA * " + array.name()
                                    : " += LAMBDA * np.sign(" + array.name() + ")"));
                }
            }
        }
        code.line("grads = [" + names(true) + "]");
    }

    private String names(boolean gradients) {
        StringBuilder names = new StringBuilder();
        for (ParameterArray array : arrays) {
            names.append(names.length() == 0 ? "" : ", ").append(gradients ? array.gradientName() : array.name());
        }
        return names.toString();
    }
}
