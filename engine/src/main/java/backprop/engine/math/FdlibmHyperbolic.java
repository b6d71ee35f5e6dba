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
    private FdlibmHyperbolic() {
    }

    private static final double HUGE = 1.0e+300;
    private static final double TINY = 1.0e-300;
    private static final double SHUGE = 1.0e307;
    private static final double LN2 = 6.93147180559945286227e-01; /* 0x3FE62E42, 0xFEFA39EF */

    /**
     * sinh x = (E + E/(E+1))/2 with E = expm1|x| for |x| < 22, e^|x|/2 up to ln(MAX_VALUE),
     * then (e^(|x|/2)/2) e^(|x|/2) up to the overflow threshold.
     */
    static double sinh(double x) {
        int jx = Ieee754.high(x);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) {                  // Inf or NaN
            return x + x;
        }
        double h = (jx < 0) ? -0.5 : 0.5;
        if (ix < 0x40360000) {                   // |x| < 22
            if (ix < 0x3e300000) {               // |x| < 2^-28: sinh x = x
                return x;
            }
            double t = FdlibmExpLog.expm1(Math.abs(x));
            if (ix < 0x3ff00000) {
                return h * (2.0 * t - t * t / (t + 1.0));
            }
            return h * (t + t / (t + 1.0));
        }
        if (ix < 0x40862E42) {                   // |x| < ln(MAX_VALUE)
            return h * FdlibmExpLog.exp(Math.abs(x));
        }
        if (belowOverflowThreshold(ix, Ieee754.low(x))) {
            double w = FdlibmExpLog.exp(0.5 * Math.abs(x));
            double t = h * w;
            return t * w;
        }
        return x * SHUGE;                        // overflow
    }

    /**
     * cosh x = 1 + E^2/(2(1+E)) with E = expm1|x| for |x| < ln2/2, (e^|x| + 1/e^|x|)/2 below
     * 22, then e^|x|/2 and the split product as in sinh.
     */
    static double cosh(double x) {
        int ix = Ieee754.high(x) & 0x7fffffff;
        if (ix >= 0x7ff00000) {                  // Inf or NaN
            return x * x;
        }
        if (ix < 0x3fd62e43) {                   // |x| < ln2/2
            double t = FdlibmExpLog.expm1(Math.abs(x));
            double w = 1.0 + t;
            if (ix < 0x3c800000) {               // cosh(tiny) = 1
                return w;
            }
            return 1.0 + (t * t) / (w + w);
        }
        if (ix < 0x40360000) {                   // |x| < 22
            double t = FdlibmExpLog.exp(Math.abs(x));
            return 0.5 * t + 0.5 / t;
        }
        if (ix < 0x40862E42) {                   // |x| < ln(MAX_VALUE)
            return 0.5 * FdlibmExpLog.exp(Math.abs(x));
        }
        if (belowOverflowThreshold(ix, Ieee754.low(x))) {
            double w = FdlibmExpLog.exp(0.5 * Math.abs(x));
            double t = 0.5 * w;
            return t * w;
        }
        return HUGE * HUGE;                      // overflow
    }

    /** |x| <= 7.10475860073943863426e+02 (0x408633CE, 0x8FB9F87D), compared as unsigned words. */
    private static boolean belowOverflowThreshold(int ix, int lx) {
        // unsigned lx <= 0x8fb9f87d: flip the sign bits and compare as signed ints
        return ix < 0x408633CE || (ix == 0x408633CE && (lx ^ 0x80000000) <= (0x8fb9f87d ^ 0x80000000));
    }

    /**
     * tanh x = -E/(E+2) with E = expm1(-2|x|) for |x| < 1, 1 - 2/(expm1(2|x|) + 2) up to 22,
     * then +-1. The high-word tests are written as bounds on |x| (same results, no word access:
     * tanh is a hot activation and word access is slow in TeaVM's JavaScript).
     */
    static double tanh(double x) {
        double ax = Math.abs(x);
        if (!(ax < Double.POSITIVE_INFINITY)) {  // ix >= 0x7ff00000: Inf or NaN
            if (x > 0 || x != x) {
                return 1.0 / x + 1.0;            // tanh(+inf) = 1, tanh(NaN) = NaN
            }
            return 1.0 / x - 1.0;                // tanh(-inf) = -1
        }
        double z;
        if (ax < 22.0) {                         // ix < 0x40360000
            if (ax < 0x1p-55) {                  // ix < 0x3c800000
                return x * (1.0 + x);
            }
            if (ax >= 1.0) {                     // ix >= 0x3ff00000
                double t = FdlibmExpLog.expm1(2.0 * ax);
                z = 1.0 - 2.0 / (t + 2.0);
            } else {
                double t = FdlibmExpLog.expm1(-2.0 * ax);
                z = -1.0 * t / (t + 2.0);
            }
        } else {                                 // |x| >= 22: +-1
            z = 1.0 - TINY;
        }
        return (x > 0) ? z : -1.0 * z;           // jx >= 0; x is not zero here
    }

    /**
     * asinh x = sign(x) ln(|x| + sqrt(x^2 + 1)), evaluated as ln|x| + ln2 above 2^28,
     * ln(2|x| + 1/(|x| + sqrt(x^2 + 1))) above 2, log1p(|x| + x^2/(1 + sqrt(1 + x^2))) below.
     */
    static double asinh(double x) {
        int hx = Ieee754.high(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) {                  // Inf or NaN
            return x + x;
        }
        if (ix < 0x3e300000) {                   // |x| < 2^-28: asinh x = x
            return x;
        }
        double w;
        if (ix > 0x41b00000) {                   // |x| > 2^28
            w = FdlibmExpLog.log(Math.abs(x)) + LN2;
        } else if (ix > 0x40000000) {            // 2 < |x| <= 2^28
            double t = Math.abs(x);
            w = FdlibmExpLog.log(2.0 * t + 1.0 / (Math.sqrt(x * x + 1.0) + t));
        } else {                                 // 2^-28 <= |x| <= 2
            double t = x * x;
            w = FdlibmExpLog.log1p(Math.abs(x) + t / (1.0 + Math.sqrt(1.0 + t)));
        }
        return (hx > 0) ? w : -1.0 * w;
    }
}
