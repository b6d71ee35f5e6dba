package backprop.engine.nn;

import backprop.engine.math.Fdlibm;
import backprop.engine.spec.Activation;

/**
 * Every activation as a pair (f, f'), scalar and over a whole buffer.
 *
 * <p>Convention at a kink: the derivative is the left-hand one, i.e. the piece that holds for
 * x <= kink: relu'(0) = 0, leakyrelu'(0) = 0.01, prelu'(0) = a, hswish'(-3) = 0,
 * hswish'(3) = 1.5. (elu with α = 1 has no kink in f'.) Maxout ties go to the first piece.
 *
 * <p>PReLU needs its slope: the scalar methods take the initial slope 0.25; layers use
 * {@link #prelu(double, double)} with the learned one. Maxout is a layer kind, not an
 * element-wise function, and is refused here.
 */
public final class Activations {
    /** Slope of leaky ReLU for x <= 0. */
    public static final double LEAKY_SLOPE = 0.01;
    /** Initial slope of PReLU for x <= 0. */
    public static final double PRELU_INITIAL_SLOPE = 0.25;
    /** 1 / √2. */
    private static final double INV_SQRT2 = 0.7071067811865476;
    /** 1 / sqrt(2π). */
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Activations() {}

    /** σ(x) = 1 / (1 + e^{-x}), by {@link Fdlibm#sigmoid(double)} (never overflows). */
    public static double sigmoid(double x) {
        return Fdlibm.sigmoid(x);
    }

    /** softplus(x) = log(1 + e^x), computed as max(x, 0) + log1p(e^{-|x|}) so it never overflows. */
    public static double softplus(double x) {
        return Math.max(x, 0) + Fdlibm.log1p(Fdlibm.exp(-Math.abs(x)));
    }

    /** PReLU with slope a: x for x > 0, a·x otherwise. */
    public static double prelu(double x, double slope) {
        return x > 0 ? x : slope * x;
    }

    /** f(x). */
    public static double value(Activation kind, double x) {
        switch (kind) {
            case LINEAR:
                return x;
            case SIGMOID:
                return sigmoid(x);
            case TANH:
                return Fdlibm.tanh(x);
            case RELU:
                return x > 0 ? x : 0;
            case LEAKYRELU:
                return x > 0 ? x : LEAKY_SLOPE * x;
            case PRELU:
                return prelu(x, PRELU_INITIAL_SLOPE);
            case ELU:
                // α (e^x - 1) with α = 1, through expm1 for accuracy near 0.
                return x > 0 ? x : Fdlibm.expm1(x);
            case SWISH:
                return x * sigmoid(x);
            case HSWISH:
                // x · ReLU6(x + 3) / 6
                return x * Math.min(6, Math.max(0, x + 3)) / 6;
            case GELU:
                // x · Φ(x), Φ(x) = (1 + erf(x / √2)) / 2 = erfc(-x / √2) / 2 (no cancellation for x < 0)
                return Fdlibm.erfc(-x * INV_SQRT2) * 0.5 * x;
            case SOFTPLUS:
                return softplus(x);
            default:
                throw new IllegalArgumentException(kind.key() + " is not an element-wise activation");
        }
    }

    /** f'(x), by the kink convention above. */
    public static double derivative(Activation kind, double x) {
        switch (kind) {
            case LINEAR:
                return 1;
            case SIGMOID: {
                double s = sigmoid(x);
                return (1 - s) * s;
            }
            case TANH: {
                double t = Fdlibm.tanh(x);
                return 1 - t * t;
            }
            case RELU:
                return x > 0 ? 1 : 0;
            case LEAKYRELU:
                return x > 0 ? 1 : LEAKY_SLOPE;
            case PRELU:
                return x > 0 ? 1 : PRELU_INITIAL_SLOPE;
            case ELU:
                return x > 0 ? 1 : Fdlibm.exp(x);
            case SWISH: {
                // (x σ)' = σ + x σ (1 - σ)
                double s = sigmoid(x);
                return s + x * s * (1 - s);
            }
            case HSWISH:
                if (x <= -3) {
                    return 0;
                }
                return x <= 3 ? (2 * x + 3) / 6 : 1;
            case GELU: {
                // (x Φ)' = Φ(x) + x φ(x), φ(x) = e^{-x²/2} / √(2π)
                double cdf = Fdlibm.erfc(-x * INV_SQRT2) * 0.5;
                return cdf + x * Fdlibm.exp(-0.5 * x * x) * INV_SQRT_2PI;
            }
            case SOFTPLUS:
                return sigmoid(x);
            default:
                throw new IllegalArgumentException(kind.key() + " is not an element-wise activation");
        }
    }

