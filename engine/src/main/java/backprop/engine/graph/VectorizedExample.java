package backprop.engine.graph;

/**
 * The lecture's vectorized example f(x, W) = ‖W·x‖² = Σ q_i², q = W·x, with a 2×2 W and a
 * 2-vector x, computed as matrices: ∂f/∂q = 2q, ∂f/∂W = 2q·xᵀ, ∂f/∂x = 2Wᵀ·q; each checked
 * against central differences. The scalar graph of {@link #EXPRESSION} gives the same numbers
 * gate by gate. Matrices are row-major: w = {w11, w12, w21, w22}.
 */
public record VectorizedExample(
        double[] w,
        double[] x,
        double[] q,
        double f,
        double[] dW,
        double[] dx,
        double[] numericalDW,
        double[] numericalDx) {
    /** The scalar form the explorer draws. */
    public static final String EXPRESSION = "(w11*x1+w12*x2)^2+(w21*x1+w22*x2)^2";

    /** Computes the example for W (row-major, 4 numbers) and x (2 numbers). */
    public static VectorizedExample of(double[] w, double[] x) {
        if (w.length != 4 || x.length != 2) {
            throw new IllegalArgumentException(
                    "W must be 2x2 (4 numbers) and x 2x1, got " + w.length + " and " + x.length);
        }
        double[] q = multiply(w, x);
        double f = q[0] * q[0] + q[1] * q[1];
        double[] dW = new double[4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                dW[i * 2 + j] = 2 * q[i] * x[j];
            }
        }
        double[] dx = new double[2];
        for (int j = 0; j < 2; j++) {
            dx[j] = (w[j] * q[0] + w[2 + j] * q[1]) * 2;
        }
        double[] numericalDW = new double[4];
        for (int k = 0; k < 4; k++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            double h = step(w[k]);
            plus[k] += h;
            minus[k] -= h;
            numericalDW[k] = (value(plus, x) - value(minus, x)) / (2 * h);
        }
        double[] numericalDx = new double[2];
        for (int k = 0; k < 2; k++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            double h = step(x[k]);
            plus[k] += h;
            minus[k] -= h;
            numericalDx[k] = (value(w, plus) - value(w, minus)) / (2 * h);
        }
        return new VectorizedExample(w.clone(), x.clone(), q, f, dW, dx, numericalDW, numericalDx);
    }

    /** The example for the graph's current values, or null when the graph is not {@link #EXPRESSION}. */
    public static VectorizedExample of(ExpressionGraph graph) {
        if (!Preset.withoutSpaces(graph.expression()).equals(EXPRESSION)) {
            return null;
        }
        double[] w = {graph.value("w11"), graph.value("w12"), graph.value("w21"), graph.value("w22")};
        double[] x = {graph.value("x1"), graph.value("x2")};
        return of(w, x);
    }

    /** The largest relative error between the matrix gradients and their central differences. */
    public double largestRelativeError() {
        double worst = 0;
        for (int k = 0; k < 4; k++) {
            worst = Math.max(worst, ExpressionGraph.relativeError(dW[k], numericalDW[k]));
        }
        for (int k = 0; k < 2; k++) {
            worst = Math.max(worst, ExpressionGraph.relativeError(dx[k], numericalDx[k]));
        }
        return worst;
    }

    private static double[] multiply(double[] w, double[] x) {
        return new double[] {w[0] * x[0] + w[1] * x[1], w[2] * x[0] + w[3] * x[1]};
    }

    private static double value(double[] w, double[] x) {
        double[] q = multiply(w, x);
        return q[0] * q[0] + q[1] * q[1];
    }

    private static double step(double at) {
        return 1e-5 * Math.max(1, Math.abs(at));
    }
}
