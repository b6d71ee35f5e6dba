package backprop.engine.optim;

import java.util.Arrays;

/**
 * SGD with momentum (Polyak's heavy ball, in the CS231n form): v = μ v - lr g, w += v.
 * State: the velocity v, one number per parameter.
 */
public final class Momentum implements Optimizer {
    public static final double DEFAULT_MU = 0.9;

    private final double mu;
    private double[] velocity = new double[0];

    public Momentum(double mu) {
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + mu);
        }
        this.mu = mu;
    }

    @Override
    public void init(int parameterCount) {
        velocity = new double[parameterCount];
    }

    @Override
    public void step(double[] params, double[] grads, double learningRate) {
        for (int k = 0; k < velocity.length; k++) {
            double v = mu * velocity[k] - learningRate * grads[k];
            velocity[k] = v;
            params[k] += v;
        }
    }

    @Override
    public void reset() {
        Arrays.fill(velocity, 0.0);
    }

    @Override
    public int stateSize() {
        return velocity.length;
    }

    @Override
    public void writeState(double[] out) {
        System.arraycopy(velocity, 0, out, 0, velocity.length);
    }

    @Override
    public void readState(double[] in) {
        System.arraycopy(in, 0, velocity, 0, velocity.length);
    }
}
