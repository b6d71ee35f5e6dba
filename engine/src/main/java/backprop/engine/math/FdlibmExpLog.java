/*
 * Port of fdlibm 5.3 e_exp.c, e_log.c, s_log1p.c and s_expm1.c.
 * ====================================================
 * Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
package backprop.engine.math;

/**
 * exp, log, log1p and expm1 as fdlibm computes them (so as {@code StrictMath} does),
 * operation for operation, written to the TeaVM rules in {@code package-info}.
 */
final class FdlibmExpLog {
    private FdlibmExpLog() {}

    private static final double HUGE = 1.0e+300;
    private static final double TINY = 1.0e-300;
    private static final double TWO54 = 1.80143985094819840000e+16; /* 0x43500000, 0x00000000 */
    private static final double TWOM1000 = 9.33263618503218878990e-302; /* 2^-1000 0x01700000, 0x00000000 */
    private static final double O_THRESHOLD = 7.09782712893383973096e+02; /* 0x40862E42, 0xFEFA39EF */
    private static final double U_THRESHOLD = -7.45133219101941108420e+02; /* 0xC0874910, 0xD52D3051 */
    /* ln2 = LN2_HI + LN2_LO, LN2_HI with 32 trailing zero bits so k*LN2_HI is exact */
    private static final double LN2_HI = 6.93147180369123816490e-01; /* 0x3FE62E42, 0xFEE00000 */
    private static final double LN2_LO = 1.90821492927058770002e-10; /* 0x3DEA39EF, 0x35793C76 */
    private static final double INVLN2 = 1.44269504088896338700e+00; /* 0x3FF71547, 0x652B82FE */
    /* |x| bounds equal to fdlibm's tests on the high word hx of |x| (the bound has low word 0) */
    private static final double ABS_GE_709 = 0x1.62e42p9; /* hx >= 0x40862E42 */
    private static final double ABS_GE_56_LN2 = 0x1.3687ap5; /* hx >= 0x4043687A */
    private static final double ABS_GT_HALF_LN2 = 0x1.62e43p-2; /* hx > 0x3fd62e42 */
    private static final double ABS_LT_1_5_LN2 = 0x1.0a2b2p0; /* hx < 0x3FF0A2B2 */
    private static final double TWO_M28 = 0x1p-28; /* hx < 0x3e300000 */
    private static final double TWO_M54 = 0x1p-54; /* hx < 0x3c900000 */

    /* exp: R(r^2) = r (e^r + 1)/(e^r - 1) ~ 2 + P1 r^2 + ... + P5 r^10, error <= 2^-59 */
    private static final double P1 = 1.66666666666666019037e-01; /* 0x3FC55555, 0x5555553E */
    private static final double P2 = -2.77777777770155933842e-03; /* 0xBF66C16C, 0x16BEBD93 */
    private static final double P3 = 6.61375632143793436117e-05; /* 0x3F11566A, 0xAF25DE2C */
    private static final double P4 = -1.65339022054652515390e-06; /* 0xBEBBBD41, 0xC5D26BF1 */
    private static final double P5 = 4.13813679705723846039e-08; /* 0x3E663769, 0x72BEA4D0 */

    /* log: log(1+f) = 2s + s R(s^2), s = f/(2+f), R(z) ~ Lg1 z + ... + Lg7 z^7, error <= 2^-58.45 */
    private static final double LG1 = 6.666666666666735130e-01; /* 0x3FE55555, 0x55555593 */
    private static final double LG2 = 3.999999999940941908e-01; /* 0x3FD99999, 0x9997FA04 */
    private static final double LG3 = 2.857142874366239149e-01; /* 0x3FD24924, 0x94229359 */
    private static final double LG4 = 2.222219843214978396e-01; /* 0x3FCC71C5, 0x1D8E78AF */
    private static final double LG5 = 1.818357216161805012e-01; /* 0x3FC74664, 0x96CB03DE */
    private static final double LG6 = 1.531383769920937332e-01; /* 0x3FC39A09, 0xD078C69F */
    private static final double LG7 = 1.479819860511658591e-01; /* 0x3FC2F112, 0xDF3E5244 */

