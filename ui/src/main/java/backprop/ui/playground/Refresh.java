package backprop.ui.playground;

/**
 * When a part of the page that is redrawn from a playing run is next due: at most every
 * {@code minIntervalMs}, and no more often than keeps its measured cost under
 * {@code shareOfTime} of the wall clock. A part that takes 20 ms with a share of 0.1 is redrawn
 * every 200 ms; one that takes 0.5 ms, every frame. The costs are smoothed (a quarter of each new
 * one), so one slow draw does not stall the part for long. Pure Java: the clock comes in as numbers.
 */
public final class Refresh {
    private final double minIntervalMs;
    private final double shareOfTime;
    /** Smoothed milliseconds per redraw; -1 before the first. */
    private double costMs = -1;

    private double lastStartMs = Double.NEGATIVE_INFINITY;

    public Refresh(double minIntervalMs, double shareOfTime) {
        if (!(minIntervalMs >= 0) || !(shareOfTime > 0 && shareOfTime <= 1)) {
            throw new IllegalArgumentException("a refresh needs an interval >= 0 ms and a share in (0, 1], got "
                    + minIntervalMs + " ms and " + shareOfTime);
        }
        this.minIntervalMs = minIntervalMs;
        this.shareOfTime = shareOfTime;
    }

    /** True when the part may be redrawn at {@code nowMs}. */
    public boolean due(double nowMs) {
        double interval = Math.max(minIntervalMs, costMs < 0 ? 0 : costMs / shareOfTime);
        return nowMs - lastStartMs >= interval;
    }

    /** Records a redraw that ran from {@code startMs} to {@code endMs}. */
    public void done(double startMs, double endMs) {
        double cost = Math.max(0, endMs - startMs);
        costMs = costMs < 0 ? cost : costMs + (cost - costMs) / 4;
        lastStartMs = startMs;
    }

    /** The smoothed cost of one redraw in milliseconds; -1 before the first. */
    public double costMs() {
        return costMs;
    }
}
