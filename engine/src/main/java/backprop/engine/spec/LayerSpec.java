package backprop.engine.spec;

/** One hidden layer: {@code units:activation}. */
public record LayerSpec(int units, Activation activation) {
}
