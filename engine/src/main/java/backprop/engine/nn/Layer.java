package backprop.engine.nn;

import backprop.engine.math.Rng;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import backprop.engine.spec.InitKind;

/**
 * One layer of a {@link Network}: an affine map z = W x + b ({@code W} is
 * {@code [preUnits][inputs]}, row-major, in the network's parameter array) followed by an
 * activation. Its buffers hold, for each row of the current chunk, the pre-activation z
 * ({@code preUnits} values) and the activation a ({@code units} values).
 *
 * <p>Parameters, in this order inside the network's array: weights, biases, then extras
 * (PReLU slopes), then, for a batch-normalized layer ({@code :bn}), γ and β of every
 * pre-activation unit. A batch-normalized layer normalizes z = W x + b (see {@link BatchNorm})
 * and its pre-activation buffer holds y = γ x̂ + β, what the activation receives. Its bias b keeps
 * its place in the layout (so the layout is the same with and without {@code :bn}), but in
 * training its gradient is exactly 0 (see {@link #backwardThroughAffine}).
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
    /** The normalization of z for a {@code :bn} layer, else null. */
    final BatchNorm batchNorm;
    /** z = W x + b, or y = BN(z) for a batch-normalized layer: the activation's input, {@code [row][preUnits]}. */
    final double[] preActivation;
    /** a = f(z), {@code [row][units]} (the same array as z for a linear layer). */
    final double[] activationValues;

    /**
     * A layer whose parameters start at {@code offset}, with buffers for {@code rows} rows; with
     * {@code runningOffset} >= 0 it is batch-normalized and its running statistics start there.
     */
    Layer(
            int inputs,
            int units,
            int preUnits,
            Activation activation,
            int offset,
            int extraCount,
            int rows,
            int runningOffset) {
        this.inputs = inputs;
        this.units = units;
        this.preUnits = preUnits;
        this.activation = activation;
        this.weightOffset = offset;
        this.biasOffset = offset + preUnits * inputs;
        this.extraOffset = biasOffset + preUnits;
        this.extraCount = extraCount;
        this.batchNorm =
                runningOffset < 0 ? null : new BatchNorm(preUnits, extraOffset + extraCount, runningOffset, rows);
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

    /** The parts of a composed activation; null for every other activation. */
    public Composition composition() {
        return null;
    }

    /** The activation's name in the spec: the built-in key or the composition's name. */
    public String activationName() {
        Composition c = composition();
        return c != null ? c.name() : activation.key();
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

    /** All parameters of this layer (γ and β included for a batch-normalized layer). */
    public int parameterCount() {
        int normalization = batchNorm == null ? 0 : BatchNorm.countFor(preUnits);
        return preUnits * inputs + preUnits + extraCount + normalization;
    }

    /** The batch normalization of this layer's pre-activations, or null without {@code :bn}. */
    public BatchNorm batchNorm() {
        return batchNorm;
    }

    /** Running statistics this layer keeps (mean and variance per pre-activation unit), 0 without {@code :bn}. */
    int runningCount() {
        return batchNorm == null ? 0 : BatchNorm.countFor(preUnits);
    }

    /** The pre-activations of the last forward pass, {@code [row][preUnits]}. */
    public double[] preActivations() {
        return preActivation;
    }

    /** The activations of the last forward pass, {@code [row][units]}. */
    public double[] activations() {
        return activationValues;
    }

    /**
     * Computes the first {@code rows} rows of {@link #preActivation} and {@link #activationValues}
     * from {@code input}; a batch-normalized layer uses the statistics of these rows when
     * {@code training}, else the running statistics in {@code running}.
     */
    abstract void forward(double[] params, double[] running, double[] input, int rows, boolean training);

    /** {@link #preActivation} = W x + b, or BN(W x + b) in the given mode for a batch-normalized layer. */
    final void preActivate(double[] params, double[] running, double[] input, int rows, boolean training) {
        if (batchNorm == null) {
            affineForward(params, weightOffset, biasOffset, inputs, preUnits, input, rows, preActivation);
            return;
        }
        affineForward(params, weightOffset, biasOffset, inputs, preUnits, input, rows, batchNorm.affine);
        if (training) {
            batchNorm.forwardTraining(params, preActivation, rows);
        } else {
            batchNorm.forwardTest(params, running, preActivation, rows);
        }
    }

    /**
     * Given dLoss/d(pre-activation) in {@code dPreActivation} (which may be {@code dPre}),
     * backprop through the normalization, if any (adding dLoss/dγ and dLoss/dβ), and through
     * z = W x + b: accumulates dLoss/dW and dLoss/db and, unless {@code dInput} is null, writes
     * dLoss/dInput.
     *
     * <p>In training mode a batch-normalized layer's dLoss/db is exactly 0: the batch mean
     * subtraction removes b, so Σ_rows dLoss/dz is 0 and all the sum would compute is rounding
     * (which Adam would turn into full-size steps). The bias gradient is left as it was; b keeps
     * its initial 0 and β plays its part. In test mode b counts and gets its gradient.
     */
    final void backwardThroughAffine(
            double[] params,
            double[] grads,
            double[] input,
            double[] dPreActivation,
            double[] dPre,
            double[] dInput,
            int rows) {
        if (batchNorm == null) {
            affineBackward(
                    params, grads, weightOffset, biasOffset, inputs, preUnits, input, dPreActivation, dInput, rows);
            return;
        }
        batchNorm.backward(params, grads, dPreActivation, dPre);
        boolean training = batchNorm.lastTraining();
        if (training) {
            System.arraycopy(grads, biasOffset, batchNorm.biasGradientKept, 0, preUnits);
        }
        affineBackward(params, grads, weightOffset, biasOffset, inputs, preUnits, input, dPre, dInput, rows);
        if (training) {
            System.arraycopy(batchNorm.biasGradientKept, 0, grads, biasOffset, preUnits);
        }
    }

    /** γ = 1, β = 0, running mean 0 and variance 1 for a batch-normalized layer; nothing otherwise. */
    void initializeBatchNorm(double[] params, double[] running) {
        if (batchNorm != null) {
            batchNorm.initialize(params, running);
        }
    }

    /**
     * Given dLoss/da in {@code dActivation}, accumulates dLoss/dW, dLoss/db (and extras) into
     * {@code grads} and, unless {@code dInput} is null, writes dLoss/dInput. {@code dPre} is
     * scratch of at least rows · preUnits.
     */
    abstract void backward(
            double[] params,
            double[] grads,
            double[] input,
            double[] dActivation,
            double[] dPre,
            double[] dInput,
            int rows);

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
     * z[row][o] = Σ_i W[o][i] x[row][i] + b[o], over {@code out} weight rows. Each sum starts at 0,
     * adds its terms in order of i, then the bias. For speed, two rows and four outputs are summed
     * side by side (eight independent chains sharing each weight and input read); the order
     * inside each sum is unchanged, so the bits are the same as one sum at a time.
     */
    static void affineForward(double[] p, int wOff, int bOff, int in, int out, double[] x, int rows, double[] z) {
        int b = 0;
        for (; b + 1 < rows; b += 2) {
            int xA = b * in;
            int xB = xA + in;
            int zA = b * out;
            int zB = zA + out;
            int o = 0;
            for (; o + 3 < out; o += 4) {
                int w0 = wOff + o * in;
                int w1 = w0 + in;
                int w2 = w1 + in;
                int w3 = w2 + in;
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                double b0 = 0;
                double b1 = 0;
                double b2 = 0;
                double b3 = 0;
                for (int i = 0; i < in; i++) {
                    double xa = x[xA + i];
                    double xb = x[xB + i];
                    double v0 = p[w0 + i];
                    double v1 = p[w1 + i];
                    double v2 = p[w2 + i];
                    double v3 = p[w3 + i];
                    a0 += v0 * xa;
                    a1 += v1 * xa;
                    a2 += v2 * xa;
                    a3 += v3 * xa;
                    b0 += v0 * xb;
                    b1 += v1 * xb;
                    b2 += v2 * xb;
                    b3 += v3 * xb;
                }
                double c0 = p[bOff + o];
                double c1 = p[bOff + o + 1];
                double c2 = p[bOff + o + 2];
                double c3 = p[bOff + o + 3];
                z[zA + o] = a0 + c0;
                z[zA + o + 1] = a1 + c1;
                z[zA + o + 2] = a2 + c2;
                z[zA + o + 3] = a3 + c3;
                z[zB + o] = b0 + c0;
                z[zB + o + 1] = b1 + c1;
                z[zB + o + 2] = b2 + c2;
                z[zB + o + 3] = b3 + c3;
            }
            for (; o < out; o++) {
                int w = wOff + o * in;
                double sa = 0;
                double sb = 0;
                for (int i = 0; i < in; i++) {
                    double v = p[w + i];
                    sa += v * x[xA + i];
                    sb += v * x[xB + i];
                }
                double c = p[bOff + o];
                z[zA + o] = sa + c;
                z[zB + o] = sb + c;
            }
        }
        if (b < rows) {
            int xRow = b * in;
            int zRow = b * out;
            for (int o = 0; o < out; o++) {
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
     * bits. For speed, two outputs (for dW) or two rows (for dx) and four inputs are summed side
     * by side, eight independent chains sharing their reads; the order inside each sum is kept.
     */
    static void affineBackward(
            double[] p,
            double[] g,
            int wOff,
            int bOff,
            int in,
            int out,
            double[] x,
            double[] dz,
            double[] dx,
            int rows) {
        int o = 0;
        for (; o + 1 < out; o += 2) {
            double dbA = g[bOff + o];
            double dbB = g[bOff + o + 1];
            for (int b = 0; b < rows; b++) {
                dbA += dz[b * out + o];
                dbB += dz[b * out + o + 1];
            }
            g[bOff + o] = dbA;
            g[bOff + o + 1] = dbB;
            int wA = wOff + o * in;
            int wB = wA + in;
            int i = 0;
            for (; i + 3 < in; i += 4) {
                double a0 = g[wA + i];
                double a1 = g[wA + i + 1];
                double a2 = g[wA + i + 2];
                double a3 = g[wA + i + 3];
                double b0 = g[wB + i];
                double b1 = g[wB + i + 1];
                double b2 = g[wB + i + 2];
                double b3 = g[wB + i + 3];
                for (int b = 0; b < rows; b++) {
                    int dAt = b * out + o;
                    double dA = dz[dAt];
                    double dB = dz[dAt + 1];
                    int xAt = b * in + i;
                    double x0 = x[xAt];
                    double x1 = x[xAt + 1];
                    double x2 = x[xAt + 2];
                    double x3 = x[xAt + 3];
                    a0 += dA * x0;
                    a1 += dA * x1;
                    a2 += dA * x2;
                    a3 += dA * x3;
                    b0 += dB * x0;
                    b1 += dB * x1;
                    b2 += dB * x2;
                    b3 += dB * x3;
                }
                g[wA + i] = a0;
                g[wA + i + 1] = a1;
                g[wA + i + 2] = a2;
                g[wA + i + 3] = a3;
                g[wB + i] = b0;
                g[wB + i + 1] = b1;
                g[wB + i + 2] = b2;
                g[wB + i + 3] = b3;
            }
            for (; i < in; i++) {
                double ga = g[wA + i];
                double gb = g[wB + i];
                for (int b = 0; b < rows; b++) {
                    double xi = x[b * in + i];
                    ga += dz[b * out + o] * xi;
                    gb += dz[b * out + o + 1] * xi;
                }
                g[wA + i] = ga;
                g[wB + i] = gb;
            }
        }
        if (o < out) {
            double db = g[bOff + o];
            for (int b = 0; b < rows; b++) {
                db += dz[b * out + o];
            }
            g[bOff + o] = db;
            int w = wOff + o * in;
            for (int i = 0; i < in; i++) {
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
        int b = 0;
        for (; b + 1 < rows; b += 2) {
            int zA = b * out;
            int zB = zA + out;
            int xA = b * in;
            int xB = xA + in;
            int i = 0;
            for (; i + 3 < in; i += 4) {
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                double b0 = 0;
                double b1 = 0;
                double b2 = 0;
                double b3 = 0;
                for (int k = 0; k < out; k++) {
                    double dA = dz[zA + k];
                    double dB = dz[zB + k];
                    int w = wOff + k * in + i;
                    double v0 = p[w];
                    double v1 = p[w + 1];
                    double v2 = p[w + 2];
                    double v3 = p[w + 3];
                    a0 += v0 * dA;
                    a1 += v1 * dA;
                    a2 += v2 * dA;
                    a3 += v3 * dA;
                    b0 += v0 * dB;
                    b1 += v1 * dB;
                    b2 += v2 * dB;
                    b3 += v3 * dB;
                }
                dx[xA + i] = a0;
                dx[xA + i + 1] = a1;
                dx[xA + i + 2] = a2;
                dx[xA + i + 3] = a3;
                dx[xB + i] = b0;
                dx[xB + i + 1] = b1;
                dx[xB + i + 2] = b2;
                dx[xB + i + 3] = b3;
            }
            for (; i < in; i++) {
                double sa = 0;
                double sb = 0;
                for (int k = 0; k < out; k++) {
                    double v = p[wOff + k * in + i];
                    sa += v * dz[zA + k];
                    sb += v * dz[zB + k];
                }
                dx[xA + i] = sa;
                dx[xB + i] = sb;
            }
        }
        if (b < rows) {
            int zRow = b * out;
            int xRow = b * in;
            for (int i = 0; i < in; i++) {
                double s = 0;
                for (int k = 0; k < out; k++) {
                    s += p[wOff + k * in + i] * dz[zRow + k];
                }
                dx[xRow + i] = s;
            }
        }
    }
}
