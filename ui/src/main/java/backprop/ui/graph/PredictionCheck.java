package backprop.ui.graph;

/**
 * When a predicted gradient counts as right: within 0.005 or 1 % of the true one, so the
 * lecture's two-decimal answers (0.20 for 0.1966) count and a wrong sign never does.
 */
public final class PredictionCheck {
    /** Absolute tolerance: the lecture rounds to two decimals. */
    public static final double ABSOLUTE = 0.005;
    /** Relative tolerance for large gradients. */
    public static final double RELATIVE = 0.01;

    private PredictionCheck() {}

    public static boolean matches(double predicted, double actual) {
        if (!Double.isFinite(actual)) {
            return predicted == actual;
        }
        return Math.abs(predicted - actual) <= Math.max(ABSOLUTE, RELATIVE * Math.abs(actual));
    }
}
