package backprop.engine.train;

import java.util.Arrays;

/**
 * The loss curve kept for display and for snapshots: (epoch, trainLoss, testLoss) triples, at
 * most {@link #MAX_POINTS}. When full, every other point is dropped (the first and the newest are
 * kept), so a long run keeps an evenly thinned curve in bounded memory.
 */
public final class LossHistory {
    /** At most this many points are kept. */
    public static final int MAX_POINTS = 1000;

    private double[] triples = new double[3 * 64];
    private int count;

    /** Appends a point; a point for an epoch not after the last one replaces nothing and is ignored. */
    public void add(int epoch, double trainLoss, double testLoss) {
        if (count > 0 && epoch <= triples[3 * (count - 1)]) {
            return;
        }
        if (count == MAX_POINTS) {
            thin();
        }
        if (3 * (count + 1) > triples.length) {
            triples = Arrays.copyOf(triples, Math.min(3 * MAX_POINTS, 2 * triples.length));
        }
        triples[3 * count] = epoch;
        triples[3 * count + 1] = trainLoss;
        triples[3 * count + 2] = testLoss;
        count++;
    }

    /** Keeps points 0, 2, 4, ... and the newest. */
    private void thin() {
        int kept = 0;
        for (int k = 0; k < count; k += 2) {
            System.arraycopy(triples, 3 * k, triples, 3 * kept, 3);
            kept++;
        }
        if ((count - 1) % 2 != 0) {
            System.arraycopy(triples, 3 * (count - 1), triples, 3 * kept, 3);
            kept++;
        }
        count = kept;
    }

    /** Number of points. */
    public int size() {
        return count;
    }

    public int epoch(int index) {
        return (int) triples[3 * index];
    }

    public double trainLoss(int index) {
        return triples[3 * index + 1];
    }

    public double testLoss(int index) {
        return triples[3 * index + 2];
    }

    /** Forgets every point. */
    public void clear() {
        count = 0;
    }

    /** The triples, flat, for {@link Snapshot#withLossHistory(double[])}. */
    public double[] toArray() {
        return Arrays.copyOf(triples, 3 * count);
    }

    /** A history holding the given flat triples (e.g. a snapshot's), thinned if there are too many. */
    public static LossHistory fromArray(double[] flat) {
        if (flat.length % 3 != 0) {
            throw new IllegalArgumentException(
                    "loss history holds (epoch, trainLoss, testLoss) triples; got " + flat.length + " numbers");
        }
        LossHistory history = new LossHistory();
        for (int k = 0; k < flat.length; k += 3) {
            history.add((int) flat[k], flat[k + 1], flat[k + 2]);
        }
        return history;
    }
}
