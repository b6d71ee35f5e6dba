package backprop.engine.spec;

/** The {@code init} key: how weights start; biases always start at 0. */
public enum InitKind implements Keyed {
    /** Normal with variance 2 / fan_in. */
    HE("he"),
    /** Normal with variance 2 / (fan_in + fan_out). */
    XAVIER("xavier"),
    /** Uniform on [-0.5, 0.5]. */
    UNIFORM("uniform");

    private final String key;

    InitKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static InitKind fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
