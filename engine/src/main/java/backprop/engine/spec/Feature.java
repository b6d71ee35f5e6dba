package backprop.engine.spec;

/** The input features of TensorFlow Playground, in the spec's printing order. */
public enum Feature implements Keyed {
    X1("x1"),
    X2("x2"),
    X1SQ("x1sq"),
    X2SQ("x2sq"),
    X1X2("x1x2"),
    SINX1("sinx1"),
    SINX2("sinx2");

    private final String key;

    Feature(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Feature fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
