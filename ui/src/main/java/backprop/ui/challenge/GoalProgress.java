package backprop.ui.challenge;

import backprop.engine.train.Metrics;

/**
 * The student page's view of the goal while a run trains: the metric at the latest epoch
 * boundary seen, and the first epoch (no later than the goal's limit) where it met the goal. An
 * attempt is judged at an epoch boundary, so values seen mid-epoch do not count. Every change
 * restarts the run, and {@link #restart} with it.
 */
public final class GoalProgress {
    private final Goal goal;
    private int lastEpoch = -1;
    private double lastValue = Double.NaN;
    private String lastFingerprint = "";
    private int reachedEpoch = -1;
    private double reachedValue = Double.NaN;
    private String reachedFingerprint = "";

    public GoalProgress(Goal goal) {
        this.goal = goal;
    }

    public Goal goal() {
        return goal;
    }

    /** A new run: nothing seen yet. */
    public void restart() {
        lastEpoch = -1;
        lastValue = Double.NaN;
        lastFingerprint = "";
        reachedEpoch = -1;
        reachedValue = Double.NaN;
        reachedFingerprint = "";
    }

    /**
     * The run stands at the boundary after {@code epoch} epochs with these metrics and
     * parameters' fingerprint.
     *
     * @return true when this observation reached the goal for the first time
     */
    public boolean observe(int epoch, Metrics metrics, String fingerprint) {
        if (epoch == lastEpoch || epoch > goal.byEpoch()) {
            return false;
        }
        lastEpoch = epoch;
        lastValue = goal.metric().of(metrics);
        lastFingerprint = fingerprint;
        if (reachedEpoch < 0 && goal.meets(lastValue)) {
            reachedEpoch = epoch;
            reachedValue = lastValue;
            reachedFingerprint = fingerprint;
            return true;
        }
        return false;
    }

    public boolean reached() {
        return reachedEpoch >= 0;
    }

    /** The first epoch that met the goal, -1 before. */
    public int reachedEpoch() {
        return reachedEpoch;
    }

    public double reachedValue() {
        return reachedValue;
    }

    public String reachedFingerprint() {
        return reachedFingerprint;
    }

    /** The latest boundary's epoch, -1 before any. */
    public int lastEpoch() {
        return lastEpoch;
    }

    public double lastValue() {
        return lastValue;
    }

    /** The fingerprint at the latest boundary seen. */
    public String lastFingerprint() {
        return lastFingerprint;
    }

    /** The value an attempt claims: at the reached epoch, else at the latest boundary. */
    public double attemptValue() {
        return reached() ? reachedValue : lastValue;
    }

    /** The fingerprint an attempt claims, with {@link #attemptValue}. */
    public String attemptFingerprint() {
        return reached() ? reachedFingerprint : lastFingerprint;
    }

    /**
     * The epoch an attempt names now: where the goal was reached, else the latest boundary seen
     * (0 before any).
     */
    public int attemptEpoch() {
        return reached() ? reachedEpoch : Math.max(lastEpoch, 0);
    }

    /** The status line: "Goal reached at epoch N", or how far the run is. */
    public String status() {
        if (reached()) {
            return "Goal reached at epoch " + reachedEpoch;
        }
        if (lastEpoch < 0) {
            return "Not reached yet: press Play (goal: " + goal.describe() + ")";
        }
        String now = goal.metric().label() + " " + Goal.shown(lastValue) + " at epoch " + lastEpoch;
        if (lastEpoch >= goal.byEpoch()) {
            return "Not reached by epoch " + goal.byEpoch() + ": " + now + ". Change something and try again.";
        }
        return "Not reached yet: " + now;
    }
}
