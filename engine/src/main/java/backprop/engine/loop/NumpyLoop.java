package backprop.engine.loop;

import backprop.engine.math.Fdlibm;
import backprop.engine.math.Rng;
import backprop.engine.spec.SpecNumbers;

/**
 * The lecture's numpy loop, one line at a time, on matrices small enough to read:
 *
 * <pre>
 *  9  h = 1 / (1 + np.exp(-x.dot(w1)))          (N, H)
 * 10  y_pred = h.dot(w2)                        (N, D_out)
 * 11  loss = np.square(y_pred - y).sum()        ()       the plain sum, not a mean
 * 14  grad_y_pred = 2.0 * (y_pred - y)          (N, D_out)
 * 15  grad_w2 = h.T.dot(grad_y_pred)            (H, D_out)
 * 16  grad_h = grad_y_pred.dot(w2.T)            (N, H)
 * 17  grad_w1 = x.T.dot(grad_h * h * (1 - h))   (D_in, H)   σ' = h (1 − h), element-wise
 * 19  w1 -= lr * grad_w1
 * 20  w2 -= lr * grad_w2
 * </pre>
 *
 * x, y, w1 and w2 are standard normal, drawn in that order, row by row, from the generator, as
 * {@code bench/seed_numpy.py} and {@link backprop.engine.bench.SeedLoop} draw theirs (there with
 * N = 64, D_in = 1000, H = 100, D_out = 10 and lr = 1e-4). Products sum over the inner index in
 * order. The stepper is paced by a person: each step copies its result.
 */
public final class NumpyLoop {
    /** Largest dimension a stepper shows. */
    public static final int MAX_DIMENSION = 16;
    /** The small example's shape: N = 4 examples, D_in = 3, H = 5, D_out = 2. */
    public static final int SMALL_N = 4;

    public static final int SMALL_D_IN = 3;
    public static final int SMALL_H = 5;
    public static final int SMALL_D_OUT = 2;
    /** Its learning rate: larger than the slide's 1e-4, so a few iterations visibly lower the loss. */
    public static final double SMALL_LEARNING_RATE = 0.01;
    /** h of the central differences in {@link #numericalGradient}. */
    public static final double DIFFERENCE_STEP = 1e-5;

    private final int n;
    private final int dIn;
    private final int hiddenUnits;
    private final int dOut;
    private final double learningRate;
    private final double[] x;
    private final double[] y;
    private final double[] w1;
    private final double[] w2;
    private final double[] h;
    private final double[] yPred;
    private final double[] gradYPred;
    private final double[] gradW2;
    private final double[] gradH;
    private final double[] gradW1;
    private double loss = Double.NaN;
    private int iteration;
    private int next;

    /** A loop of the given shape and learning rate, its data and weights drawn from {@code rng}. */
    public NumpyLoop(int n, int dIn, int hiddenUnits, int dOut, double learningRate, Rng rng) {
        int[] dims = {n, dIn, hiddenUnits, dOut};
        for (int d : dims) {
            if (d < 1 || d > MAX_DIMENSION) {
                throw new IllegalArgumentException("N, D_in, H and D_out must be 1 to " + MAX_DIMENSION + ", got " + n
                        + ", " + dIn + ", " + hiddenUnits + ", " + dOut);
            }
        }
        if (!(learningRate > 0) || learningRate == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the learning rate must be a finite number > 0, got " + learningRate);
        }
        this.n = n;
        this.dIn = dIn;
        this.hiddenUnits = hiddenUnits;
        this.dOut = dOut;
        this.learningRate = learningRate;
        x = gaussian(n * dIn, rng);
        y = gaussian(n * dOut, rng);
        w1 = gaussian(dIn * hiddenUnits, rng);
        w2 = gaussian(hiddenUnits * dOut, rng);
        h = new double[n * hiddenUnits];
        yPred = new double[n * dOut];
        gradYPred = new double[n * dOut];
        gradW2 = new double[hiddenUnits * dOut];
        gradH = new double[n * hiddenUnits];
        gradW1 = new double[dIn * hiddenUnits];
    }

