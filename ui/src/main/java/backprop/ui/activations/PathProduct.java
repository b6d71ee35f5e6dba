package backprop.ui.activations;

import backprop.engine.nn.Activations;
import backprop.engine.nn.BatchNorm;
import backprop.engine.nn.ComposedActivation;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The chain rule along one path, measured: from input feature x_i through one unit per hidden
 * layer to output score s_k, at one input point, each layer's local factor and their running
 * product. For hidden unit j of layer l on the path, entered from the path's unit p of the layer
 * before, the factor is w_l[j][p] · ∂a_j/∂z_j (the weight into the unit times the derivative of
 * its activation at its pre-activation); the output layer is linear, so its factor is the weight
 * alone. The product of all factors is ∂s_k/∂x_i restricted to that path; the sum of the
 * products over every path is the whole ∂s_k/∂x_i. With sigmoid every factor carries σ′ ≤ 0.25,
 * so the product shrinks geometrically with depth; with ReLU the derivative is 1 on every unit
 * that is on.
 *
 * <p>Per layer kind: PReLU uses the unit's learned slope for z ≤ 0; a composed activation its
 * derivative; a maxout unit is entered through its winning piece (derivative 1; the losing piece's
 * path has product 0); a {@code :bn} layer, in test mode as every evaluation, adds the factor
 * γ/√(running variance + ε) of its unit. Kinks follow the engine's convention (the left-hand
 * derivative).
 *
 * <p>{@link #strongest} picks the path whose product is largest in size, exactly, by dynamic
 * programming over the layers (ties go to the lowest index); {@link #along} takes a given path.
 * Both run the network forward on one row, in test mode, overwriting its buffers (not its
 * parameters, gradients or running statistics).
 */
public final class PathProduct {
    /**
     * One layer of the path, input side first.
     *
     * @param layer          the network's layer index (the last is the output layer)
     * @param unit           the unit of that layer on the path (the score's index for the output layer)
     * @param row            the weight row entered: the unit, or its winning piece's row for maxout
     * @param weight         w[row][previous unit]: the edge into the unit
     * @param preActivation  what the activation receives at this point (for {@code :bn}, after the normalization)
     * @param derivative     ∂a/∂z of the unit at this point (1 for the linear output)
     * @param factor         weight · derivative
     * @param product        the factors so far multiplied, input side first
     */
    public record Step(
            int layer,
            int unit,
            int row,
            double weight,
            double preActivation,
            double derivative,
            double factor,
            double product) {}

    private final int input;
    private final int output;
    private final List<Step> steps;

    /** A path as measured elsewhere (a race's worker): {@code steps} input side first. */
    PathProduct(int input, int output, List<Step> steps) {
        this.input = input;
        this.output = output;
        this.steps = Collections.unmodifiableList(new ArrayList<>(steps));
    }

    /** The input feature the path starts from (an index into the network's inputs). */
    public int input() {
        return input;
    }

    /** The score the path ends at (an index into the network's outputs). */
    public int output() {
        return output;
    }

    /** One step per layer, hidden layers first, the output layer last. */
    public List<Step> steps() {
        return steps;
    }

    /** The product of every factor: ∂(score)/∂(input) along this path. */
    public double product() {
        return steps.get(steps.size() - 1).product();
    }

    /**
     * The path from input feature {@code input} through {@code units[l]} of every hidden layer l
     * to score {@code output}, at {@code features}.
     */
    public static PathProduct along(Network network, double[] features, int output, int input, int[] units) {
        int hidden = network.layerCount() - 1;
        if (units.length != hidden) {
            throw new IllegalArgumentException(
                    "path: " + units.length + " hidden units given, the network has " + hidden + " hidden layers");
        }
        check(network, features, output);
        if (input < 0 || input >= network.inputs()) {
            throw new IllegalArgumentException(
                    "path: input " + input + " is not allowed; allowed: 0.." + (network.inputs() - 1));
        }
        for (int l = 0; l < hidden; l++) {
            if (units[l] < 0 || units[l] >= network.layer(l).units()) {
                throw new IllegalArgumentException("path: unit " + units[l] + " of hidden layer " + (l + 1)
                        + " is not allowed; allowed: 0.." + (network.layer(l).units() - 1));
            }
        }
        forwardOne(network, features);
        return build(network, output, input, units);
    }

    /** The path from some input to score {@code output} whose product is largest in size, at {@code features}. */
    public static PathProduct strongest(Network network, double[] features, int output) {
        check(network, features, output);
        forwardOne(network, features);
        double[] params = network.parameters();
        int hidden = network.layerCount() - 1;
        // best[j]: the largest |product| of a path from some input to unit j of the current layer;
        // from[l][j]: the unit of the layer before on that path (for layer 0: the input)
        int[][] from = new int[hidden + 1][];
        double[] best = new double[network.inputs()];
        Arrays.fill(best, 1);
        for (int l = 0; l <= hidden; l++) {
            Layer layer = network.layer(l);
            boolean last = l == hidden;
            int count = last ? 1 : layer.units();
            double[] next = new double[count];
            from[l] = new int[count];
            for (int j = 0; j < count; j++) {
                int unit = last ? output : j;
                int row = row(layer, unit);
                double size = Math.abs(last ? 1 : derivative(network, l, unit, row));
                int weights = layer.weightOffset() + row * layer.inputs();
                double top = -1;
                int arg = 0;
                for (int p = 0; p < layer.inputs(); p++) {
                    double candidate = best[p] * Math.abs(params[weights + p]);
                    if (candidate > top) {
                        top = candidate;
                        arg = p;
                    }
                }
                next[j] = top * size;
                from[l][j] = arg;
            }
            best = next;
        }
        int[] units = new int[hidden];
        int at = 0;
        for (int l = hidden; l > 0; l--) {
            at = from[l][at];
            units[l - 1] = at;
        }
        int input = from[0][hidden == 0 ? 0 : units[0]];
        return build(network, output, input, units);
    }

    private static void check(Network network, double[] features, int output) {
        if (features.length != network.inputs()) {
            throw new IllegalArgumentException(
                    "path: " + features.length + " input features given, the network takes " + network.inputs());
        }
        if (output < 0 || output >= network.outputs()) {
            throw new IllegalArgumentException(
                    "path: output " + output + " is not allowed; allowed: 0.." + (network.outputs() - 1));
        }
    }

    private static void forwardOne(Network network, double[] features) {
        System.arraycopy(features, 0, network.input(), 0, features.length);
        network.forward(1);
    }

    private static PathProduct build(Network network, int output, int input, int[] units) {
        double[] params = network.parameters();
        int hidden = network.layerCount() - 1;
        List<Step> steps = new ArrayList<>(hidden + 1);
        int previous = input;
        double product = 1;
        for (int l = 0; l <= hidden; l++) {
            Layer layer = network.layer(l);
            boolean last = l == hidden;
            int unit = last ? output : units[l];
            int row = row(layer, unit);
            double weight = params[layer.weightOffset() + row * layer.inputs() + previous];
            double z = layer.preActivations()[row];
            double derivative = last ? 1 : derivative(network, l, unit, row);
            double factor = weight * derivative;
            product *= factor;
            steps.add(new Step(l, unit, row, weight, z, derivative, factor, product));
            previous = unit;
        }
        return new PathProduct(input, output, steps);
    }

    /** The weight row a path enters {@code unit} by: the winning piece for maxout (piece 0 on a tie), else the unit. */
    private static int row(Layer layer, int unit) {
        if (layer.activation() != Activation.MAXOUT) {
            return unit;
        }
        double[] z = layer.preActivations();
        return z[2 * unit] >= z[2 * unit + 1] ? 2 * unit : 2 * unit + 1;
    }

    /** ∂a_unit/∂(W x + b)_row at the last forward row 0, through the normalization of a {@code :bn} layer. */
    private static double derivative(Network network, int l, int unit, int row) {
        Layer layer = network.layer(l);
        double z = layer.preActivations()[row];
        double f;
        Activation kind = layer.activation();
        if (kind == Activation.MAXOUT || kind == Activation.LINEAR) {
            f = 1;
        } else if (kind == Activation.PRELU) {
            f = z > 0 ? 1 : network.parameters()[layer.extraOffset() + unit];
        } else if (kind == Activation.COMPOSED) {
            f = ComposedActivation.derivative(layer.composition(), z);
        } else {
            f = Activations.derivative(kind, z);
        }
        BatchNorm bn = layer.batchNorm();
        if (bn == null) {
            return f;
        }
        double variance = network.runningStatistics()[bn.runningOffset() + bn.width() + row];
        double gamma = network.parameters()[bn.gammaOffset() + row];
        // the nested operand first: TeaVM's JS drops the parentheses of a * (b / c)
        return (gamma / Math.sqrt(variance + BatchNorm.EPSILON)) * f;
    }
}
