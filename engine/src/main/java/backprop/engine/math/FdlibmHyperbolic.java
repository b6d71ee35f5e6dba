/*
 * Port of fdlibm 5.3 e_sinh.c, e_cosh.c, s_tanh.c and s_asinh.c.
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
package backprop.engine.math;

/**
 * sinh, cosh, tanh (as {@code StrictMath}) and asinh (fdlibm's, which {@code StrictMath}
 * lacks), built on the ported exp, expm1, log and log1p.
 *
 * <p>Written to the TeaVM rules in {@code package-info}.
 */
final class FdlibmHyperbolic {
    private FdlibmHyperbolic() {}

    private static final double HUGE = 1.0e+300;
    private static final double SHUGE = 1.0e307;
    private static final double LN2 = 6.93147180559945286227e-01; /* 0x3FE62E42, 0xFEFA39EF */
    /* as in FdlibmExpLog, for the inlined expm1 of tanh */
    private static final double LN2_HI = 6.93147180369123816490e-01; /* 0x3FE62E42, 0xFEE00000 */
    private static final double LN2_LO = 1.90821492927058770002e-10; /* 0x3DEA39EF, 0x35793C76 */
    private static final double INVLN2 = 1.44269504088896338700e+00; /* 0x3FF71547, 0x652B82FE */
    private static final double Q1 = -3.33333333333331316428e-02; /* 0xBFA11111, 0x111110F4 */
    private static final double Q2 = 1.58730158725481460165e-03; /* 0x3F5A01A0, 0x19FE5585 */
    private static final double Q3 = -7.93650757867487942473e-05; /* 0xBF14CE19, 0x9EAADBB7 */
    private static final double Q4 = 4.00821782732936239552e-06; /* 0x3ED0CFCA, 0x86E65239 */
    private static final double Q5 = -2.01099218183624371326e-07; /* 0xBE8AFDB7, 0x6E09C32D */

