package backprop.engine.nn;

/**
 * Batch normalization (Ioffe and Szegedy, 2015) of a layer's pre-activations z, per unit (for
 * maxout, per piece), before the activation:
 *
 * <pre>
 *   training:  μ = (1/m) Σ_r z_r,   σ² = (1/m) Σ_r (z_r − μ)²      (the mini-batch's m rows)
 *   test:      μ, σ² = the running mean and running variance
 *   x̂ = (z − μ) / √(σ² + ε),   y = γ x̂ + β,   ε = 1e-5
 * </pre>
 *
 * γ (starting at 1) and β (starting at 0) are learned parameters of the layer, stored after its
 * weights, biases and extras: γ for every unit, then β for every unit.
 *
 * <p>Running statistics, updated once per applied mini-batch ({@link #updateRunning}):
 * running = 0.9 · running + 0.1 · batch, for the mean and for the unbiased batch variance
 * σ² · m / (m − 1). This is PyTorch's {@code BatchNorm1d(momentum=0.1)}: our "momentum 0.9" is the
 * weight of the old value, PyTorch's 0.1 the weight of the new one. They start at mean 0,
 * variance 1.
 *
 * <p>A mini-batch of one example (batch=1, or the last batch of an epoch when the batch size does
 * not divide the training set): σ² = 0, so x̂ = 0/√ε = 0 and y = β; the gradient reaching z is
 * exactly 0 (the normalized value does not depend on z), γ gets no gradient and β gets dL/dy. Its
 * variance says nothing about the population (and PyTorch refuses such a batch), so it leaves the
 * running statistics unchanged.
 *
 * <p>Backward in training mode, with g = dL/dy (the batch statistics depend on every row):
 * dL/dβ = Σ g, dL/dγ = Σ g x̂, dL/dz = γ / (m √(σ² + ε)) · (m g − Σ g − x̂ Σ g x̂).
 * In test mode μ and σ² are constants: dL/dz = g γ / √(σ² + ε).
 *
 * <p>Every sum runs over rows in order; every product puts its nested operand first (TeaVM's
 * JavaScript drops the parentheses of {@code a * (b * c)}, and inlines locals back into such
 * forms), so the bits are the same in every runtime.
 */
public final class BatchNorm {
    /** ε added to the variance under the square root. */
    public static final double EPSILON = 1e-5;
    /** Weight of the old running value: running = 0.9 · running + 0.1 · batch (PyTorch's momentum=0.1). */
    public static final double RUNNING_KEEP = 0.9;
    /** Weight of the batch's value in the running statistics update. */
    public static final double RUNNING_NEW = 0.1;

    private final int width;
    private final int gammaOffset;
    private final int betaOffset;
    private final int runningOffset;
    /** The layer's affine output z = W x + b, {@code [row][width]}: the input of the normalization. */
    final double[] affine;
    /** x̂ of the last forward pass, {@code [row][width]}. */
    private final double[] normalized;
    /** μ per unit of the last forward pass (the batch's in training, the running one in test mode). */
    private final double[] mean;
    /** σ² per unit of the last forward pass (biased batch variance in training, the running one in test mode). */
    private final double[] variance;
    /** 1 / √(σ² + ε) per unit of the last forward pass. */
    private final double[] inverseStd;
    /** Scratch for the layer: its bias gradients, kept across a training-mode backward (see {@link Layer}). */
    final double[] biasGradientKept;

    private boolean lastTraining;
    private int lastRows;

    /**
     * Normalization of {@code width} units whose γ start at {@code gammaOffset} of the parameters
     * (β right after) and whose running mean and variance start at {@code runningOffset} of the
     * running statistics (mean for every unit, then variance), with buffers for {@code rows} rows.
     */
    BatchNorm(int width, int gammaOffset, int runningOffset, int rows) {
        this.width = width;
        this.gammaOffset = gammaOffset;
        this.betaOffset = gammaOffset + width;
        this.runningOffset = runningOffset;
        this.affine = new double[rows * width];
        this.normalized = new double[rows * width];
        this.mean = new double[width];
        this.variance = new double[width];
        this.inverseStd = new double[width];
        this.biasGradientKept = new double[width];
    }

    /** True when the last forward pass used the batch's statistics. */
    boolean lastTraining() {
        return lastTraining;
    }

    /** Units normalized (the layer's pre-activation width). */
    public int width() {
        return width;
    }

    /** Where γ starts in the network's parameters; β follows at {@code gammaOffset() + width()}. */
    public int gammaOffset() {
        return gammaOffset;
    }

    /** Where β starts in the network's parameters. */
    public int betaOffset() {
        return betaOffset;
    }

    /** Where this layer's running means start in the network's running statistics; variances follow. */
    public int runningOffset() {
        return runningOffset;
    }

    /** Parameters (γ and β) and running numbers (mean and variance): 2 per unit each. */
    static int countFor(int width) {
        return 2 * width;
    }

