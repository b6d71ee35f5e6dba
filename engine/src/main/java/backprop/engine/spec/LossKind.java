package backprop.engine.spec;

/** The {@code loss} key; the output layer follows from it. */
public enum LossKind implements Keyed {
    /** Softmax over one linear output per class, then cross-entropy. */
    SOFTMAX,
    /** Multiclass SVM hinge with margin 1 on one linear score per class. */
    SVM,
    /** One sigmoid output and binary cross-entropy (2 classes). */
    BCE,
    /** Linear outputs, squared error against one-hot targets, or the value for regression. */
    MSE;

    /** The constant's name in lowercase. */
    @Override
    public String key() {
        return Keyed.lowercase(name());
    }

    public static LossKind fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
