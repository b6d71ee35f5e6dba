package backprop.engine.export;

import backprop.engine.nn.BatchNorm;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter array of an exported network as Python names it, and where its numbers sit in
 * the engine's flat parameter array (which is also the layout of the gradient and of the
 * optimizer's per-parameter state).
 *
 * <p>Weights are written as the lecture writes them, {@code [inputs][units]} so that a layer is
 * {@code x.dot(w) + b}: the transpose of the engine's {@code [preUnits][inputs]} rows.
 *
 * @param name     {@code w1}, {@code b1}, {@code a1} (PReLU slopes), {@code g1} and {@code be1} (batch
 *                 norm's γ and β), ... layer numbers from 1
 * @param layer    the layer's index in the network, from 0
 * @param kind     what the numbers are
 * @param offset   where the first number sits in the engine's flat array
 * @param rows     the engine's row count (weight rows = pre-activation units; 1 for a vector)
 * @param columns  the engine's column count (inputs for weights; the length for a vector)
 */
record ParameterArray(String name, int layer, Kind kind, int offset, int rows, int columns) {
    /** Weights are regularized; biases, PReLU slopes and batch norm's γ and β are not. */
    enum Kind {
        WEIGHTS,
        BIASES,
        SLOPES,
        GAMMAS,
        BETAS
    }

    /** Every parameter array of the network, in the engine's order: per layer weights, biases, slopes, γ, β. */
    static List<ParameterArray> of(Network network) {
        List<ParameterArray> arrays = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            int number = l + 1;
            arrays.add(new ParameterArray(
                    "w" + number, l, Kind.WEIGHTS, layer.weightOffset(), layer.preUnits(), layer.inputs()));
            arrays.add(new ParameterArray("b" + number, l, Kind.BIASES, layer.biasOffset(), 1, layer.preUnits()));
            if (layer.extraCount() > 0) {
                arrays.add(
                        new ParameterArray("a" + number, l, Kind.SLOPES, layer.extraOffset(), 1, layer.extraCount()));
            }
            BatchNorm norm = layer.batchNorm();
            if (norm != null) {
                arrays.add(new ParameterArray("g" + number, l, Kind.GAMMAS, norm.gammaOffset(), 1, norm.width()));
                arrays.add(new ParameterArray("be" + number, l, Kind.BETAS, norm.betaOffset(), 1, norm.width()));
            }
        }
        return arrays;
    }

    /** The gradient's Python name: {@code grad_w1}. */
    String gradientName() {
        return "grad_" + name;
    }

    /** How a weight matrix is written. */
    enum Layout {
        /** {@code [inputs][units]}, the lecture's {@code x.dot(w)}. */
        BY_INPUT,
        /** {@code [units][inputs]}, the engine's rows and PyTorch's {@code nn.Linear.weight}. */
        BY_UNIT
    }

    /** The numpy literal of this array's numbers in {@code flat}, after {@code prefix}, then {@code suffix}. */
    void write(PythonCode code, String prefix, double[] flat, String suffix) {
        write(code, prefix, flat, suffix, Layout.BY_INPUT, "np.array(");
    }

    /** This array's numbers in {@code flat} as {@code prefix + opening + literal + ")" + suffix}. */
    void write(PythonCode code, String prefix, double[] flat, String suffix, Layout layout, String opening) {
        if (kind != Kind.WEIGHTS) {
            code.list(prefix + opening, PythonCode.floats(flat, offset, columns), ")" + suffix);
            return;
        }
        boolean byInput = layout == Layout.BY_INPUT;
        double[][] matrix = byInput ? new double[columns][rows] : new double[rows][columns];
        for (int o = 0; o < rows; o++) {
            for (int i = 0; i < columns; i++) {
                double value = flat[offset + o * columns + i];
                if (byInput) {
                    matrix[i][o] = value;
                } else {
                    matrix[o][i] = value;
                }
            }
        }
        code.list(prefix + opening, PythonCode.rows(matrix), ")" + suffix);
    }

    /** True when every array's numbers in {@code flat} are +0.0 (a fresh optimizer state). */
    static boolean allZero(List<ParameterArray> arrays, double[] flat) {
        for (ParameterArray array : arrays) {
            if (!array.allZero(flat)) {
                return false;
            }
        }
        return true;
    }

    /** True when every number of this array in {@code flat} is +0.0 (so {@code np.zeros} says it). */
    boolean allZero(double[] flat) {
        for (int k = offset; k < offset + rows * columns; k++) {
            if (Double.doubleToRawLongBits(flat[k]) != 0L) {
                return false;
            }
        }
        return true;
    }
}
