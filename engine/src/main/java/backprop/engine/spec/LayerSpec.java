package backprop.engine.spec;

/**
 * One hidden layer: {@code units:activation}. A composed activation is {@link Activation#COMPOSED}
 * with its {@link Composition}; every other activation has none.
 */
public record LayerSpec(int units, Activation activation, Composition composition) {

    public LayerSpec {
        if ((activation == Activation.COMPOSED) != (composition != null)) {
            throw new IllegalArgumentException("a layer has a composition exactly when its activation is composed, got "
                    + activation + " with " + composition);
        }
    }

    /** A layer with a built-in activation. */
    public LayerSpec(int units, Activation activation) {
        this(units, activation, null);
    }

    /** A layer with a composed activation. */
    public LayerSpec(int units, Composition composition) {
        this(units, Activation.COMPOSED, composition);
    }

    /** The activation's name in {@code layers}: the built-in key or the composition's name. */
    public String activationName() {
        if (activation == null) {
            return "null";
        }
        return composition != null ? composition.name() : activation.key();
    }
}
