package backprop.engine.train;

import backprop.engine.data.Features;
import backprop.engine.spec.Feature;
import backprop.engine.spec.Plane;

/** The cell centres of a grid on [-6, 6]² and their features. */
final class GridPoints {
    private static final double LOW = Plane.MIN;
    private static final double HIGH = Plane.MAX;

    private GridPoints() {}

    /** x1 of column c: -6 + (c + ½) · 12 / cols. */
    static double x1(int c, int cols) {
        return LOW + (c + 0.5) * (HIGH - LOW) / cols;
    }

    /** x2 of row r (row 0 at the top): 6 - (r + ½) · 12 / rows. */
    static double x2(int r, int rows) {
        return HIGH - (r + 0.5) * (HIGH - LOW) / rows;
    }

    /**
     * Writes the features of grid cells {@code first .. first + count)} (row-major, row 0 at the
     * top) into {@code input}, one row per cell.
     */
    static void fillFeatures(int cols, int rows, Feature[] features, double[] input, int first, int count) {
        int width = features.length;
        for (int k = 0; k < count; k++) {
            int cell = first + k;
            double x1 = x1(cell % cols, cols);
            double x2 = x2(cell / cols, rows);
            for (int f = 0; f < width; f++) {
                input[k * width + f] = Features.value(features[f], x1, x2);
            }
        }
    }
}
