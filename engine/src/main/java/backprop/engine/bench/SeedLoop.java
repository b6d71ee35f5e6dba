package backprop.engine.bench;

import backprop.engine.math.Fdlibm;
import backprop.engine.math.Rng;

/**
 * The lecture's two-layer network, trained exactly as {@code shared/bench/seed_numpy.py} does:
 * N = 64 examples of D_in = 1000 inputs, H = 100 sigmoid units, D_out = 10 linear outputs,
 * squared loss summed over everything, full-batch gradient descent with step 1e-4. Inputs,
 * targets and both weight matrices are standard normal, drawn in that order, row by row, from
 * the given generator. Each iteration computes the same five matrix products as the numpy
 * loop: x·w1, h·w2, hᵀ·dy, dy·w2ᵀ and xᵀ·dh (see {@link Matmul}). Nothing allocates after
 * construction.
 */
public final class SeedLoop {
    public static final int N = 64;
    public static final int D_IN = 1000;
    public static final int H = 100;
    public static final int D_OUT = 10;
    public static final double LEARNING_RATE = 1e-4;

    private final double[][] x = rows(N, D_IN);
    private final double[][] y = rows(N, D_OUT);
    private final double[][] w1 = rows(D_IN, H);
    private final double[][] w2 = rows(H, D_OUT);
    /** h = σ(x·w1), {@code [N][H]}. */
    private final double[][] hidden = rows(N, H);

    private final double[][] yPred = rows(N, D_OUT);
    /** dL/dyPred = 2 (yPred - y). */
    private final double[][] gradYPred = rows(N, D_OUT);

    private final double[][] gradW2 = rows(H, D_OUT);
    /** dL/dh = dy·w2ᵀ, then in place dL/d(x·w1) = dL/dh · h · (1 - h). */
    private final double[][] gradHidden = rows(N, H);

    private final double[][] gradW1 = rows(D_IN, H);

    public SeedLoop(Rng rng) {
        fillGaussian(x, rng);
        fillGaussian(y, rng);
        fillGaussian(w1, rng);
        fillGaussian(w2, rng);
    }

    private static double[][] rows(int count, int width) {
        double[][] m = new double[count][];
        for (int r = 0; r < count; r++) {
            m[r] = new double[width];
        }
        return m;
    }

    private static void fillGaussian(double[][] m, Rng rng) {
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rng.nextGaussian();
            }
        }
    }

    /**
     * What one timed run of the numpy script does: draws the data and weights from {@code rng},
     * runs {@code iterations} updates and returns the loss of the last one (NaN for none).
     */
    public static double run(int iterations, Rng rng) {
        SeedLoop loop = new SeedLoop(rng);
        double loss = Double.NaN;
        for (int t = 0; t < iterations; t++) {
            loss = loop.step();
        }
        return loss;
    }

    /** One forward and backward pass and one update; returns the loss before the update. */
    public double step() {
        Matmul.multiply(x, w1, hidden);
        for (double[] row : hidden) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Fdlibm.sigmoid(row[j]);
            }
        }
        Matmul.multiply(hidden, w2, yPred);
        double loss = 0;
        for (int i = 0; i < N; i++) {
            double[] predicted = yPred[i];
            double[] target = y[i];
            double[] grad = gradYPred[i];
            for (int j = 0; j < D_OUT; j++) {
                double e = predicted[j] - target[j];
                loss += e * e;
                grad[j] = 2.0 * e;
            }
        }
        Matmul.multiplyTransposeA(hidden, gradYPred, gradW2);
        Matmul.multiplyTransposeB(gradYPred, w2, gradHidden);
        for (int i = 0; i < N; i++) {
            double[] h = hidden[i];
            double[] g = gradHidden[i];
            for (int j = 0; j < H; j++) {
                g[j] = g[j] * h[j] * (1.0 - h[j]);
            }
        }
        Matmul.multiplyTransposeA(x, gradHidden, gradW1);
        descend(w1, gradW1);
        descend(w2, gradW2);
        return loss;
    }

    /** w -= lr · g. */
    private static void descend(double[][] w, double[][] g) {
        for (int r = 0; r < w.length; r++) {
            double[] wr = w[r];
            double[] gr = g[r];
            for (int j = 0; j < wr.length; j++) {
                wr[j] -= LEARNING_RATE * gr[j];
            }
        }
    }
}
