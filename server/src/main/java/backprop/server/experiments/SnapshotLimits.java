package backprop.server.experiments;

import backprop.engine.train.Snapshot;

/**
 * What a saved snapshot may hold beyond being well-formed: counters a real run reaches and
 * numbers a real run produces. A snapshot with NaN, infinite or 1e308 parameters, or an epoch
 * of 2^31-1, would load as a page that draws nothing and trains nowhere.
 */
final class SnapshotLimits {
    /** Years of training at the playground's speed. */
    static final int MAX_EPOCH = 10_000_000;
    /** {@link #MAX_EPOCH} epochs of at most 100 mini-batches each (2,000 points, batch 10), with room. */
    static final int MAX_ITERATION = 1_000_000_000;
    /** Weights of a trained toy network are far smaller; beyond, the run has diverged. */
    static final double MAX_ABS_PARAMETER = 1e6;
    /** Optimizer state (velocities, Adam's moments: squares of gradients) may be larger, never unbounded. */
    static final double MAX_ABS_OPTIMIZER_NUMBER = 1e15;

    private SnapshotLimits() {}

    /** Null when the snapshot is within the limits, else what is wrong, naming the number and the allowed range. */
    static String check(Snapshot snapshot) {
        if (snapshot.epoch() > MAX_EPOCH) {
            return "its epoch is " + snapshot.epoch() + "; allowed: 0 to " + MAX_EPOCH;
        }
        if (snapshot.iteration() > MAX_ITERATION) {
            return "its iteration is " + snapshot.iteration() + "; allowed: 0 to " + MAX_ITERATION;
        }
        String params = checkNumbers("parameter", snapshot.params(), MAX_ABS_PARAMETER);
        if (params != null) {
            return params;
        }
        String optimizer = checkNumbers("optimizer number", snapshot.optimizerState(), MAX_ABS_OPTIMIZER_NUMBER);
        if (optimizer != null) {
            return optimizer;
        }
        double[] history = snapshot.lossHistory();
        for (int i = 0; i < history.length; i += 3) {
            double epoch = history[i];
            if (!(epoch >= 0 && epoch <= MAX_EPOCH)) {
                return "loss history point " + i / 3 + " has the epoch " + epoch + "; allowed: 0 to " + MAX_EPOCH;
            }
        }
        return null;
    }

    private static String checkNumbers(String what, double[] numbers, double maxAbs) {
        for (int i = 0; i < numbers.length; i++) {
            double x = numbers[i];
            if (!(Math.abs(x) <= maxAbs)) { // also NaN
                return what + " " + i + " is " + x + "; allowed: finite numbers from -" + plain(maxAbs) + " to "
                        + plain(maxAbs);
            }
        }
        return null;
    }

    private static String plain(double x) {
        return new java.math.BigDecimal(x).toPlainString();
    }
}
