package backprop.engine.optim;

import backprop.engine.spec.OptimizerKind;

/**
 * Updates parameters from their gradient. Lifecycle: {@link #init(int)} once with the number of
 * parameters, then {@link #step} once per mini-batch, {@link #reset()} to forget the history
 * (as if just initialised). The state ({@link #stateSize()} numbers) can be copied out and back
 * in, which is all a snapshot needs to resume exactly.
 */
public interface Optimizer {

    /** Allocates the state for {@code parameterCount} parameters and resets it. */
    void init(int parameterCount);

    /** One update: params -= (what the method makes of) grads, with learning rate {@code learningRate}. */
    void step(double[] params, double[] grads, double learningRate);

    /** Forgets the history (velocities, moments, step count). */
    void reset();

    /** How many numbers {@link #writeState(double[])} writes. */
    int stateSize();

    /** Copies the state into {@code out[0 .. stateSize())}. */
    void writeState(double[] out);

    /** Restores the state from {@code in[0 .. stateSize())}. */
    void readState(double[] in);

    /** A fresh optimizer of the given kind: SGD, momentum 0.9, or Adam (0.9, 0.999, 1e-8). */
    static Optimizer create(OptimizerKind kind) {
        switch (kind) {
            case SGD:
                return new Sgd();
            case MOMENTUM:
                return new Momentum(Momentum.DEFAULT_MU);
            case ADAM:
                return new Adam(Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON);
            default:
                throw new IllegalArgumentException("unknown optimizer " + kind);
        }
    }
}