    /**
     * a[i] = f(z[i]) for i < count. The switch runs once; each case is a tight loop. PReLU here
     * uses the initial slope (layers with learned slopes do their own loop).
     */
    public static void forward(Activation kind, double[] z, double[] a, int count) {
        switch (kind) {
            case LINEAR:
                if (a != z) {
                    System.arraycopy(z, 0, a, 0, count);
                }
                return;
            case TANH:
                for (int i = 0; i < count; i++) {
                    a[i] = Fdlibm.tanh(z[i]);
                }
                return;
            case RELU:
                for (int i = 0; i < count; i++) {
                    double x = z[i];
                    a[i] = x > 0 ? x : 0;
                }
                return;
            case SIGMOID:
                for (int i = 0; i < count; i++) {
                    a[i] = Fdlibm.sigmoid(z[i]);
                }
                return;
            case LEAKYRELU:
                for (int i = 0; i < count; i++) {
                    double x = z[i];
                    a[i] = x > 0 ? x : LEAKY_SLOPE * x;
                }
                return;
            case HSWISH:
                for (int i = 0; i < count; i++) {
                    double x = z[i];
                    a[i] = x * Math.min(6, Math.max(0, x + 3)) / 6;
                }
                return;
            default:
                // The costly ones (an exp, erf or expm1 per element): the switch is not what costs.
                for (int i = 0; i < count; i++) {
                    a[i] = value(kind, z[i]);
                }
        }
    }

    /**
     * dLossDPreActivation[i] = dLossDActivation[i] · f'(z[i]) for i < count, using the stored
     * output a = f(z) where that is cheaper (sigmoid, tanh, elu). dZ may be the same array as dA.
     */
    public static void backward(Activation kind, double[] z, double[] a, double[] dA, double[] dZ, int count) {
        switch (kind) {
            case LINEAR:
                if (dZ != dA) {
                    System.arraycopy(dA, 0, dZ, 0, count);
                }
                return;
            case TANH:
                for (int i = 0; i < count; i++) {
                    double t = a[i];
                    dZ[i] = dA[i] * (1 - t * t);
                }
                return;
            case RELU:
                for (int i = 0; i < count; i++) {
                    dZ[i] = z[i] > 0 ? dA[i] : 0;
                }
                return;
            case SIGMOID:
                for (int i = 0; i < count; i++) {
                    double s = a[i];
                    dZ[i] = (1 - s) * s * dA[i];
                }
                return;
            case ELU:
                for (int i = 0; i < count; i++) {
                    // e^x = f(x) + 1 for x <= 0
                    dZ[i] = z[i] > 0 ? dA[i] : dA[i] * (a[i] + 1);
                }
                return;
            case LEAKYRELU:
                for (int i = 0; i < count; i++) {
                    double d = dA[i];
                    dZ[i] = z[i] > 0 ? d : d * LEAKY_SLOPE;
                }
                return;
            case HSWISH:
                for (int i = 0; i < count; i++) {
                    double x = z[i];
                    dZ[i] = dA[i] * (x <= -3 ? 0 : x <= 3 ? (2 * x + 3) / 6 : 1);
                }
                return;
            default:
                for (int i = 0; i < count; i++) {
                    dZ[i] = dA[i] * derivative(kind, z[i]);
                }
        }
    }
}
