package backprop.engine.export;

import backprop.engine.data.DataSplit;
import backprop.engine.spec.Feature;
import java.util.List;

/**
 * The data part of an export: the training points exactly as the engine generated and split them
 * (every coordinate written so it reads back to the same double), their classes or regression
 * targets, and the input features computed from them as the engine computes them.
 */
final class NumpyData {
    private NumpyData() {}

    /** Defines {@code X} (one row of features per training point) and {@code y} (classes or targets). */
    static void write(PythonCode code, DataSplit data, List<Feature> features, boolean regression) {
        int n = data.trainSize();
        code.line("# The " + n + " training points (x1, x2) in the order the playground holds them.");
        String[] points = new String[n];
        for (int p = 0; p < n; p++) {
            points[p] = "[" + PythonFloat.repr(data.trainX()[2 * p]) + ", " + PythonFloat.repr(data.trainX()[2 * p + 1])
                    + "]";
        }
        code.list("points = np.array(", points, ")");
        if (regression) {
            code.line("# Their target values.");
            code.list("y = np.array(", PythonCode.floats(data.trainTarget(), 0, n), ")");
        } else {
            code.line("# Their classes.");
            code.list("y = np.array(", PythonCode.ints(data.trainLabel()), ")");
        }
        code.line("x1, x2 = points[:, 0], points[:, 1]");
        String[] columns = new String[features.size()];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = expression(features.get(f));
        }
        code.line("X = np.column_stack([" + String.join(", ", columns) + "])  # input features, one row per point");
    }

    /** A feature of the arrays x1 and x2, as {@link backprop.engine.data.Features} computes it. */
    static String expression(Feature feature) {
        switch (feature) {
            case X1:
                return "x1";
            case X2:
                return "x2";
            case X1SQ:
                return "x1 * x1";
            case X2SQ:
                return "x2 * x2";
            case X1X2:
                return "x1 * x2";
            case SINX1:
                return "np.sin(x1)";
            case SINX2:
                return "np.sin(x2)";
            default:
                throw new IllegalArgumentException("no numpy code for the feature " + feature);
        }
    }
}
