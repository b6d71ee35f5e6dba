package backprop.engine.nn;

import backprop.engine.math.Fdlibm;
import backprop.engine.spec.BinaryFn;

/**
 * The binary parts b of composed activations: b(x1, x2) and its partial derivatives
 * ∂b/∂x1 and ∂b/∂x2, through {@link Fdlibm}.
 *
 * <p>Ties and kinks follow the engine's conventions ({@link Activations}, {@link MaxoutLayer}):
 * max and min route the gradient to x1 on a tie, like maxout's first piece; |x1-x2| takes the
 * left-hand slope -1 at 0. NaN in either argument gives NaN (max and min do not drop it), so an
 * undefined part makes f undefined. x1/(x2+ε) is ±∞ (or NaN for 0/0) at x2 = -ε.
 */
public final class BinaryFunctions {
    private BinaryFunctions() {}

    /** b(x1, x2). */
    public static double value(BinaryFn b, double beta, double x1, double x2) {
        switch (b) {
            case ADD:
                return x1 + x2;
            case MUL:
                return x1 * x2;
            case SUB:
                return x1 - x2;
            case DIV:
                return x1 / (x2 + UnaryFunctions.EPSILON);
            case MAX:
                return Math.max(x1, x2);
            case MIN:
                return Math.min(x1, x2);
            case SIGMUL:
                return Fdlibm.sigmoid(x1) * x2;
            case GAUSSDIFF: {
                double d = x1 - x2;
                return Fdlibm.exp(-beta * d * d);
            }
            case EXPABSDIFF:
                return Fdlibm.exp(-beta * Math.abs(x1 - x2));
            case MIX:
                return beta * x1 + (1 - beta) * x2;
            default:
                throw new IllegalArgumentException("unknown binary function " + b);
        }
    }

    /** ∂b/∂x1. */
    public static double dX1(BinaryFn b, double beta, double x1, double x2) {
        switch (b) {
            case ADD:
            case SUB:
                return 1;
            case MUL:
                return x2;
            case DIV:
                return 1 / (x2 + UnaryFunctions.EPSILON);
            case MAX:
                return firstWins(x1 >= x2, x1, x2);
            case MIN:
                return firstWins(x1 <= x2, x1, x2);
            case SIGMUL: {
                // σ'(x1) x2 = x2 σ (1 - σ), in the order built-in swish uses
                double s = Fdlibm.sigmoid(x1);
                return x2 * s * (1 - s);
            }
            case GAUSSDIFF: {
                // -2β d e^{-β d²}, d = x1 - x2
                double d = x1 - x2;
                return -2 * beta * d * Fdlibm.exp(-beta * d * d);
            }
            case EXPABSDIFF: {
                // -β sign(d) e^{-β|d|}, sign(0) = -1 (left-hand)
                double d = x1 - x2;
                return -beta * sign(d) * Fdlibm.exp(-beta * Math.abs(d));
            }
            case MIX:
                return beta;
            default:
                throw new IllegalArgumentException("unknown binary function " + b);
        }
    }

    /** ∂b/∂x2. */
    public static double dX2(BinaryFn b, double beta, double x1, double x2) {
        switch (b) {
            case ADD:
                return 1;
            case SUB:
                return -1;
            case MUL:
                return x1;
            case DIV: {
                // -x1/(x2+ε)², divided twice: TeaVM's JS printer drops the parentheses of a/(b·c)
                double den = x2 + UnaryFunctions.EPSILON;
                return -x1 / den / den;
            }
            case MAX:
                return 1 - firstWins(x1 >= x2, x1, x2);
            case MIN:
                return 1 - firstWins(x1 <= x2, x1, x2);
            case SIGMUL:
                return Fdlibm.sigmoid(x1);
            case GAUSSDIFF: {
                double d = x1 - x2;
                return 2 * beta * d * Fdlibm.exp(-beta * d * d);
            }
            case EXPABSDIFF: {
                double d = x1 - x2;
                return beta * sign(d) * Fdlibm.exp(-beta * Math.abs(d));
            }
            case MIX:
                return 1 - beta;
            default:
                throw new IllegalArgumentException("unknown binary function " + b);
        }
    }

    /** 1 when x1 takes the gradient, 0 when x2 does, NaN when either is NaN. */
    private static double firstWins(boolean first, double x1, double x2) {
        if (x1 != x1 || x2 != x2) {
            return Double.NaN;
        }
        return first ? 1 : 0;
    }

    /** 1 for d > 0, else -1 (the left-hand slope of |d| at 0); NaN stays NaN. */
    private static double sign(double d) {
        if (d != d) {
            return d;
        }
        return d > 0 ? 1 : -1;
    }
}