    /* expm1: scaled coefficients, 3 (e^r + 1)/(e^r - 1) ... ~ 1 + Q1 r^2 + ... + Q5 r^10 */
    private static final double Q1 = -3.33333333333331316428e-02; /* 0xBFA11111, 0x111110F4 */
    private static final double Q2 = 1.58730158725481460165e-03; /* 0x3F5A01A0, 0x19FE5585 */
    private static final double Q3 = -7.93650757867487942473e-05; /* 0xBF14CE19, 0x9EAADBB7 */
    private static final double Q4 = 4.00821782732936239552e-06; /* 0x3ED0CFCA, 0x86E65239 */
    private static final double Q5 = -2.01099218183624371326e-07; /* 0xBE8AFDB7, 0x6E09C32D */

    /**
     * e^x: x = k ln2 + r with |r| <= ln2/2 (r = hi - lo), e^r = 1 + r + r c/(2 - c) with
     * c = r - r^2 R1(r^2), then 2^k by adding k to the exponent.
     *
     * <p>Word-free form of fdlibm's code (exp is the hot path of tanh and sigmoid, and word
     * access costs BigInt operations in TeaVM's JavaScript): a test hx >= H on the high word of
     * |x| is the same as |x| >= the double with high word H and low word 0, and adding k to the
     * exponent of a normal result is the exact product y * 2^k.
     */
    static double exp(double x) {
        double ax = Math.abs(x);
        boolean negative = x < 0; // fdlibm's xsb (-0.0 only reaches the tiny branch)
        if (!(ax < ABS_GE_709)) { // hx >= 0x40862E42: |x| >= 709.78..., or NaN
            if (x != x) {
                return x + x; // NaN
            }
            if (ax == Double.POSITIVE_INFINITY) {
                return negative ? 0.0 : x; // exp(+-inf) = {inf, 0}
            }
            if (x > O_THRESHOLD) {
                return HUGE * HUGE; // overflow
            }
            if (x < U_THRESHOLD) {
                return TWOM1000 * TWOM1000; // underflow
            }
        }
        double hi = 0.0;
        double lo = 0.0;
        int k = 0;
        if (ax >= ABS_GT_HALF_LN2) { // hx > 0x3fd62e42: |x| > ln2/2
            if (ax < ABS_LT_1_5_LN2) { // hx < 0x3FF0A2B2: |x| < 1.5 ln2, k = +-1
                if (!negative) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INVLN2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * LN2_HI; // exact: LN2_HI has 32 trailing zeros
                lo = t * LN2_LO;
            }
            x = hi - lo;
        } else if (ax < TWO_M28) { // hx < 0x3e300000: e^x = 1 + x
            return 1.0 + x;
        }
        double t = x * x;
        double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        if (k == 0) {
            return 1.0 - ((x * c) / (c - 2.0) - x);
        }
        double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
        if (k >= -1021) {
            return Ieee754.mulTwoPow(y, k); // y * 2^k, normal (k <= 1024)
        }
        return y * Ieee754.twoPow(k + 1000) * TWOM1000; // subnormal result: one rounding
    }

