package backprop.ui.challenge;

import backprop.engine.spec.SpecNumbers;
import backprop.ui.text.Numbers;

/**
 * A challenge's goal: {@code metric} at least (or at most) {@code threshold}, at an epoch
 * boundary no later than {@code byEpoch}.
 */
public record Goal(GoalMetric metric, boolean atLeast, double threshold, int byEpoch) {
    /** The latest epoch a goal may name: the server retrains every attempt up to it (see the verification budget). */
    public static final int MAX_BY_EPOCH = 10_000;

    /** True when {@code value} meets the threshold; NaN (a diverged run) never does. */
    public boolean meets(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return atLeast ? value >= threshold : value <= threshold;
    }

    /** "atLeast" or "atMost", as in the API. */
    public String comparisonKey() {
        return atLeast ? "atLeast" : "atMost";
    }

    /** "test accuracy at least 0.95 by epoch 300". */
    public String describe() {
        return metric.label() + (atLeast ? " at least " : " at most ") + SpecNumbers.formatReal(threshold)
                + " by epoch " + byEpoch;
    }

    /** A measured value as the page shows it: 4 decimals, "–" for NaN. */
    public static String shown(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : Numbers.fixed(value, 4);
    }
}
