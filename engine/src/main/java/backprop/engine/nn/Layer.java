package backprop.engine.nn;

import backprop.engine.math.Rng;
import backprop.engine.spec.Activation;
import backprop.engine.spec.InitKind;

/**
 * One layer of a {@link Network}: an affine map z = W x + b ({@code W} is
 * {@code [preUnits][inputs]}, row-major, in the network's parameter array) followed by an
 * activation. Its buffers hold, for each row of the current chunk, the pre-activation z
 * ({@code preUnits} values) and the activation a ({@code units} values).
 *
 * <p>Parameters, in this order inside the network's array: weights, biases, then extras
 * (PReLU slopes).
 */
public abstract class Layer {
    final int inputs;
    final int units;
    final int preUnits;
    final Activation activation;
    final int weightOffset;
    final int biasOffset;
    final int extraOffset;
    final int extraCount;
    /** z = W x + b, {@code [row][preUnits]}. */
    final double[] preActivation;
    /** a = f(z), {@code [row][units]} (the same array as z for a linear layer). */
    final double[] activationValues;

    Layer(int inputs, int units, int preUnits, Activation activation, int offset, int extraCount, int rows) {
        this.inputs = inputs;
        this.units = units;
        this.preUnits = preUnits;
        this.activation = activation;
        this.weightOffset = offset;
        this.biasOffset = offset + preUnits * inputs;
        this.extraOffset = biasOffset + preUnits;
        this.extraCount = extraCount;
        this.preActivation = new double[rows * preUnits];
        this.activationValues = activation == Activation.LINEAR ? preActivation : new double[rows * units];
    }

    /** Width of the input rows. */
    public int inputs() {
        return inputs;
    }

    /** Width of the output rows (units). */
    public int units() {
        return units;
    }

    /** Rows of the weight matrix: units, or 2 · units for maxout. */
    public int preUnits() {
        return preUnits;
    }

    public Activation activation() {
        return activation;
    }

    /** Where this layer's weights start in the network's parameter array. */
    public int weightOffset() {
        return weightOffset;
    }

    public int weightCount() {
        return preUnits * inputs;
    }

    public int biasOffset() {
        return biasOffset;
    }

    /** Where the extra parameters (PReLU slopes) start. */
    public int extraOffset() {
        return extraOffset;
    }

    public int extraCount() {
        return extraCount;
    }

    /** All parameters of this layer. */
    public int parameterCount() {
        return preUnits * inputs + preUnits + extraCount;
    }

    /** The pre-activations of the last forward pass, {@code [row][preUnits]}. */
    public double[] preActivations() {
        return preActivation;
    }

    /** The activations of the last forward pass, {@code [row][units]}. */
    public double[] activations() {
        return activationValues;
    }

    abstract void forward(double[] params, double[] input, int rows);

    /**
     * Given dLoss/da in {@code dActivation}, accumulates dLoss/dW, dLoss/db (and extras) into
     * {@code grads} and, unless {@code dInput} is null, writes dLoss/dInput. {@code dPre} is
     * scratch of at least rows · preUnits.
     */
    abstract void backward(double[] params, double[] grads, double[] input, double[] dActivation,
                           double[] dPre, double[] dInput, int rows);

    /**
     * Weights drawn row by row: He N(0, 2/fan_in), Xavier N(0, 2/(fan_in + fan_out)) with
     * fan_out the number of weight rows, or uniform(-0.5, 0.5); biases 0; extras by the layer.
     */
    void initialize(double[] params, InitKind init, Rng rng) {
        int count = preUnits * inputs;
        double sd;
        switch (init) {
            case HE:
                sd = Math.sqrt(2.0 / inputs);
                break;
            case XAVIER:
                sd = Math.sqrt(2.0 / (inputs + preUnits));
                break;
            default:
                sd = 0;
        }
        for (int k = 0; k < count; k++) {
            params[weightOffset + k] = init == InitKind.UNIFORM ? rng.uniform(-0.5, 0.5) : sd * rng.nextGaussian();
        }
        for (int o = 0; o < preUnits; o++) {
            params[biasOffset + o] = 0;
        }
    }

