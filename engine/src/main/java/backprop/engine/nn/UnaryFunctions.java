package backprop.engine.nn;

import backprop.engine.math.Fdlibm;
import backprop.engine.spec.UnaryFn;

/**
 * The unary parts u of composed activations as (u, u') pairs, all through {@link Fdlibm}.
 *
 * <p>Kinks take the left-hand derivative, the engine's convention ({@link Activations}): the
 * piece that holds for x <= kink, so |x|'(0) = -1, max(x,0)'(0) = 0, min(x,0)'(0) = 1 and
 * log(|x|+ε)'(0) = -1/ε. Where a part is undefined the result is NaN: √x for x < 0, and
 * √x' for x <= 0 (the slope at 0 is infinite). Large arguments overflow as IEEE-754 says
 * (exp, sinh, cosh give +∞; a NaN loss then stops training as divergence).
 */
public final class UnaryFunctions {
    /** ε in log(|x|+ε) and x1/(x2+ε): keeps them finite at 0. */
    public static final double EPSILON = 1e-6;
    /** 2/√π, the scale of erf'. */
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    /** Below this |x|, sinc' uses its series (the direct formula cancels). */
    private static final double SINC_SERIES_BELOW = 0.01;

    private UnaryFunctions() {}

    /** u(x). */
    public static double value(UnaryFn u, double beta, double x) {
        switch (u) {
            case X:
                return x;
            case NEG:
                return -x;
            case ABS:
                return Math.abs(x);
            case SQ:
                return x * x;
            case CUBE:
                return x * x * x;
            case SQRT:
                return Math.sqrt(x);
            case BX:
                return beta * x;
            case XPB:
                return x + beta;
            case LOGABS:
                return Fdlibm.log(Math.abs(x) + EPSILON);
            case EXP:
                return Fdlibm.exp(x);
            case SIN:
                return Fdlibm.sin(x);
            case COS:
                return Fdlibm.cos(x);
            case SINH:
                return Fdlibm.sinh(x);
            case COSH:
                return Fdlibm.cosh(x);
            case TANH:
                return Fdlibm.tanh(x);
            case ASINH:
                return Fdlibm.asinh(x);
            case ATAN:
                return Fdlibm.atan(x);
            case SINC:
                // sin(x)/x, continued by 1 at 0
                return x == 0 ? 1 : Fdlibm.sin(x) / x;
            case RELU:
                return x > 0 ? x : 0;
            case MIN0:
                return x < 0 ? x : 0;
            case SIGMOID:
                return Fdlibm.sigmoid(x);
            case SOFTPLUS:
                return Activations.softplus(x);
            case GAUSS:
                return Fdlibm.exp(-x * x);
            case ERF:
                return Fdlibm.erf(x);
            case BETA:
                return beta;
            default:
                throw new IllegalArgumentException("unknown unary function " + u);
        }
    }

    /** u'(x), by the conventions above. */
    public static double derivative(UnaryFn u, double beta, double x) {
        switch (u) {
            case X:
                return 1;
            case NEG:
                return -1;
            case ABS:
                return x > 0 ? 1 : -1;
            case SQ:
                return 2 * x;
            case CUBE:
                return 3 * x * x;
            case SQRT:
                return x > 0 ? 0.5 / Math.sqrt(x) : Double.NaN;
            case BX:
                return beta;
            case XPB:
                return 1;
            case LOGABS:
                return (x > 0 ? 1 : -1) / (Math.abs(x) + EPSILON);
            case EXP:
                return Fdlibm.exp(x);
            case SIN:
                return Fdlibm.cos(x);
            case COS:
                return -Fdlibm.sin(x);
            case SINH:
                return Fdlibm.cosh(x);
            case COSH:
                return Fdlibm.sinh(x);
            case TANH: {
                double t = Fdlibm.tanh(x);
                return 1 - t * t;
            }
            case ASINH:
                // 1/√(x²+1)
                return 1 / Math.sqrt(x * x + 1);
            case ATAN:
                return 1 / (x * x + 1);
            case SINC:
                return sincDerivative(x);
            case RELU:
                return x > 0 ? 1 : 0;
            case MIN0:
                return x > 0 ? 0 : 1;
            case SIGMOID: {
                double s = Fdlibm.sigmoid(x);
                return (1 - s) * s;
            }
            case SOFTPLUS:
                return Fdlibm.sigmoid(x);
            case GAUSS:
                // (e^{-x²})' = -2x e^{-x²}
                return -2 * x * Fdlibm.exp(-x * x);
            case ERF:
                // erf'(x) = 2/√π e^{-x²}
                return TWO_OVER_SQRT_PI * Fdlibm.exp(-x * x);
            case BETA:
                return 0;
            default:
                throw new IllegalArgumentException("unknown unary function " + u);
        }
    }

    /**
     * (sin x / x)' = (x cos x - sin x) / x², and near 0, where that cancels, its series
     * -x/3 + x³/30 - x⁵/840 (the next term, x⁷/45360, is below 1e-18 there).
     */
    private static double sincDerivative(double x) {
        if (Math.abs(x) < SINC_SERIES_BELOW) {
            double x2 = x * x;
            // x (-1/3 + x² (1/30 - x²/840)), written outermost-first for TeaVM's JS printer
            double inner = 1.0 / 30 - x2 / 840;
            double middle = x2 * inner - 1.0 / 3;
            return middle * x;
        }
        double numerator = x * Fdlibm.cos(x) - Fdlibm.sin(x);
        return numerator / x / x;
    }
}
