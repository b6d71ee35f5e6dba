package backprop.engine.export;

import backprop.engine.nn.BatchNorm;
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
 * <p>A layer is an affine map, then batch normalization when it has {@code :bn}, then its
 * {@link NumpyActivation}. A batch-normalized layer's affine output is {@code a1}; {@code z1} is
 * then the normalized and scaled value the activation takes, so the activations' lines stay the
 * same. As in the engine ({@link BatchNorm}): the mini-batch's statistics in training, the running
 * ones otherwise; dL/db is left 0 in training (the mean subtraction removes b); the running
 * statistics follow each applied mini-batch of two or more rows.
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

    /** True when a hidden layer is batch-normalized: forward then takes {@code training}. */
    boolean hasBatchNorm() {
        for (int l = 0; l < hiddenLayers(); l++) {
            if (network.layer(l).batchNorm() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code w1 = ...}, {@code b1 = ...}, ..., then {@code params = [...]} in the engine's order;
     * a batch-normalized layer's running mean and variance ({@code rm1}, {@code rv1}) from
     * {@code running}.
     */
    void writeParameters(PythonCode code, double[] params, double[] running) {
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
            BatchNorm norm = layer.batchNorm();
            if (norm != null) {
                int number = l + 1;
                code.list(
                        "rm" + number + " = np.array(",
                        PythonCode.floats(running, norm.runningOffset(), norm.width()),
                        ")  # running mean");
                code.list(
                        "rv" + number + " = np.array(",
                        PythonCode.floats(running, norm.runningOffset() + norm.width(), norm.width()),
                        ")  # running variance");
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
        boolean normalized = hasBatchNorm();
        if (normalized) {
            code.line(
                    "EPS = " + PythonFloat.repr(BatchNorm.EPSILON) + "  # added to the variance under the square root");
            code.line(
                    "CACHE = {}  # per batch-normalized layer: x_hat, 1/std, mean, variance of the last training pass");
            code.line("");
            code.line("");
            code.line("def forward(x, training=False):");
        } else {
            code.line("def forward(x):");
        }
        code.indent();
        code.line("\"\"\"Each hidden layer's pre-activation z and activation h, then the scores.\"\"\"");
        String input = "x";
        StringBuilder returned = new StringBuilder();
        for (int l = 0; l < hiddenLayers(); l++) {
            int number = l + 1;
            if (network.layer(l).batchNorm() != null) {
                writeNormalization(code, input, number);
            } else {
                code.line("z" + number + " = " + input + ".dot(w" + number + ") + b" + number);
            }
            code.line(NumpyActivation.of(network.layer(l), number).forward());
            input = "h" + number;
            returned.append("z").append(number).append(", h").append(number).append(", ");
        }
        int output = network.layerCount();
        code.line("scores = " + input + ".dot(w" + output + ") + b" + output);
        code.line("return " + returned + (hiddenLayers() == 0 ? "scores," : "scores"));
        code.dedent();
    }

    /** a = x w + b, then z = γ x̂ + β with the batch's statistics in training, the running ones otherwise. */
    private static void writeNormalization(PythonCode code, String input, int n) {
        code.line("a" + n + " = " + input + ".dot(w" + n + ") + b" + n);
        code.line("if training:  # the mini-batch's mean and (biased) variance");
        code.line("    mu" + n + " = a" + n + ".sum(axis=0) / len(x)");
        code.line("    c" + n + " = a" + n + " - mu" + n);
        code.line("    var" + n + " = (c" + n + " * c" + n + ").sum(axis=0) / len(x)");
        code.line("else:  # the running statistics");
        code.line("    mu" + n + ", var" + n + " = rm" + n + ", rv" + n);
        code.line("inv" + n + " = 1 / np.sqrt(var" + n + " + EPS)");
        code.line("xh" + n + " = (a" + n + " - mu" + n + ") * inv" + n);
        code.line("z" + n + " = xh" + n + " * g" + n + " + be" + n);
        code.line("if training:");
        code.line("    CACHE[" + n + "] = (xh" + n + ", inv" + n + ", mu" + n + ", var" + n + ")");
    }

    /** After an applied mini-batch of two or more rows: running = 0.9 running + 0.1 batch (variance unbiased). */
    void writeRunningUpdate(PythonCode code) {
        if (!hasBatchNorm()) {
            return;
        }
        code.line("if len(batch) > 1:  # the running statistics (a batch of one leaves them)");
        code.indent();
        code.line("m = len(batch)");
        for (int l = 0; l < hiddenLayers(); l++) {
            if (network.layer(l).batchNorm() != null) {
                int n = l + 1;
                code.line("rm" + n + " = 0.9 * rm" + n + " + CACHE[" + n + "][2] * 0.1");
                code.line("rv" + n + " = 0.9 * rv" + n + " + (m / (m - 1) * CACHE[" + n + "][3]) * 0.1");
            }
        }
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
            boolean normalized =
                    number < network.layerCount() && network.layer(number - 1).batchNorm() != null;
            if (normalized) {
                int n = number;
                code.line("xh" + n + ", inv" + n + " = CACHE[" + n + "][0], CACHE[" + n + "][1]");
                code.line("grad_be" + n + " = grad_z" + n + ".sum(axis=0)");
                code.line("grad_g" + n + " = (grad_z" + n + " * xh" + n + ").sum(axis=0)");
                code.line("grad_a" + n + " = (g" + n + " * inv" + n + ") / len(x) * (len(x) * grad_z" + n + " - grad_be"
                        + n + " - xh" + n + " * grad_g" + n + ")");
                dz = "grad_a" + n;
            }
            String input = number == 1 ? "x" : "h" + (number - 1);
            code.line("grad_w" + number + " = " + input + ".T.dot(" + dz + ")");
            if (normalized) {
                code.line("grad_b" + number + " = np.zeros_like(b" + number
                        + ")  # the batch mean removes b: the engine leaves dL/db 0");
            } else {
                code.line("grad_b" + number + " = " + dz + ".sum(axis=0)");
            }
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
