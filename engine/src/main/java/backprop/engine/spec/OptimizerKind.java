package backprop.engine.spec;

/** The {@code opt} key. Momentum 0.9; Adam beta1 0.9, beta2 0.999, epsilon 1e-8. */
public enum OptimizerKind implements Keyed {
    SGD,
    MOMENTUM,
    ADAM;

    /** The constant's name in lowercase. */
    @Override
    public String key() {
        return Keyed.lowercase(name());
    }

    public static OptimizerKind fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
