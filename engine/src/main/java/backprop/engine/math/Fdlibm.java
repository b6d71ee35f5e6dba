package backprop.engine.math;

/**
 * Deterministic elementary functions: bit-identical on the JVM, in WebAssembly and in
 * JavaScript.
 *
 * <p>Each function is a pure-Java port of fdlibm 5.3, the library {@code StrictMath} is
 * specified by, so exp ... pow return exactly what {@code StrictMath} returns (the tests check
 * this bit for bit). The ports use only + - * /, comparisons, {@code Math.sqrt},
 * {@code Math.abs}, {@code Math.floor} and bit access to the two 32-bit words of a double:
 * operations that IEEE-754 fixes exactly and that TeaVM maps one-to-one to WebAssembly and
 * JavaScript. asinh, erf and erfc are fdlibm's too ({@code StrictMath} has none of them);
 * sigmoid is built on exp.
 *
 * <p>NaN results are NaN everywhere, but the NaN bit pattern (sign, payload) is whatever the
 * platform's arithmetic produced: compare NaNs with {@code isNaN}, or hash them through
 * {@code Double.doubleToLongBits}, which makes every NaN the canonical one.
 */
public final class Fdlibm {
    private Fdlibm() {}

    /** e^x (fdlibm e_exp.c). */
    public static double exp(double x) {
        return FdlibmExpLog.exp(x);
    }

    /** Natural logarithm (fdlibm e_log.c). */
    public static double log(double x) {
        return FdlibmExpLog.log(x);
    }

    /** ln(1 + x), accurate for small x (fdlibm s_log1p.c). */
    public static double log1p(double x) {
        return FdlibmExpLog.log1p(x);
    }

    /** e^x - 1, accurate for small x (fdlibm s_expm1.c). */
    public static double expm1(double x) {
        return FdlibmExpLog.expm1(x);
    }

    /** Hyperbolic tangent (fdlibm s_tanh.c). */
    public static double tanh(double x) {
        return FdlibmHyperbolic.tanh(x);
    }

    /** Hyperbolic sine (fdlibm e_sinh.c). */
    public static double sinh(double x) {
        return FdlibmHyperbolic.sinh(x);
    }

    /** Hyperbolic cosine (fdlibm e_cosh.c). */
    public static double cosh(double x) {
        return FdlibmHyperbolic.cosh(x);
    }

    /** Inverse hyperbolic sine, ln(x + sqrt(x^2 + 1)) (fdlibm s_asinh.c). */
    public static double asinh(double x) {
        return FdlibmHyperbolic.asinh(x);
    }

    /** Arc tangent in (-pi/2, pi/2) (fdlibm s_atan.c). */
    public static double atan(double x) {
        return FdlibmTrig.atan(x);
    }

    /** Sine, with exact reduction modulo pi/2 for every finite argument (fdlibm s_sin.c). */
    public static double sin(double x) {
        return FdlibmTrig.sin(x);
    }

    /** Cosine, with exact reduction modulo pi/2 for every finite argument (fdlibm s_cos.c). */
    public static double cos(double x) {
        return FdlibmTrig.cos(x);
    }

    /** x^y with Java's special cases (fdlibm e_pow.c). */
    public static double pow(double x, double y) {
        return FdlibmPow.pow(x, y);
    }

    /** Correctly rounded square root (IEEE-754 requires it, so it is the same everywhere). */
    public static double sqrt(double x) {
        return Math.sqrt(x);
    }

    /** Error function 2/sqrt(pi) * integral_0^x e^(-t^2) dt (fdlibm s_erf.c). */
    public static double erf(double x) {
        return FdlibmErf.erf(x);
    }

    /** Complementary error function 1 - erf(x), accurate where erf(x) is near 1 (fdlibm s_erf.c). */
    public static double erfc(double x) {
        return FdlibmErf.erfc(x);
    }

    /**
     * Logistic sigmoid 1/(1 + e^-x), evaluated so that e^(...) never overflows:
     * 1/(1 + e^-x) for x >= 0 and e^x/(1 + e^x) for x < 0. NaN gives NaN.
     */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + FdlibmExpLog.exp(-1.0 * x));
        }
        double ex = FdlibmExpLog.exp(x);
        return ex / (1.0 + ex);
    }
}
