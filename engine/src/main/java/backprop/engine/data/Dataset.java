package backprop.engine.data;

import backprop.engine.math.Rng;
import backprop.engine.spec.Plane;
import java.util.Arrays;

/**
 * Imported points, immutable: each point's x1 and x2 in [-6, 6] at full precision, its class
 * (classification) or target value (regression), and optionally which set it belongs to. Without
 * a split column the experiment's {@code split} percent divides the points, as for generated data.
 * -0.0 is stored as 0.0, so one dataset has one canonical text ({@link DatasetCsv#write}).
 */
public final class Dataset {
    /** Which set a point belongs to, when the file says. */
    public enum Split {
        TRAIN("train"),
        TEST("test");

        private final String key;

        Split(String key) {
            this.key = key;
        }

        /** The word in the CSV's split column. */
        public String key() {
            return key;
        }
    }

    private final boolean regression;
    private final double[] xy;
    private final int[] labels;
    private final double[] targets;
    /** Null when the file had no split column. */
    private final Split[] splits;

    private final int classes;

    /**
     * @param xy       x1, x2 interleaved, each in [-6, 6]
     * @param labels   classes 0..5 (all 0 for regression)
     * @param targets  regression values, finite (all 0 for classification)
     * @param splits   one per point, or null
     */
    public Dataset(boolean regression, double[] xy, int[] labels, double[] targets, Split[] splits) {
        int n = labels.length;
        if (n < 1 || xy.length != 2 * n || targets.length != n || (splits != null && splits.length != n)) {
            throw new IllegalArgumentException("a dataset needs n >= 1 points with 2n coordinates, n labels, n targets "
                    + "and n splits or none; got " + xy.length + " coordinates, " + n + " labels, " + targets.length
                    + " targets, " + (splits == null ? "no" : Integer.toString(splits.length)) + " splits");
        }
        this.regression = regression;
        this.xy = new double[xy.length];
        int maxLabel = 0;
        for (int k = 0; k < xy.length; k++) {
            double v = xy[k];
            if (!(v >= Plane.MIN && v <= Plane.MAX)) {
                throw new IllegalArgumentException(
                        "point " + (k / 2 + 1) + ": x" + (k % 2 + 1) + " = " + v + " is outside [-6, 6]");
            }
            this.xy[k] = v + 0.0;
        }
        for (int p = 0; p < n; p++) {
            if (labels[p] < 0 || labels[p] > 5 || (regression && labels[p] != 0)) {
                throw new IllegalArgumentException("point " + (p + 1) + ": class " + labels[p] + " is outside "
                        + (regression ? "0 (regression)" : "0..5"));
            }
            if (!Double.isFinite(targets[p]) || (!regression && targets[p] != 0)) {
                throw new IllegalArgumentException("point " + (p + 1) + ": target " + targets[p] + " is "
                        + (regression ? "not finite" : "not 0 (classification)"));
            }
            maxLabel = Math.max(maxLabel, labels[p]);
        }
        this.labels = labels.clone();
        this.targets = targets.clone();
        for (int p = 0; p < n; p++) {
            this.targets[p] += 0.0;
        }
        this.splits = splits == null ? null : splits.clone();
        if (this.splits != null && !Arrays.asList(this.splits).contains(Split.TRAIN)) {
            throw new IllegalArgumentException("no point is in the training set");
        }
        this.classes = regression ? 1 : maxLabel + 1;
    }

    public boolean regression() {
        return regression;
    }

    public int size() {
        return labels.length;
    }

    public double x1(int point) {
        return xy[2 * point];
    }

    public double x2(int point) {
        return xy[2 * point + 1];
    }

    /** The class of a point (0 for regression). */
    public int label(int point) {
        return labels[point];
    }

    /** The target value of a point (0 for classification). */
    public double target(int point) {
        return targets[point];
    }

    /** True when every point says which set it belongs to. */
    public boolean hasSplit() {
        return splits != null;
    }

    /** The set of a point; only when {@link #hasSplit()}. */
    public Split split(int point) {
        if (splits == null) {
            throw new IllegalStateException("this dataset has no split column; the experiment's split percent applies");
        }
        return splits[point];
    }

    /** 1 + the largest class (1 for regression). */
    public int classes() {
        return classes;
    }

    /** The points, for the generators' consumers. */
    public Points points() {
        return new Points(xy.clone(), labels.clone(), targets.clone());
    }

    /**
     * Training and test sets: the file's split in file order when it has one, else
     * {@link DataSplit#split} with {@code splitPercent} and {@code rng}, as for generated data.
     */
    public DataSplit split(int splitPercent, Rng rng) {
        if (splits == null) {
            return DataSplit.split(points(), splitPercent, rng);
        }
        int trainCount = 0;
        for (Split s : splits) {
            trainCount += s == Split.TRAIN ? 1 : 0;
        }
        int testCount = size() - trainCount;
        double[] trainX = new double[2 * trainCount];
        int[] trainLabel = new int[trainCount];
        double[] trainTarget = new double[trainCount];
        double[] testX = new double[2 * testCount];
        int[] testLabel = new int[testCount];
        double[] testTarget = new double[testCount];
        int train = 0;
        int test = 0;
        for (int p = 0; p < size(); p++) {
            boolean isTrain = splits[p] == Split.TRAIN;
            int k = isTrain ? train++ : test++;
            double[] x = isTrain ? trainX : testX;
            x[2 * k] = xy[2 * p];
            x[2 * k + 1] = xy[2 * p + 1];
            (isTrain ? trainLabel : testLabel)[k] = labels[p];
            (isTrain ? trainTarget : testTarget)[k] = targets[p];
        }
        return new DataSplit(trainX, trainLabel, trainTarget, testX, testLabel, testTarget);
    }

    /** The points of a split experiment, training points first, each marked with its set. */
    public static Dataset of(DataSplit data, boolean regression) {
        int train = data.trainSize();
        int n = train + data.testSize();
        double[] xy = new double[2 * n];
        int[] labels = new int[n];
        double[] targets = new double[n];
        Split[] splits = new Split[n];
        System.arraycopy(data.trainX(), 0, xy, 0, 2 * train);
        System.arraycopy(data.testX(), 0, xy, 2 * train, 2 * data.testSize());
        System.arraycopy(data.trainLabel(), 0, labels, 0, train);
        System.arraycopy(data.testLabel(), 0, labels, train, data.testSize());
        System.arraycopy(data.trainTarget(), 0, targets, 0, train);
        System.arraycopy(data.testTarget(), 0, targets, train, data.testSize());
        Arrays.fill(splits, 0, train, Split.TRAIN);
        Arrays.fill(splits, train, n, Split.TEST);
        return new Dataset(regression, xy, labels, targets, splits);
    }

    /** Same kind, points, classes or targets (bit for bit) and splits. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Dataset d)) {
            return false;
        }
        return regression == d.regression
                && Arrays.equals(labels, d.labels)
                && Arrays.equals(splits, d.splits)
                && bitsEqual(xy, d.xy)
                && bitsEqual(targets, d.targets);
    }

    private static boolean bitsEqual(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            if (Double.doubleToRawLongBits(a[k]) != Double.doubleToRawLongBits(b[k])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Boolean.hashCode(regression);
        h = 31 * h + Arrays.hashCode(labels);
        h = 31 * h + Arrays.hashCode(xy);
        return 31 * h + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " " + (regression ? "regression" : classes + "-class") + " points"
                + (hasSplit() ? ", split given" : "") + ")";
    }
}
