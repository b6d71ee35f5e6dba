package backprop.engine.nn;

import backprop.engine.spec.LossKind;

/**
 * The data loss on the network's outputs (scores), with the spec's {@link LossKind} resolved
 * against the kind of data: squared error compares to a one-hot vector for classification and to
 * the value for regression. Regression sets always use squared error on the value.
 */
public enum OutputLoss {
    /** Softmax over one score per class, then -log p_y. */
    SOFTMAX_CROSS_ENTROPY,
    /** The lecture's multiclass SVM: Σ_{j≠y} max(0, s_j - s_y + 1). */
    MULTICLASS_HINGE,
    /** One score z, p = σ(z) the probability of class 1: -t log p - (1 - t) log(1 - p). */
    BINARY_CROSS_ENTROPY,
    /** ½ Σ_j (s_j - [j = y])². */
    SQUARED_ERROR_ONE_HOT,
    /** ½ (s - target)². */
    SQUARED_ERROR_VALUE;

    /** The loss a spec trains with. */
    public static OutputLoss of(LossKind kind, boolean regression) {
        if (regression) {
            return SQUARED_ERROR_VALUE;
        }
        switch (kind) {
            case SOFTMAX:
                return SOFTMAX_CROSS_ENTROPY;
            case SVM:
                return MULTICLASS_HINGE;
            case BCE:
                return BINARY_CROSS_ENTROPY;
            case MSE:
                return SQUARED_ERROR_ONE_HOT;
            default:
                throw new IllegalArgumentException("unknown loss " + kind);
        }
    }

    public boolean isClassification() {
        return this != SQUARED_ERROR_VALUE;
    }
}
