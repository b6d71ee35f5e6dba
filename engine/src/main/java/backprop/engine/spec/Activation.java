package backprop.engine.spec;

/**
 * A hidden layer's activation, as named in {@code layers}. {@code MAXOUT} is a layer kind (k = 2
 * pieces). {@code COMPOSED} stands for every composed activation b(u1(x), u2(x)): the layer's
 * {@link Composition} says which, and its name is the composition's, never "composed".
 */
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
    SOFTPLUS("softplus"),
    COMPOSED("composed");

    /** Every activation with a name of its own (all but {@code COMPOSED}), in table order. */
    private static final Activation[] BUILT_INS = {
        LINEAR, SIGMOID, TANH, RELU, LEAKYRELU, PRELU, ELU, MAXOUT, SWISH, HSWISH, GELU, SOFTPLUS
    };

    private final String key;

    Activation(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The built-in activations (all but {@code COMPOSED}), in table order. */
    public static Activation[] builtIns() {
        return BUILT_INS.clone();
    }

    /** A built-in activation by name (loop: TeaVM's enum valueOf breaks the JS build); null when unknown. */
    public static Activation fromKey(String name) {
        for (Activation a : BUILT_INS) {
            if (a.key.equals(name)) {
                return a;
            }
        }
        return null;
    }
}
