package backprop.engine.export;

import backprop.engine.nn.OutputLoss;
import java.util.EnumSet;
import java.util.Set;

/**
 * A data loss in numpy as two functions side by side, with the engine's formulas
 * ({@link backprop.engine.nn.Losses}): {@code losses(scores, t)}, the loss of each example, and
 * {@code dloss_dscores(scores, t)}, its gradient with respect to the scores. The mean over a
 * batch is what training reports; the gradient of the mean is the second divided by the batch.
 *
 * @param lines    the two definitions, at column 0
 * @param helpers  the helper functions they call
 */
record NumpyLoss(String[] lines, Set<NumpyHelper> helpers) {

    static NumpyLoss of(OutputLoss loss, int outputs) {
        switch (loss) {
            case SOFTMAX_CROSS_ENTROPY:
                return new NumpyLoss(
                        new String[] {
                            "def losses(scores, t):",
                            "    \"\"\"Softmax cross-entropy: L_i = -log(e^s_t / sum_j e^s_j) = log sum_j e^(s_j - m) + m - s_t, m = max_j s_j.\"\"\"",
                            "    m = scores.max(axis=1, keepdims=True)",
                            "    return np.log(np.exp(scores - m).sum(axis=1)) + m[:, 0] - scores[np.arange(len(t)), t]",
                            "",
                            "",
                            "def dloss_dscores(scores, t):",
                            "    \"\"\"dL_i/ds_j = p_j - [j = t], p the softmax probabilities.\"\"\"",
                            "    e = np.exp(scores - scores.max(axis=1, keepdims=True))",
                            "    p = e / e.sum(axis=1, keepdims=True)",
                            "    p[np.arange(len(t)), t] -= 1",
                            "    return p"
                        },
                        EnumSet.noneOf(NumpyHelper.class));
            case MULTICLASS_HINGE:
                return new NumpyLoss(
                        new String[] {
                            "def margins(scores, t):",
                            "    \"\"\"s_j - s_t + 1 for j != t, 0 at j = t.\"\"\"",
                            "    m = scores - scores[np.arange(len(t)), t][:, None] + 1",
                            "    m[np.arange(len(t)), t] = 0",
                            "    return m",
                            "",
                            "",
                            "def losses(scores, t):",
                            "    \"\"\"Multiclass SVM: L_i = sum_{j != t} max(0, s_j - s_t + 1).\"\"\"",
                            "    m = margins(scores, t)",
                            "    return np.where(m > 0, m, 0.0).sum(axis=1)",
                            "",
                            "",
                            "def dloss_dscores(scores, t):",
                            "    \"\"\"1 for each j != t with a positive margin, minus their count at j = t (a zero margin counts 0).\"\"\"",
                            "    positive = (margins(scores, t) > 0).astype(float)",
                            "    positive[np.arange(len(t)), t] = -positive.sum(axis=1)",
                            "    return positive"
                        },
                        EnumSet.noneOf(NumpyHelper.class));
            case BINARY_CROSS_ENTROPY:
                return new NumpyLoss(
                        new String[] {
                            "def losses(scores, t):",
                            "    \"\"\"Binary cross-entropy on p = sigmoid(z): -t log p - (1 - t) log(1 - p) = max(z, 0) - z t + log(1 + e^-|z|).\"\"\"",
                            "    z = scores[:, 0]",
                            "    return np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z)))",
                            "",
                            "",
                            "def dloss_dscores(scores, t):",
                            "    \"\"\"dL_i/dz = sigmoid(z) - t.\"\"\"",
                            "    return (sigmoid(scores[:, 0]) - t)[:, None]"
                        },
                        EnumSet.of(NumpyHelper.SIGMOID));
            case SQUARED_ERROR_ONE_HOT:
                return new NumpyLoss(
                        new String[] {
                            "def losses(scores, t):",
                            "    \"\"\"Squared error against one-hot targets: L_i = 1/2 sum_j (s_j - [j = t])^2.\"\"\"",
                            "    e = scores - np.eye(" + outputs + ")[t]",
                            "    return 0.5 * (e * e).sum(axis=1)",
                            "",
                            "",
                            "def dloss_dscores(scores, t):",
                            "    \"\"\"dL_i/ds_j = s_j - [j = t].\"\"\"",
                            "    return scores - np.eye(" + outputs + ")[t]"
                        },
                        EnumSet.noneOf(NumpyHelper.class));
            case SQUARED_ERROR_VALUE:
                return new NumpyLoss(
                        new String[] {
                            "def losses(scores, t):",
                            "    \"\"\"Squared error against the value: L_i = 1/2 (s - t)^2.\"\"\"",
                            "    e = scores[:, 0] - t",
                            "    return 0.5 * e * e",
                            "",
                            "",
                            "def dloss_dscores(scores, t):",
                            "    \"\"\"dL_i/ds = s - t.\"\"\"",
                            "    return (scores[:, 0] - t)[:, None]"
                        },
                        EnumSet.noneOf(NumpyHelper.class));
            default:
                throw new IllegalArgumentException("no numpy code for the loss " + loss);
        }
    }
}
