package backprop.engine.data;

import backprop.engine.math.Fdlibm;
import backprop.engine.spec.Feature;
import java.util.List;

/** The input features of TensorFlow Playground: x1, x2, x1², x2², x1·x2, sin x1, sin x2. */
public final class Features {
    private Features() {}

    /** The value of one feature at the point (x1, x2). */
    public static double value(Feature feature, double x1, double x2) {
        switch (feature) {
            case X1:
                return x1;
            case X2:
                return x2;
            case X1SQ:
                return x1 * x1;
            case X2SQ:
                return x2 * x2;
            case X1X2:
                return x1 * x2;
            case SINX1:
                return Fdlibm.sin(x1);
            case SINX2:
                return Fdlibm.sin(x2);
            default:
                throw new IllegalArgumentException("unknown feature " + feature);
        }
    }

    /**
     * Writes the features of {@code count} interleaved points of {@code xy} (from point
     * {@code first}) into {@code out} row by row, {@code features.length} values per row.
     */
    public static void compute(Feature[] features, double[] xy, int first, int count, double[] out, int outOffset) {
        int width = features.length;
        for (int p = 0; p < count; p++) {
            double x1 = xy[2 * (first + p)];
            double x2 = xy[2 * (first + p) + 1];
            int row = outOffset + p * width;
            for (int f = 0; f < width; f++) {
                out[row + f] = value(features[f], x1, x2);
            }
        }
    }

    /** The feature rows of every point of {@code xy}: one row of {@code features.size()} values per point. */
    public static double[] matrix(List<Feature> features, double[] xy) {
        Feature[] array = features.toArray(new Feature[0]);
        int count = xy.length / 2;
        double[] out = new double[count * array.length];
        compute(array, xy, 0, count, out, 0);
        return out;
    }
}
