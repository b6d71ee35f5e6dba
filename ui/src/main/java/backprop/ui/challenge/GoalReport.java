package backprop.ui.challenge;

import backprop.engine.spec.SpecNumbers;
import backprop.ui.text.Json;

/**
 * The {@code backprop:goal} and {@code backprop:attempt} messages an embedded challenge posts to
 * its host page: the goal at most ten times a second while training and once at every pause.
 */
public final class GoalReport {
    static final double INTERVAL_MS = 100;

    private double lastSentMs = Double.NEGATIVE_INFINITY;
    private boolean wasPlaying;
    private int lastEpochSent = -1;

    /** The message to post now, or null. Called once per drawn frame. */
    public String next(double nowMs, boolean playing, GoalProgress progress) {
        int epoch = progress.lastEpoch();
        boolean paused = !playing && (wasPlaying || epoch != lastEpochSent);
        wasPlaying = playing;
        boolean due = playing && epoch != lastEpochSent && nowMs - lastSentMs >= INTERVAL_MS;
        if (epoch < 0 || !paused && !due) {
            return null;
        }
        lastSentMs = nowMs;
        lastEpochSent = epoch;
        return goal(progress);
    }

    /** {@code {type: "backprop:goal", metric, value, threshold, reached, epoch}}. */
    public static String goal(GoalProgress progress) {
        Goal goal = progress.goal();
        boolean reached = progress.reached();
        double value = reached ? progress.reachedValue() : progress.lastValue();
        return "{\"type\":\"backprop:goal\",\"metric\":"
                + Json.quote(goal.metric().key()) + ",\"value\":"
                + number(value) + ",\"threshold\":" + number(goal.threshold()) + ",\"reached\":" + reached
                + ",\"epoch\":" + (reached ? progress.reachedEpoch() : progress.lastEpoch()) + "}";
    }

    /** {@code {type: "backprop:attempt", id, url, meetsGoal}}. */
    public static String attempt(String id, String url, boolean meetsGoal) {
        return "{\"type\":\"backprop:attempt\",\"id\":" + Json.quote(id) + ",\"url\":" + Json.quote(url)
                + ",\"meetsGoal\":" + meetsGoal + "}";
    }

    /** The shortest decimal that reads back to the same double; null for NaN and infinities. */
    public static String number(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : SpecNumbers.formatReal(v);
    }
}
