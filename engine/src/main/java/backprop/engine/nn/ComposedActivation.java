package backprop.engine.nn;

import backprop.engine.spec.Composition;

/**
 * A composed activation f(x) = b(u1(x), u2(x)) as an (f, f') pair, scalar and over a buffer.
 * f' by the chain rule: f'(x) = ∂b/∂x1 · u1'(x) + ∂b/∂x2 · u2'(x), with the conventions of
 * {@link UnaryFunctions} (kinks left-hand, undefined parts NaN) and {@link BinaryFunctions}.
 *
 * <p>Where u1(x) = u2(x) and b has a kink there (max, min, exp(-β|x1-x2|)), f' is the left-hand
 * derivative too, the engine's one convention, whatever the order of the parts: just below x,
 * u_i(x - h) ≈ u_i(x) - h u_i', so max picks the part with the smaller slope, f' = min(u1', u2');
 * min the larger, f' = max(u1', u2'); and |u1 - u2| has left slope -|u1' - u2'|, so
 * f' = β |u1' - u2'|. So max_beta_x_0 and max_x_beta_0 both have f'(0) = 0, like relu.
 *
 * <p>The Swish preset σ(βx)·x at β = 1 gives exactly the built-in swish's bits, f and f': βx is
 * x, σ(x)·x = x·σ(x), ∂b/∂x1 = x·σ·(1-σ) as swish writes it, and the products by u' = 1 and the
 * sum are exact in either order.
 */
public final class ComposedActivation {
    private ComposedActivation() {}

    /** f(x). */
    public static double value(Composition c, double x) {
        double beta = c.beta();
        double x1 = UnaryFunctions.value(c.u1(), beta, x);
        double x2 = UnaryFunctions.value(c.u2(), beta, x);
        return BinaryFunctions.value(c.b(), beta, x1, x2);
    }

    /** f'(x). */
    public static double derivative(Composition c, double x) {
        double beta = c.beta();
        double x1 = UnaryFunctions.value(c.u1(), beta, x);
        double x2 = UnaryFunctions.value(c.u2(), beta, x);
        double du1 = UnaryFunctions.derivative(c.u1(), beta, x);
        double du2 = UnaryFunctions.derivative(c.u2(), beta, x);
        if (x1 == x2) {
            switch (c.b()) {
                case MAX:
                    return Math.min(du1, du2);
                case MIN:
                    return Math.max(du1, du2);
                case EXPABSDIFF:
                    return beta * Math.abs(du1 - du2);
                default:
                    break;
            }
        }
        double viaX1 = BinaryFunctions.dX1(c.b(), beta, x1, x2) * du1;
        double viaX2 = BinaryFunctions.dX2(c.b(), beta, x1, x2) * du2;
        return viaX1 + viaX2;
    }

    /** a[i] = f(z[i]) for i < count. */
    public static void forward(Composition c, double[] z, double[] a, int count) {
        for (int i = 0; i < count; i++) {
            a[i] = value(c, z[i]);
        }
    }

    /** dZ[i] = dA[i] · f'(z[i]) for i < count (dZ may be dA). */
    public static void backward(Composition c, double[] z, double[] dA, double[] dZ, int count) {
        for (int i = 0; i < count; i++) {
            dZ[i] = dA[i] * derivative(c, z[i]);
        }
    }
}
