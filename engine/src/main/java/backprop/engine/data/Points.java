package backprop.engine.data;

/**
 * Generated points before the split: {@code xy} holds (x1, x2) interleaved, {@code label} the
 * class (0 for regression) and {@code target} the regression value (0 for classification).
 */
public record Points(double[] xy, int[] label, double[] target) {

    public Points {
        if (xy.length != 2 * label.length || target.length != label.length) {
            throw new IllegalArgumentException("points: xy has " + xy.length + " values, label " + label.length
                    + ", target " + target.length + "; need 2n, n, n");
        }
    }

    /** Number of points. */
    public int size() {
        return label.length;
    }
}
