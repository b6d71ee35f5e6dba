package backprop.engine.spec;

/** A hidden layer's activation, as named in {@code layers}. {@code MAXOUT} is a layer kind (k = 2 pieces). */
public enum Activation {
    LINEAR("linear"),
    SIGMOID("sigmoid"),
    TANH("tanh"),
    RELU("relu"),
    LEAKYRELU("leakyrelu"),
    PRELU("prelu"),
    ELU("elu"),
    MAXOUT("maxout"),
    SWISH("swish"),
    HSWISH("hswish"),
    GELU("gelu"),
    SOFTPLUS("softplus");

    private final String key;

    Activation(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Activation fromKey(String name) {
        for (Activation a : values()) {
            if (a.key.equals(name)) {
                return a;
            }
        }
        return null;
    }
}