    /**
     * sinh x = (E + E/(E+1))/2 with E = expm1|x| for |x| < 22, e^|x|/2 up to ln(MAX_VALUE),
     * then (e^(|x|/2)/2) e^(|x|/2) up to the overflow threshold.
     */
    static double sinh(double x) {
        int jx = Ieee754.high(x);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) { // Inf or NaN
            return x + x;
        }
        double h = (jx < 0) ? -0.5 : 0.5;
        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3e300000) { // |x| < 2^-28: sinh x = x
                return x;
            }
            double t = FdlibmExpLog.expm1(Math.abs(x));
            if (ix < 0x3ff00000) {
                return h * (2.0 * t - t * t / (t + 1.0));
            }
            return h * (t + t / (t + 1.0));
        }
        if (ix < 0x40862E42) { // |x| < ln(MAX_VALUE)
            return h * FdlibmExpLog.exp(Math.abs(x));
        }
        if (belowOverflowThreshold(ix, Ieee754.low(x))) {
            double w = FdlibmExpLog.exp(0.5 * Math.abs(x));
            double t = h * w;
            return t * w;
        }
        return x * SHUGE; // overflow
    }

    /**
     * cosh x = 1 + E^2/(2(1+E)) with E = expm1|x| for |x| < ln2/2, (e^|x| + 1/e^|x|)/2 below
     * 22, then e^|x|/2 and the split product as in sinh.
     */
    static double cosh(double x) {
        int ix = Ieee754.high(x) & 0x7fffffff;
        if (ix >= 0x7ff00000) { // Inf or NaN
            return x * x;
        }
        if (ix < 0x3fd62e43) { // |x| < ln2/2
            double t = FdlibmExpLog.expm1(Math.abs(x));
            double w = 1.0 + t;
            if (ix < 0x3c800000) { // cosh(tiny) = 1
                return w;
            }
            return 1.0 + (t * t) / (w + w);
        }
        if (ix < 0x40360000) { // |x| < 22
            double t = FdlibmExpLog.exp(Math.abs(x));
            return 0.5 * t + 0.5 / t;
        }
        if (ix < 0x40862E42) { // |x| < ln(MAX_VALUE)
            return 0.5 * FdlibmExpLog.exp(Math.abs(x));
        }
        if (belowOverflowThreshold(ix, Ieee754.low(x))) {
            double w = FdlibmExpLog.exp(0.5 * Math.abs(x));
            double t = 0.5 * w;
            return t * w;
        }
        return HUGE * HUGE; // overflow
    }

    /** |x| <= 7.10475860073943863426e+02 (0x408633CE, 0x8FB9F87D), compared as unsigned words. */
    private static boolean belowOverflowThreshold(int ix, int lx) {
        // unsigned lx <= 0x8fb9f87d: flip the sign bits and compare as signed ints
        return ix < 0x408633CE || (ix == 0x408633CE && (lx ^ 0x80000000) <= (0x8fb9f87d ^ 0x80000000));
    }

    /**
     * tanh x = -E/(E+2) with E = expm1(-2|x|) for |x| < 1, 1 - 2/(expm1(2|x|) + 2) up to 22,
     * then +-1: fdlibm's s_tanh.c, bit for bit. tanh is the hot activation, so this is written
     * for speed in TeaVM's output, without changing one rounding:
     * <ul>
     * <li>the high-word tests are bounds on |x|;</li>
     * <li>expm1 is inlined for the two argument ranges tanh uses ({@link #expm1Large} and
     * {@link #expm1Small}), without its range checks, which cannot fire there, and with 2^k
     * from {@link Ieee754#twoPowSmall} rather than a table;</li>
     * <li>for |x| >= 19.5 the result is 1 exactly: there expm1(2|x|) > 2^56, so 2/(E+2) < 2^-55
     * and 1 - 2/(E+2) rounds to 1, as does fdlibm's 1 - tiny beyond 22;</li>
     * <li>the final sign is a product by x/|x| = +-1 (exact), not a branch that mispredicts on
     * every other unit.</li>
     * </ul>
     */
    static double tanh(double x) {
        double ax = 0.0 < x ? x : 0.0 - x; // Math.abs(x), in the form V8 compiles to an abs
        if (!(ax < Double.POSITIVE_INFINITY)) { // Inf or NaN (fdlibm's ix >= 0x7ff00000), or |x| >= 2^512
            if (x > 0 || x != x) {
                return 1.0 / x + 1.0; // tanh(+inf) = 1, tanh(NaN) = NaN, 1 for huge x
            }
            return 1.0 / x - 1.0; // tanh(-inf) = -1, -1 for huge -x
        }
        if (ax < 0x1p-55) { // ix < 0x3c800000, including +-0
            return x * (1.0 + x);
        }
        double z;
        if (ax >= 19.5) { // fdlibm rounds to 1 from here on (see above)
            z = 1.0;
        } else if (ax >= 1.0) { // ix >= 0x3ff00000
            z = 1.0 - 2.0 / (expm1Large(2.0 * ax) + 2.0);
        } else {
            double t = expm1Small(-2.0 * ax);
            z = -1.0 * t / (t + 2.0);
        }
        return (x / ax) * z; // jx >= 0 ? z : -z; x / |x| is exactly +-1
    }

    /**
     * fdlibm's expm1(a) for 2 <= a < 39, as {@link FdlibmExpLog#expm1} computes it: there
     * a > 1.5 ln2, so k = (int)(a/ln2 + 0.5) is in 3..56 and only two of its final steps apply.
     */
    private static double expm1Large(double a) {
        int k = (int) (INVLN2 * a + 0.5);
        double t = k;
        double hi = a - t * LN2_HI; // exact: LN2_HI has 32 trailing zeros
        double lo = t * LN2_LO;
        double r = hi - lo;
        double c = (hi - r) - lo;
        double e = expm1Tail(r, c);
        double twoPowK = Ieee754.twoPowSmall(k);
        double twoPowMinusK = Ieee754.twoPowSmall(-k);
        if (k < 20) {
            return twoPowK * ((1.0 - twoPowMinusK) - (e - r));
        }
        double y = r - (e + twoPowMinusK);
        y += 1.0;
        return twoPowK * y; // products of powers of two first (TeaVM)
    }

    /**
     * fdlibm's expm1(a) for -2 < a <= -2^-54, as {@link FdlibmExpLog#expm1} computes it: k is 0
     * (|a| <= ln2/2), -1 (|a| < 1.5 ln2) or -2..-3.
     */
    private static double expm1Small(double a) {
        if (a > -0x1.62e43p-2) { // hx <= 0x3fd62e42: |a| <= ln2/2, k = 0, c = 0
            double hfx = 0.5 * a;
            double hxs = hfx * a;
            double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
            double t = 3.0 - r1 * hfx;
            double e = ((r1 - t) / (6.0 - a * t)) * hxs;
            return a - (e * a - hxs);
        }
        if (a > -0x1.0a2b2p0) { // hx < 0x3FF0A2B2: |a| < 1.5 ln2, k = -1
            double hi = a + LN2_HI;
            double lo = -LN2_LO;
            double r = hi - lo;
            double e = expm1Tail(r, (hi - r) - lo);
            return 0.5 * (r - e) - 0.5;
        }
        int k = (int) (INVLN2 * a - 0.5); // -2 or -3
        double t = k;
        double hi = a - t * LN2_HI;
        double lo = t * LN2_LO;
        double r = hi - lo;
        double e = expm1Tail(r, (hi - r) - lo);
        double y = 1.0 - (e - r);
        return Ieee754.twoPowSmall(k) * y - 1.0; // y 2^k - 1
    }

    /** expm1's correction e for the reduced argument r (k != 0), before the k-dependent step. */
    private static double expm1Tail(double r, double c) {
        double hfx = 0.5 * r;
        double hxs = hfx * r;
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3.0 - r1 * hfx;
        double e = ((r1 - t) / (6.0 - r * t)) * hxs;
        e = (r * (e - c) - c);
        return e - hxs;
    }

    /**
     * asinh x = sign(x) ln(|x| + sqrt(x^2 + 1)), evaluated as ln|x| + ln2 above 2^28,
     * ln(2|x| + 1/(|x| + sqrt(x^2 + 1))) above 2, log1p(|x| + x^2/(1 + sqrt(1 + x^2))) below.
     */
    static double asinh(double x) {
        int hx = Ieee754.high(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) { // Inf or NaN
            return x + x;
        }
        if (ix < 0x3e300000) { // |x| < 2^-28: asinh x = x
            return x;
        }
        double w;
        if (ix > 0x41b00000) { // |x| > 2^28
            w = FdlibmExpLog.log(Math.abs(x)) + LN2;
        } else if (ix > 0x40000000) { // 2 < |x| <= 2^28
            double t = Math.abs(x);
            w = FdlibmExpLog.log(2.0 * t + 1.0 / (Math.sqrt(x * x + 1.0) + t));
        } else { // 2^-28 <= |x| <= 2
            double t = x * x;
            w = FdlibmExpLog.log1p(Math.abs(x) + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return (hx > 0) ? w : -1.0 * w;
    }
}