    /** z = W x + b of the last forward pass, before normalization, {@code [row][width]}. */
    public double[] affineOutputs() {
        return affine;
    }

    /** x̂ of the last forward pass, {@code [row][width]}. */
    public double[] normalized() {
        return normalized;
    }

    /** μ per unit used by the last forward pass. */
    public double[] mean() {
        return mean;
    }

    /** σ² per unit used by the last forward pass. */
    public double[] variance() {
        return variance;
    }

    /** γ = 1, β = 0; running mean 0, running variance 1. */
    void initialize(double[] params, double[] running) {
        for (int j = 0; j < width; j++) {
            params[gammaOffset + j] = 1;
            params[betaOffset + j] = 0;
            running[runningOffset + j] = 0;
            running[runningOffset + width + j] = 1;
        }
    }

    /** y = γ x̂ + β from {@link #affine}'s first {@code rows} rows, with the batch's statistics. */
    void forwardTraining(double[] params, double[] y, int rows) {
        lastTraining = true;
        lastRows = rows;
        for (int j = 0; j < width; j++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                sum += affine[r * width + j];
            }
            double mu = sum / rows;
            double squares = 0;
            for (int r = 0; r < rows; r++) {
                double centred = affine[r * width + j] - mu;
                squares += centred * centred;
            }
            double sigmaSquared = squares / rows;
            mean[j] = mu;
            variance[j] = sigmaSquared;
            inverseStd[j] = 1 / Math.sqrt(sigmaSquared + EPSILON);
        }
        normalize(params, y, rows);
    }

    /** y = γ x̂ + β from {@link #affine}'s first {@code rows} rows, with the running statistics. */
    void forwardTest(double[] params, double[] running, double[] y, int rows) {
        lastTraining = false;
        lastRows = rows;
        for (int j = 0; j < width; j++) {
            double runningVariance = running[runningOffset + width + j];
            mean[j] = running[runningOffset + j];
            variance[j] = runningVariance;
            inverseStd[j] = 1 / Math.sqrt(runningVariance + EPSILON);
        }
        normalize(params, y, rows);
    }

    private void normalize(double[] params, double[] y, int rows) {
        for (int r = 0; r < rows; r++) {
            int row = r * width;
            for (int j = 0; j < width; j++) {
                double xHat = (affine[row + j] - mean[j]) * inverseStd[j];
                normalized[row + j] = xHat;
                y[row + j] = xHat * params[gammaOffset + j] + params[betaOffset + j];
            }
        }
    }

    /**
     * Given dL/dy in {@code dY}, adds dL/dγ and dL/dβ to {@code grads} and writes dL/dz into
     * {@code dZ} ({@code dZ} may be {@code dY}), for the mode and rows of the last forward pass.
     */
    void backward(double[] params, double[] grads, double[] dY, double[] dZ) {
        int rows = lastRows;
        for (int j = 0; j < width; j++) {
            double sumG = 0;
            double sumGxHat = 0;
            for (int r = 0; r < rows; r++) {
                double g = dY[r * width + j];
                sumG += g;
                sumGxHat += g * normalized[r * width + j];
            }
            grads[betaOffset + j] += sumG;
            grads[gammaOffset + j] += sumGxHat;
            double gamma = params[gammaOffset + j];
            if (lastTraining) {
                // dL/dz = γ / (m √(σ² + ε)) · (m g − Σ g − x̂ Σ g x̂)
                double m = rows;
                double factor = (gamma * inverseStd[j]) / m;
                for (int r = 0; r < rows; r++) {
                    int at = r * width + j;
                    dZ[at] = factor * (m * dY[at] - sumG - normalized[at] * sumGxHat);
                }
            } else {
                double factor = gamma * inverseStd[j];
                for (int r = 0; r < rows; r++) {
                    int at = r * width + j;
                    dZ[at] = factor * dY[at];
                }
            }
        }
    }

    /**
     * running μ = 0.9 running μ + 0.1 μ and running σ² = 0.9 running σ² + 0.1 σ² m/(m − 1), from the
     * last forward pass, which must have been in training mode; a batch of one changes nothing.
     */
    void updateRunning(double[] running) {
        if (!lastTraining) {
            throw new IllegalStateException("running statistics update from a forward pass in test mode");
        }
        int m = lastRows;
        if (m < 2) {
            return;
        }
        double bessel = (double) m / (m - 1);
        for (int j = 0; j < width; j++) {
            int meanAt = runningOffset + j;
            int varianceAt = meanAt + width;
            double unbiased = bessel * variance[j];
            running[meanAt] = RUNNING_KEEP * running[meanAt] + mean[j] * RUNNING_NEW;
            running[varianceAt] = RUNNING_KEEP * running[varianceAt] + unbiased * RUNNING_NEW;
        }
    }
}
