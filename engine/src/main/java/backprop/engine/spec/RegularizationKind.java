package backprop.engine.spec;

/** The {@code reg} key: penalty on weights (never biases). */
public enum RegularizationKind implements Keyed {
    NONE("none"),
    L1("l1"),
    L2("l2");

    private final String key;

    RegularizationKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static RegularizationKind fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
