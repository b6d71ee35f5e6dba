package backprop.engine.spec;

/** The {@code loss} key; the output layer follows from it. */
public enum LossKind implements Keyed {
    /** Softmax over one linear output per class, then cross-entropy. */
    SOFTMAX("softmax"),
    /** Multiclass SVM hinge with margin 1 on one linear score per class. */
    SVM("svm"),
    /** One sigmoid output and binary cross-entropy (2 classes). */
    BCE("bce"),
    /** Linear outputs, squared error against one-hot targets, or the value for regression. */
    MSE("mse");

    private final String key;

    LossKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static LossKind fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
