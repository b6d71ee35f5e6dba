package backprop.engine.spec;

/** The {@code opt} key. Momentum 0.9; Adam beta1 0.9, beta2 0.999, epsilon 1e-8. */
public enum OptimizerKind implements Keyed {
    SGD("sgd"),
    MOMENTUM("momentum"),
    ADAM("adam");

    private final String key;

    OptimizerKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static OptimizerKind fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
