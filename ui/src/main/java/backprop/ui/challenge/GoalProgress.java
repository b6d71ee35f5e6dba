package backprop.ui.challenge;

import backprop.engine.spec.SpecNumbers;
import backprop.engine.train.Metrics;

/**
 * The student page's view of the goal while a run trains: the metric at the latest epoch
 * boundary seen, and the first epoch (no later than the goal's limit) where it met the goal. An
 * attempt is judged at an epoch boundary, so values seen mid-epoch do not count. A
 * {@link GoalWatch} feeds it every epoch boundary the training passes (not only those a frame
 * draws), so the first epoch is exactly the server's. Every change restarts the run, and
 * {@link #restart} with it.
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
        return observe(epoch, goal.metric().of(metrics), fingerprint);
    }

    /** {@link #observe(int, Metrics, String)} with the goal's metric already measured. */
    public boolean observe(int epoch, double value, String fingerprint) {
        if (epoch == lastEpoch || epoch > goal.byEpoch()) {
            return false;
        }
        lastEpoch = epoch;
        lastValue = value;
        lastFingerprint = fingerprint;
        if (reachedEpoch < 0 && goal.meets(lastValue)) {
            reachedEpoch = epoch;
            reachedValue = lastValue;
            reachedFingerprint = fingerprint;
            return true;
        }
        return false;
    }

    /**
     * The goal was met at {@code epoch} with {@code value} and {@code fingerprint}, as another
     * watcher of the same run saw it (the training worker, which checks every epoch boundary):
     * kept when it is the first epoch known to meet the goal.
     */
    public void reachedAt(int epoch, double value, String fingerprint) {
        if (epoch > goal.byEpoch() || !goal.meets(value) || (reached() && reachedEpoch <= epoch)) {
            return;
        }
        reachedEpoch = epoch;
        reachedValue = value;
        reachedFingerprint = fingerprint;
    }

    /** "epoch value fingerprint" of the reached goal (the value's shortest exact decimal), or "" before. */
    public String reachedText() {
        return reached() ? reachedEpoch + " " + SpecNumbers.formatReal(reachedValue) + " " + reachedFingerprint : "";
    }

    /** Takes a {@link #reachedText()} from another watcher of the same run ({@link #reachedAt}); "" changes nothing. */
    public void reachedFrom(String text) {
        String[] parts = text.split(" ", -1);
        if (parts.length != 3) {
            return;
        }
        reachedAt((int) SpecNumbers.parseInteger(parts[0]), SpecNumbers.parseReal(parts[1]), parts[2]);
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
