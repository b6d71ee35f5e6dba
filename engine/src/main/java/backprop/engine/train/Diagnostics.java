package backprop.engine.train;

/**
 * What the network is doing, computed on demand ({@link Trainer#diagnostics()}), never inside
 * the training loop. Layers are indexed as in the network: hidden layers, then the output layer.
 *
 * @param gradient       the gradient of the total training loss (mean data loss over the whole
 *                       training set + λ R(W)) at the current parameters, laid out like the
 *                       parameters
 * @param gradientNorms  per layer, the Euclidean norm of {@code gradient} over that layer's
 *                       weights, biases and extras
 * @param deadUnits      per layer and unit: a ReLU unit whose output is 0 on every training point
 *                       (always false for other activations)
 * @param saturatedUnits per layer and unit: a sigmoid or tanh unit with |f'(z)| < 0.01 on more
 *                       than half of the training points (always false for other activations)
 */
public record Diagnostics(
        double[] gradient, double[] gradientNorms, boolean[][] deadUnits, boolean[][] saturatedUnits) {
    /** The threshold on |f'| below which a sigmoid or tanh unit counts as saturated at a point. */
    public static final double SATURATION_DERIVATIVE = 0.01;

    /** Number of dead units in layer {@code layer}. */
    public int deadCount(int layer) {
        return count(deadUnits[layer]);
    }

    /** Number of saturated units in layer {@code layer}. */
    public int saturatedCount(int layer) {
        return count(saturatedUnits[layer]);
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            if (f) {
                n++;
            }
        }
        return n;
    }
}
