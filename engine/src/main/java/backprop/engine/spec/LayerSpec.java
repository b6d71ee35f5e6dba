package backprop.engine.spec;

/**
 * One hidden layer: {@code units:activation}, with the suffix {@code :bn} when its pre-activations
 * are batch-normalized. A composed activation is {@link Activation#COMPOSED} with its
 * {@link Composition}; every other activation has none.
 */
public record LayerSpec(int units, Activation activation, Composition composition, boolean batchNorm) {
    /** The suffix that marks a batch-normalized layer in {@code layers}. */
    public static final String BATCH_NORM_SUFFIX = ":bn";

    public LayerSpec {
        if ((activation == Activation.COMPOSED) != (composition != null)) {
            throw new IllegalArgumentException("a layer has a composition exactly when its activation is composed, got "
                    + activation + " with " + composition);
        }
    }

    /** A layer without batch normalization. */
    public LayerSpec(int units, Activation activation, Composition composition) {
        this(units, activation, composition, false);
    }

    /** A layer with a built-in activation. */
    public LayerSpec(int units, Activation activation) {
        this(units, activation, null, false);
    }

    /** A layer with a composed activation. */
    public LayerSpec(int units, Composition composition) {
        this(units, Activation.COMPOSED, composition, false);
    }

    /** The same layer with or without batch normalization. */
    public LayerSpec withBatchNorm(boolean normalized) {
        return new LayerSpec(units, activation, composition, normalized);
    }

    /** The activation's name in {@code layers}: the built-in key or the composition's name. */
    public String activationName() {
        if (activation == null) {
            return "null";
        }
        return composition != null ? composition.name() : activation.key();
    }
}