    /**
     * ln x: x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2), log(1+f) = f - (f^2/2 - s (f^2/2 + R)),
     * s = f/(2+f), then k ln2 added in two pieces.
     */
    static double log(double x) {
        int hx = Ieee754.high(x);
        int lx = Ieee754.low(x);
        int k = 0;
        if (hx < 0x00100000) { // x < 2^-1022
            if (((hx & 0x7fffffff) | lx) == 0) {
                return -TWO54 / 0.0; // log(+-0) = -inf
            }
            if (hx < 0) {
                return (x - x) / 0.0; // log(negative) = NaN
            }
            k -= 54;
            x *= TWO54; // subnormal: scale up
            hx = Ieee754.high(x);
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        x = Ieee754.withHigh(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
        k += (i >> 20);
        double f = x - 1.0;
        double dk;
        if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                dk = (double) k;
                return dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) {
                return f - r;
            }
            dk = (double) k;
            return dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        dk = (double) k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            // C: hfsq + R; R is a sum, so it goes first (TeaVM)
            if (k == 0) {
                return f - (hfsq - s * (r + hfsq));
            }
            return dk * LN2_HI - ((hfsq - (s * (r + hfsq) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    /**
     * ln(1 + x) accurate for small x: 1 + x = 2^k (1 + f) as in log, plus a correction
     * c = (1 + x rounded) error / u so nothing of x is lost.
     */
    static double log1p(double x) {
        int hx = Ieee754.high(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        int hu = 0;
        double f = 0.0;
        double c = 0.0;
        if (hx < 0x3FDA827A) { // x < 0.41422
            if (ax >= 0x3ff00000) { // x <= -1.0
                if (x == -1.0) {
                    return -TWO54 / 0.0; // log1p(-1) = -inf
                }
                return (x - x) / (x - x); // log1p(x < -1) = NaN
            }
            if (ax < 0x3e200000) { // |x| < 2^-29
                if (ax < 0x3c900000) { // |x| < 2^-54
                    return x;
                }
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) { // -0.2929 < x < 0.41422: f = x
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = Ieee754.high(u);
                k = (hu >> 20) - 1023;
                c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0); // rounding error of 1 + x
                c /= u;
            } else {
                u = x;
                hu = Ieee754.high(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = Ieee754.withHigh(u, hu | 0x3ff00000); // normalise u
            } else {
                k += 1;
                u = Ieee754.withHigh(u, hu | 0x3fe00000); // normalise u/2
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                // C: c += k*ln2_lo; return k*ln2_hi + c; the sum goes first (TeaVM)
                return (c + k * LN2_LO) + k * LN2_HI;
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            if (k == 0) {
                return f - r;
            }
            return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
        if (k == 0) {
            return f - (hfsq - s * (hfsq + r));
        }
        // C: hfsq - (s*(hfsq+R) + (k*ln2_lo+c)); the nested sum is written first for TeaVM
        return k * LN2_HI - ((hfsq - ((k * LN2_LO + c) + s * (hfsq + r))) - f);
    }

    /**
     * e^x - 1 accurate for small x: same reduction as exp (with a correction c for the
     * rounding of hi - lo), then a rational approximation built for e^r - 1. Word-free like
     * {@link #exp}: bounds on |x| for the high-word tests, exact products by 2^k for the
     * exponent edits.
     */
    static double expm1(double x) {
        double ax = Math.abs(x);
        boolean negative = x < 0; // fdlibm's xsb (-0.0 only reaches the tiny branch)
        if (!(ax < ABS_GE_56_LN2)) { // hx >= 0x4043687A: |x| >= 56 ln2, or NaN
            if (!(ax < ABS_GE_709)) { // hx >= 0x40862E42: |x| >= 709.78..., or NaN
                if (x != x) {
                    return x + x; // NaN
                }
                if (ax == Double.POSITIVE_INFINITY) {
                    return negative ? -1.0 : x; // expm1(+-inf) = {inf, -1}
                }
                if (x > O_THRESHOLD) {
                    return HUGE * HUGE; // overflow
                }
            }
            if (negative) { // x < -56 ln2: -1 (inexact)
                return TINY - 1.0;
            }
        }
        double hi;
        double lo;
        double c = 0.0;
        int k;
        if (ax >= ABS_GT_HALF_LN2) { // hx > 0x3fd62e42: |x| > ln2/2
            if (ax < ABS_LT_1_5_LN2) { // hx < 0x3FF0A2B2: |x| < 1.5 ln2
                if (!negative) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INVLN2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * LN2_HI; // exact
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (ax < TWO_M54) { // hx < 0x3c900000: expm1 x = x
            return x;
        } else {
            k = 0;
        }
        double hfx = 0.5 * x;
        double hxs = hfx * x; // C: x*hfx; the product local goes first
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3.0 - r1 * hfx;
        // C: e = hxs*((r1-t)/(6.0 - x*t)); the nested quotient is written first for TeaVM
        double e = ((r1 - t) / (6.0 - x * t)) * hxs;
        if (k == 0) {
            return x - (e * x - hxs); // c is 0; C: x*e, the product local goes first
        }
        e = (x * (e - c) - c);
        e -= hxs;
        if (k == -1) {
            return 0.5 * (x - e) - 0.5;
        }
        if (k == 1) {
            if (x < -0.25) {
                return -2.0 * (e - (x + 0.5));
            }
            return 1.0 + 2.0 * (x - e);
        }
        if (k <= -2 || k > 56) { // e^x - 1 ~ e^x
            double y = 1.0 - (e - x);
            return Ieee754.mulTwoPow(y, k) - 1.0;
        }
        if (k < 20) {
            double oneMinusTwoPowMinusK = 1.0 - Ieee754.twoPow(-k); // exact
            return Ieee754.mulTwoPow(oneMinusTwoPowMinusK - (e - x), k);
        }
        double y = x - (e + Ieee754.twoPow(-k));
        y += 1.0;
        return Ieee754.mulTwoPow(y, k);
    }
}
