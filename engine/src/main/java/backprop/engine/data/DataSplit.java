package backprop.engine.data;

/**
 * The points of one experiment, split into a training and a test set. {@code trainX} and
 * {@code testX} hold (x1, x2) interleaved; labels are classes 0..k-1 (0 for regression);
 * targets are the regression values (0 for classification).
 */
public record DataSplit(
        double[] trainX, int[] trainLabel, double[] trainTarget, double[] testX, int[] testLabel, double[] testTarget) {

    public int trainSize() {
        return trainLabel.length;
    }

    public int testSize() {
        return testLabel.length;
    }

    /**
     * Splits {@code points} with a seeded permutation: its first floor(n * splitPercent / 100)
     * points (at least 1) train, the rest test, both in permutation order.
     */
    public static DataSplit split(Points points, int splitPercent, backprop.engine.math.Rng rng) {
        if (splitPercent < 0 || splitPercent > 100) {
            throw new IllegalArgumentException("split must be 0..100 percent, got " + splitPercent);
        }
        int n = points.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        rng.shuffle(order);
        int trainCount = Math.min(n, Math.max(1, n * splitPercent / 100));
        int testCount = n - trainCount;
        double[] trainX = new double[2 * trainCount];
        int[] trainLabel = new int[trainCount];
        double[] trainTarget = new double[trainCount];
        double[] testX = new double[2 * testCount];
        int[] testLabel = new int[testCount];
        double[] testTarget = new double[testCount];
        for (int k = 0; k < n; k++) {
            int source = order[k];
            if (k < trainCount) {
                copy(points, source, trainX, trainLabel, trainTarget, k);
            } else {
                copy(points, source, testX, testLabel, testTarget, k - trainCount);
            }
        }
        return new DataSplit(trainX, trainLabel, trainTarget, testX, testLabel, testTarget);
    }

    private static void copy(Points points, int source, double[] xy, int[] label, double[] target, int k) {
        xy[2 * k] = points.xy()[2 * source];
        xy[2 * k + 1] = points.xy()[2 * source + 1];
        label[k] = points.label()[source];
        target[k] = points.target()[source];
    }
}
