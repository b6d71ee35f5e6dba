package backprop.engine.nn;

import backprop.engine.spec.Composition;

/**
 * A composed activation f(x) = b(u1(x), u2(x)) as an (f, f') pair, scalar and over a buffer.
 * f' by the chain rule: f'(x) = ∂b/∂x1 · u1'(x) + ∂b/∂x2 · u2'(x), with the conventions of
 * {@link UnaryFunctions} (kinks left-hand, undefined parts NaN) and {@link BinaryFunctions}
 * (ties to x1).
 *
 * <p>The Swish preset σ(βx)·x at β = 1 gives exactly the built-in swish's bits, f and f': βx is
 * x, σ(x)·x = x·σ(x), ∂b/∂x1 = x·σ·(1-σ) as swish writes it, and the products by u' = 1 and the
 * sum are exact in either order.
 */
public final class ComposedActivation {
    private ComposedActivation() {
    }

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
        double viaX1 = BinaryFunctions.dX1(c.b(), beta, x1, x2) * UnaryFunctions.derivative(c.u1(), beta, x);
        double viaX2 = BinaryFunctions.dX2(c.b(), beta, x1, x2) * UnaryFunctions.derivative(c.u2(), beta, x);
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
