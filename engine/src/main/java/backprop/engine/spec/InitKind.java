package backprop.engine.spec;

/** The {@code init} key: how weights start; biases always start at 0. */
public enum InitKind implements Keyed {
    /** Normal with variance 2 / fan_in. */
    HE,
    /** Normal with variance 2 / (fan_in + fan_out). */
    XAVIER,
    /** Uniform on [-0.5, 0.5]. */
    UNIFORM;

    /** The constant's name in lowercase. */
    @Override
    public String key() {
        return Keyed.lowercase(name());
    }

    public static InitKind fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
