package backprop.engine.spec;

/** The {@code reg} key: penalty on weights (never biases). */
public enum RegularizationKind implements Keyed {
    NONE,
    L1,
    L2;

    /** The constant's name in lowercase. */
    @Override
    public String key() {
        return Keyed.lowercase(name());
    }

    public static RegularizationKind fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
