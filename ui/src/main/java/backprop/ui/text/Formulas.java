package backprop.ui.text;

import backprop.engine.spec.LossKind;
import backprop.engine.spec.RegularizationKind;

/**
 * The formula of each data loss and regularizer, as the engine computes it ({@code nn.Losses},
 * {@code Network.regularization}), for the pages that let a person choose one. The losses shown
 * are means over the N examples; squared error is ½·mean, not the plain sum of the lecture's
 * numpy code.
 */
public final class Formulas {
    /** How the three numbers the playground reports relate. */
    public static final String TOTAL = "L = data loss + \u03bbR(W): the data loss is the mean loss on the training "
            + "set (\"Train loss\" in the playground), \u03bbR(W) the penalty, and gradient descent lowers their sum.";

    private Formulas() {}

    public static String of(LossKind loss) {
        return switch (loss) {
            case SOFTMAX -> "L = (1/N) \u03a3\u1d62 \u2212log(e^{s_y\u1d62} / \u03a3\u2c7c e^{s\u2c7c})";
            case SVM ->
                "L = (1/N) \u03a3\u1d62 \u03a3_{j\u2260y\u1d62} max(0, s\u2c7c \u2212 s_y\u1d62 + 1) (hinge, margin 1)";
            case BCE ->
                "L = (1/N) \u03a3\u1d62 \u2212[t\u1d62 log \u03c3(z\u1d62) + (1 \u2212 t\u1d62) log(1 \u2212 \u03c3(z\u1d62))]";
            case MSE ->
                "L = (1/N) \u03a3\u1d62 \u00bd \u03a3\u2c7c (s\u1d62\u2c7c \u2212 t\u1d62\u2c7c)\u00b2, \u00bd\u00b7mean, so the gradient"
                        + " is s \u2212 t; the lecture's numpy loop uses the plain sum \u03a3 (y_pred \u2212 y)\u00b2"
                        + " (2N times larger, gradient 2(y_pred \u2212 y))";
        };
    }

    public static String of(RegularizationKind reg) {
        return switch (reg) {
            case NONE -> "no penalty: L is the data loss alone (\u03bb is ignored)";
            case L1 -> "\u03bbR(W) = \u03bb \u03a3 |w| over the weights (not biases); gradient \u03bb\u00b7sign(w)";
            case L2 -> "\u03bbR(W) = \u03bb \u03a3 w\u00b2 over the weights (not biases); gradient 2\u03bbw";
        };
    }
}