    /**
     * z[row][o] = Σ_i W[o][i] x[row][i] + b[o], over {@code out} weight rows. Four outputs are
     * summed side by side (independent chains, faster); each sum still runs over i in order.
     */
    static void affineForward(double[] p, int wOff, int bOff, int in, int out, double[] x, int rows, double[] z) {
        for (int b = 0; b < rows; b++) {
            int xRow = b * in;
            int zRow = b * out;
            int o = 0;
            for (; o + 3 < out; o += 4) {
                int w0 = wOff + o * in;
                int w1 = w0 + in;
                int w2 = w1 + in;
                int w3 = w2 + in;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int i = 0; i < in; i++) {
                    double xi = x[xRow + i];
                    s0 += p[w0 + i] * xi;
                    s1 += p[w1 + i] * xi;
                    s2 += p[w2 + i] * xi;
                    s3 += p[w3 + i] * xi;
                }
                z[zRow + o] = s0 + p[bOff + o];
                z[zRow + o + 1] = s1 + p[bOff + o + 1];
                z[zRow + o + 2] = s2 + p[bOff + o + 2];
                z[zRow + o + 3] = s3 + p[bOff + o + 3];
            }
            for (; o < out; o++) {
                int w = wOff + o * in;
                double s = 0;
                for (int i = 0; i < in; i++) {
                    s += p[w + i] * x[xRow + i];
                }
                z[zRow + o] = s + p[bOff + o];
            }
        }
    }

    /**
     * dW[o][i] += Σ_rows dz[o] x[i], db[o] += Σ_rows dz[o], and dx[i] = Σ_o W[o][i] dz[o]
     * (when dx is not null). Every sum adds its terms one at a time in a fixed order (rows in
     * order for dW and db, o in order for dx), so splitting a batch into chunks gives the same
     * bits. Four independent sums run side by side for speed.
     */
    static void affineBackward(double[] p, double[] g, int wOff, int bOff, int in, int out, double[] x,
                               double[] dz, double[] dx, int rows) {
        for (int o = 0; o < out; o++) {
            double db = g[bOff + o];
            for (int b = 0; b < rows; b++) {
                db += dz[b * out + o];
            }
            g[bOff + o] = db;
            int w = wOff + o * in;
            int i = 0;
            for (; i + 3 < in; i += 4) {
                double g0 = g[w + i];
                double g1 = g[w + i + 1];
                double g2 = g[w + i + 2];
                double g3 = g[w + i + 3];
                for (int b = 0; b < rows; b++) {
                    double d = dz[b * out + o];
                    int xAt = b * in + i;
                    g0 += d * x[xAt];
                    g1 += d * x[xAt + 1];
                    g2 += d * x[xAt + 2];
                    g3 += d * x[xAt + 3];
                }
                g[w + i] = g0;
                g[w + i + 1] = g1;
                g[w + i + 2] = g2;
                g[w + i + 3] = g3;
            }
            for (; i < in; i++) {
                double gi = g[w + i];
                for (int b = 0; b < rows; b++) {
                    gi += dz[b * out + o] * x[b * in + i];
                }
                g[w + i] = gi;
            }
        }
        if (dx == null) {
            return;
        }
        for (int b = 0; b < rows; b++) {
            int zRow = b * out;
            int xRow = b * in;
            int i = 0;
            for (; i + 3 < in; i += 4) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int o = 0; o < out; o++) {
                    double d = dz[zRow + o];
                    int w = wOff + o * in + i;
                    s0 += p[w] * d;
                    s1 += p[w + 1] * d;
                    s2 += p[w + 2] * d;
                    s3 += p[w + 3] * d;
                }
                dx[xRow + i] = s0;
                dx[xRow + i + 1] = s1;
                dx[xRow + i + 2] = s2;
                dx[xRow + i + 3] = s3;
            }
            for (; i < in; i++) {
                double s = 0;
                for (int o = 0; o < out; o++) {
                    s += p[wOff + o * in + i] * dz[zRow + o];
                }
                dx[xRow + i] = s;
            }
        }
    }
}
