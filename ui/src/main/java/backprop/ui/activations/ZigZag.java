package backprop.ui.activations;

import backprop.engine.math.Rng;
import java.util.Arrays;

/**
 * The lecture's zero-centring argument, as a live experiment: one neuron p = w1 x1 + w2 x2 fitted
 * by stochastic gradient descent (one example per step) to targets y = w* . x with
 * w* = (1, -1), loss L = (p - y)^2 / 2. The gradient of one example is
 * dL/dw = (p - y) x, so when both inputs are positive (as sigmoid outputs are) its two
 * components always share the sign of p - y: every step moves both weights up or both down,
 * and reaching w* (one up, one down) takes a zig-zag. With zero-mean inputs the signs mix and
 * the path heads straight for w*.
 */
public final class ZigZag {
    public static final int POINTS = 12;
    public static final double START_W1 = -1;
    public static final double START_W2 = 1;
    public static final double OPTIMUM_W1 = 1;
    public static final double OPTIMUM_W2 = -1;
    /** Inputs like sigmoid outputs: uniform in [0.1, 1). */
    public static final double INPUT_LOW = 0.1;

    public static final double INPUT_HIGH = 1.0;

    private final double[] x1;
    private final double[] x2;
    private final double[] y;
    private final double learningRate;
    private double[] w1 = new double[64];
    private double[] w2 = new double[64];
    private double[] g1 = new double[64];
    private double[] g2 = new double[64];
    private int steps;

    private ZigZag(double[] x1, double[] x2, double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        this.x1 = x1;
        this.x2 = x2;
        this.learningRate = learningRate;
        this.y = new double[x1.length];
        for (int i = 0; i < x1.length; i++) {
            y[i] = OPTIMUM_W1 * x1[i] + OPTIMUM_W2 * x2[i];
        }
        w1[0] = START_W1;
        w2[0] = START_W2;
    }

    /** Inputs drawn from {@code seed}, all in [0.1, 1). */
    public static ZigZag allPositive(double learningRate, long seed) {
        double[][] x = inputs(seed);
        return new ZigZag(x[0], x[1], learningRate);
    }

    /** The same inputs with each column's mean subtracted. */
    public static ZigZag zeroMean(double learningRate, long seed) {
        double[][] x = inputs(seed);
        for (double[] column : x) {
            double mean = 0;
            for (double v : column) {
                mean += v;
            }
            mean /= column.length;
            for (int i = 0; i < column.length; i++) {
                column[i] -= mean;
            }
        }
        return new ZigZag(x[0], x[1], learningRate);
    }

    private static double[][] inputs(long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[2][POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[0][i] = rng.uniform(INPUT_LOW, INPUT_HIGH);
            x[1][i] = rng.uniform(INPUT_LOW, INPUT_HIGH);
        }
        return x;
    }

    /** One SGD step on example (steps mod POINTS). */
    public void step() {
        int i = steps % x1.length;
        double a = w1[steps];
        double b = w2[steps];
        double dLdp = a * x1[i] + b * x2[i] - y[i];
        if (steps + 1 == w1.length) {
            int n = w1.length * 2;
            w1 = Arrays.copyOf(w1, n);
            w2 = Arrays.copyOf(w2, n);
            g1 = Arrays.copyOf(g1, n);
            g2 = Arrays.copyOf(g2, n);
        }
        g1[steps] = dLdp * x1[i];
        g2[steps] = dLdp * x2[i];
        w1[steps + 1] = a - learningRate * g1[steps];
        w2[steps + 1] = b - learningRate * g2[steps];
        steps++;
    }

    public int steps() {
        return steps;
    }

    public double learningRate() {
        return learningRate;
    }

    /** w1 after k steps (k = 0 is the start). */
    public double w1(int k) {
        return w1[check(k, steps)];
    }

    public double w2(int k) {
        return w2[check(k, steps)];
    }

    /** dL/dw1 of step k (0-based). */
    public double gradient1(int k) {
        return g1[check(k, steps - 1)];
    }

    public double gradient2(int k) {
        return g2[check(k, steps - 1)];
    }

    /** True when step k's two gradient components have opposite signs. */
    public boolean mixedSigns(int k) {
        return gradient1(k) * gradient2(k) < 0;
    }

    /** Steps whose gradient components had opposite signs. */
    public int mixedCount() {
        int n = 0;
        for (int k = 0; k < steps; k++) {
            if (mixedSigns(k)) {
                n++;
            }
        }
        return n;
    }

    public int points() {
        return x1.length;
    }

    public double input1(int i) {
        return x1[i];
    }

    public double input2(int i) {
        return x2[i];
    }

    /** True when every input is > 0. */
    public boolean allInputsPositive() {
        for (int i = 0; i < x1.length; i++) {
            if (!(x1[i] > 0 && x2[i] > 0)) {
                return false;
            }
        }
        return true;
    }

    /** Mean loss over the examples at (a, b). */
    public double loss(double a, double b) {
        double sum = 0;
        for (int i = 0; i < x1.length; i++) {
            double r = a * x1[i] + b * x2[i] - y[i];
            sum += r * r;
        }
        return sum / (2 * x1.length);
    }

    /**
     * The loss's curvature H = mean of x x^T, as {h11, h12, h22}: L(w) = (w - w*)^T H (w - w*) / 2,
     * so its level sets are ellipses around w*.
     */
    public double[] curvature() {
        double h11 = 0;
        double h12 = 0;
        double h22 = 0;
        for (int i = 0; i < x1.length; i++) {
            h11 += x1[i] * x1[i];
            h12 += x1[i] * x2[i];
            h22 += x2[i] * x2[i];
        }
        int n = x1.length;
        return new double[] {h11 / n, h12 / n, h22 / n};
    }

    private static int check(int k, int last) {
        if (k < 0 || k > last) {
            throw new IndexOutOfBoundsException("step " + k + " is outside 0.." + last);
        }
        return k;
    }
}
