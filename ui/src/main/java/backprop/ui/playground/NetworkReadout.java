package backprop.ui.playground;

import backprop.engine.data.Features;
import backprop.engine.math.Fdlibm;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Feature;
import backprop.engine.spec.Spec;
import backprop.ui.text.Numbers;

/**
 * What the network diagram says about a neuron or an edge, and the model maths behind it: names,
 * which parameter an edge shows (maxout's pieces), dL/da, the gradient bars' scale and the value
 * an input's map shows. Columns count from the inputs (0) to the outputs ({@code columns - 1});
 * hidden column c is network layer c - 1.
 */
public final class NetworkReadout {
    private NetworkReadout() {}

    /** The neuron's accessible name: "Input x1", "Layer 2, neuron 3 (tanh)", "Output 0 (softmax)". */
    public static String neuronName(Spec spec, int columns, int column, int index) {
        if (column == 0) {
            return "Input " + spec.features().get(index).key();
        }
        if (column == columns - 1) {
            return "Output " + index + " (" + spec.loss().key() + ")";
        }
        return "Layer " + column + ", neuron " + (index + 1) + " ("
                + spec.layers().get(column - 1).activationName() + ")";
    }

    /** The column's heading: "inputs", "8 tanh", "output". */
    public static String columnTitle(Spec spec, int columns, int column) {
        if (column == 0) {
            return "inputs";
        }
        if (column == columns - 1) {
            return "output";
        }
        return spec.layers().get(column - 1).units() + " "
                + spec.layers().get(column - 1).activationName();
    }

    /**
     * The index in the parameters of the weight from input {@code i} to unit {@code j}; for maxout
     * (several pre-activation rows per unit), the piece whose weight is largest in magnitude.
     */
    public static int weightIndex(Layer layer, double[] params, int j, int i) {
        int rowsPerUnit = layer.preUnits() / layer.units();
        int best = layer.weightOffset() + (j * rowsPerUnit) * layer.inputs() + i;
        for (int p = 1; p < rowsPerUnit; p++) {
            int k = layer.weightOffset() + (j * rowsPerUnit + p) * layer.inputs() + i;
            if (Math.abs(params[k]) > Math.abs(params[best])) {
                best = k;
            }
        }
        return best;
    }

    /** The index of unit {@code unit}'s bias (maxout: its first piece's). */
    public static int biasIndex(Layer layer, int unit) {
        return layer.biasOffset() + unit * (layer.preUnits() / layer.units());
    }

    /**
     * dL/da of unit {@code index} of network layer {@code layer}, averaged over the training set:
     * the sum over the next layer's rows r of W[r][index] · dL/db_r. The data loss is a mean and
     * linear in the next layer's dL/dz, so the means commute.
     */
    public static double lossGradientOfActivation(Network network, double[] gradient, int layer, int index) {
        Layer next = network.layer(layer + 1);
        double[] params = network.parameters();
        double upstream = 0;
        for (int r = 0; r < next.preUnits(); r++) {
            upstream += params[next.weightOffset() + r * next.inputs() + index] * gradient[next.biasOffset() + r];
        }
        return upstream;
    }

    /** Where a layer's gradient norm sits on the bar: log10 from 1e-6 (0) to 10 (1). */
    public static double gradientBarFraction(double norm) {
        double log = norm > 0 ? Fdlibm.log(norm) / 2.302585092994046 : -7;
        return Math.max(0, Math.min(1, (log + 6) / 7));
    }

    /** The value an input's map shows at (x1, x2), scaled into about [-1, 1]. */
    public static double inputMapValue(Feature feature, double x1, double x2) {
        double v = Features.value(feature, x1, x2);
        if (feature == Feature.SINX1 || feature == Feature.SINX2) {
            return v;
        }
        double scale =
                feature == Feature.X1SQ || feature == Feature.X2SQ || feature == Feature.X1X2 ? 1.0 / 18 : 1.0 / 6;
        return v * scale;
    }

    /** A number short enough for a bar's label: 3 decimals, or a mantissa and exponent below 0.01. */
    public static String shortNumber(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 0.01) {
            return Numbers.fixed(v, 3);
        }
        int exponent = 0;
        double m = Math.abs(v);
        while (m < 1 && exponent > -30) {
            m *= 10;
            exponent--;
        }
        return (v < 0 ? "-" : "") + Numbers.fixed(m, 1) + "e" + exponent;
    }
}
