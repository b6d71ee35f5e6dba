package backprop.engine.spec;

/** The input features of TensorFlow Playground, in the spec's printing order. */
public enum Feature implements Keyed {
    X1,
    X2,
    X1SQ,
    X2SQ,
    X1X2,
    SINX1,
    SINX2;

    /** The constant's name in lowercase. */
    @Override
    public String key() {
        return Keyed.lowercase(name());
    }

    public static Feature fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
