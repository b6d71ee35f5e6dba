package backprop.engine.optim;

import java.util.Arrays;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015):
 * m = β1 m + (1 - β1) g, v = β2 v + (1 - β2) g², m̂ = m / (1 - β1^t), v̂ = v / (1 - β2^t),
 * w -= lr m̂ / (√v̂ + ε). β^t are kept as running products (no pow), so the state is
 * m, v, β1^t and β2^t: 2 n + 2 numbers.
 */
public final class Adam implements Optimizer {
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[] firstMoment = new double[0];
    private double[] secondMoment = new double[0];
    private double beta1Power = 1;
    private double beta2Power = 1;

    public Adam(double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs 0 <= beta1, beta2 < 1 and epsilon > 0, got beta1=" + beta1
                    + ", beta2=" + beta2 + ", epsilon=" + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void init(int parameterCount) {
        firstMoment = new double[parameterCount];
        secondMoment = new double[parameterCount];
        reset();
    }

    @Override
    public void step(double[] params, double[] grads, double learningRate) {
        beta1Power *= beta1;
        beta2Power *= beta2;
        double firstCorrection = 1 - beta1Power;
        double secondCorrection = 1 - beta2Power;
        double oneMinusBeta1 = 1 - beta1;
        double oneMinusBeta2 = 1 - beta2;
        for (int k = 0; k < firstMoment.length; k++) {
            double g = grads[k];
            double m = beta1 * firstMoment[k] + oneMinusBeta1 * g;
            double v = beta2 * secondMoment[k] + oneMinusBeta2 * g * g;
            firstMoment[k] = m;
            secondMoment[k] = v;
            double mHat = m / firstCorrection;
            double vHat = v / secondCorrection;
            params[k] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
        }
    }

    @Override
    public void reset() {
        Arrays.fill(firstMoment, 0.0);
        Arrays.fill(secondMoment, 0.0);
        beta1Power = 1;
        beta2Power = 1;
    }

    @Override
    public int stateSize() {
        return 2 * firstMoment.length + 2;
    }

    @Override
    public void writeState(double[] out) {
        int n = firstMoment.length;
        System.arraycopy(firstMoment, 0, out, 0, n);
        System.arraycopy(secondMoment, 0, out, n, n);
        out[2 * n] = beta1Power;
        out[2 * n + 1] = beta2Power;
    }

    @Override
    public void readState(double[] in) {
        int n = firstMoment.length;
        System.arraycopy(in, 0, firstMoment, 0, n);
        System.arraycopy(in, n, secondMoment, 0, n);
        beta1Power = in[2 * n];
        beta2Power = in[2 * n + 1];
    }
}