    /** The small example ({@link #SMALL_N} ... {@link #SMALL_LEARNING_RATE}) drawn from {@code new Rng(seed)}. */
    public static NumpyLoop small(long seed) {
        return new NumpyLoop(SMALL_N, SMALL_D_IN, SMALL_H, SMALL_D_OUT, SMALL_LEARNING_RATE, new Rng(seed));
    }

    private static double[] gaussian(int count, Rng rng) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = rng.nextGaussian();
        }
        return values;
    }

    /** The line {@link #step()} runs next. */
    public LoopLine nextLine() {
        return LoopLine.values()[next];
    }

    /** t: completed passes through the loop body. */
    public int iteration() {
        return iteration;
    }

    /** The loss line 11 computed last (NaN before it first runs). */
    public double loss() {
        return loss;
    }

    public double learningRate() {
        return learningRate;
    }

    /** The learning rate as the update lines print it ({@code 0.01}). */
    public String learningRateText() {
        return SpecNumbers.formatReal(learningRate);
    }

    /** Runs the next line and returns what it computed. */
    public LineResult step() {
        LoopLine line = nextLine();
        int t = iteration;
        switch (line) {
            case HIDDEN:
                multiply(x, w1, h, n, dIn, hiddenUnits);
                for (int k = 0; k < h.length; k++) {
                    h[k] = Fdlibm.sigmoid(h[k]);
                }
                break;
            case PREDICTION:
                multiply(h, w2, yPred, n, hiddenUnits, dOut);
                break;
            case LOSS: {
                double sum = 0;
                for (int k = 0; k < yPred.length; k++) {
                    double e = yPred[k] - y[k];
                    sum += e * e;
                }
                loss = sum;
                break;
            }
            case GRAD_Y_PRED:
                for (int k = 0; k < yPred.length; k++) {
                    gradYPred[k] = 2.0 * (yPred[k] - y[k]);
                }
                break;
            case GRAD_W2:
                multiplyTransposeA(h, gradYPred, gradW2, n, hiddenUnits, dOut);
                break;
            case GRAD_H:
                multiplyTransposeB(gradYPred, w2, gradH, n, dOut, hiddenUnits);
                break;
            case GRAD_W1: {
                // grad_h * h * (1 - h): dL/d(x·w1), σ' = h (1 - h)
                double[] gradPre = new double[gradH.length];
                for (int k = 0; k < gradPre.length; k++) {
                    gradPre[k] = gradH[k] * h[k] * (1 - h[k]);
                }
                multiplyTransposeA(x, gradPre, gradW1, n, dIn, hiddenUnits);
                break;
            }
            case UPDATE_W1:
                descend(w1, gradW1);
                break;
            default:
                descend(w2, gradW2);
                iteration++;
                break;
        }
        next = (next + 1) % LoopLine.values().length;
        String name = line.result();
        return new LineResult(line, t, rows(name), cols(name), array(name));
    }

    /** Runs lines until {@code count} more whole iterations are done; returns the last loss computed. */
    public double runIterations(int count) {
        int target = iteration + count;
        while (iteration < target) {
            step();
        }
        return loss;
    }

    /** A copy of the array {@code name} (x, y, w1, w2, h, y_pred, loss, grad_y_pred, grad_w2, grad_h, grad_w1). */
    public double[] array(String name) {
        return name.equals("loss") ? new double[] {loss} : storage(name).clone();
    }

    /** Rows of {@code name} (1 for the loss). */
    public int rows(String name) {
        switch (name) {
            case "x":
            case "y":
            case "h":
            case "y_pred":
            case "grad_y_pred":
            case "grad_h":
                return n;
            case "w1":
            case "grad_w1":
                return dIn;
            case "w2":
            case "grad_w2":
                return hiddenUnits;
            case "loss":
                return 1;
            default:
                throw unknown(name);
        }
    }

    /** Columns of {@code name} (1 for the loss). */
    public int cols(String name) {
        switch (name) {
            case "x":
                return dIn;
            case "h":
            case "grad_h":
            case "w1":
            case "grad_w1":
                return hiddenUnits;
            case "y":
            case "y_pred":
            case "grad_y_pred":
            case "w2":
            case "grad_w2":
                return dOut;
            case "loss":
                return 1;
            default:
                throw unknown(name);
        }
    }

    /**
     * Central differences (L(w + h e_k) − L(w − h e_k)) / 2h of the loss at the current weights,
     * for every entry of {@code w1} or {@code w2}, computed on the side (nothing changes): what
     * lines 15 and 17 must give, once lines 9 to 17 ran on these weights.
     */
    public double[] numericalGradient(String weights) {
        double[] w = storage(weights);
        if (w != w1 && w != w2) {
            throw new IllegalArgumentException("numerical gradients are for w1 or w2, got \"" + weights + "\"");
        }
        double[] gradient = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double keep = w[k];
            w[k] = keep + DIFFERENCE_STEP;
            double plus = lossOfCurrentWeights();
            w[k] = keep - DIFFERENCE_STEP;
            double minus = lossOfCurrentWeights();
            w[k] = keep;
            gradient[k] = (plus - minus) / (2 * DIFFERENCE_STEP);
        }
        return gradient;
    }

    /** Lines 9 to 11 on the side. */
    private double lossOfCurrentWeights() {
        double[] hidden = new double[n * hiddenUnits];
        multiply(x, w1, hidden, n, dIn, hiddenUnits);
        for (int k = 0; k < hidden.length; k++) {
            hidden[k] = Fdlibm.sigmoid(hidden[k]);
        }
        double[] predicted = new double[n * dOut];
        multiply(hidden, w2, predicted, n, hiddenUnits, dOut);
        double sum = 0;
        for (int k = 0; k < predicted.length; k++) {
            double e = predicted[k] - y[k];
            sum += e * e;
        }
        return sum;
    }

    private double[] storage(String name) {
        switch (name) {
            case "x":
                return x;
            case "y":
                return y;
            case "w1":
                return w1;
            case "w2":
                return w2;
            case "h":
                return h;
            case "y_pred":
                return yPred;
            case "grad_y_pred":
                return gradYPred;
            case "grad_w2":
                return gradW2;
            case "grad_h":
                return gradH;
            case "grad_w1":
                return gradW1;
            default:
                throw unknown(name);
        }
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown array \"" + name + "\"; arrays: x, y, w1, w2, h, y_pred, loss, "
                + "grad_y_pred, grad_w2, grad_h, grad_w1");
    }

    /** w -= lr · g. */
    private void descend(double[] w, double[] g) {
        for (int k = 0; k < w.length; k++) {
            w[k] -= learningRate * g[k];
        }
    }

    /** c = a·b, a {@code [rows][inner]}, b {@code [inner][cols]}. */
    private static void multiply(double[] a, double[] b, double[] c, int rows, int inner, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int k = 0; k < inner; k++) {
                    sum += a[i * inner + k] * b[k * cols + j];
                }
                c[i * cols + j] = sum;
            }
        }
    }

    /** c = aᵀ·b, a {@code [inner][rows]}, b {@code [inner][cols]}. */
    private static void multiplyTransposeA(double[] a, double[] b, double[] c, int inner, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int k = 0; k < inner; k++) {
                    sum += a[k * rows + i] * b[k * cols + j];
                }
                c[i * cols + j] = sum;
            }
        }
    }

    /** c = a·bᵀ, a {@code [rows][inner]}, b {@code [cols][inner]}. */
    private static void multiplyTransposeB(double[] a, double[] b, double[] c, int rows, int inner, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int k = 0; k < inner; k++) {
                    sum += a[i * inner + k] * b[j * inner + k];
                }
                c[i * cols + j] = sum;
            }
        }
    }
}
