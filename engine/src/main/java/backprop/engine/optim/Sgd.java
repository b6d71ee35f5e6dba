package backprop.engine.optim;

/** Plain gradient descent: w -= lr · g. No state. */
public final class Sgd implements Optimizer {
    private int size;

    @Override
    public void init(int parameterCount) {
        size = parameterCount;
    }

    @Override
    public void step(double[] params, double[] grads, double learningRate) {
        for (int k = 0; k < size; k++) {
            params[k] -= learningRate * grads[k];
        }
    }

    @Override
    public void reset() {}

    @Override
    public int stateSize() {
        return 0;
    }

    @Override
    public void writeState(double[] out) {}

    @Override
    public void readState(double[] in) {}
}
