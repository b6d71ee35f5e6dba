/*
 * Port of fdlibm 5.3 e_pow.c.
 * ====================================================
 * Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
 *
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
package backprop.engine.math;

/**
 * x^y as fdlibm's {@code __ieee754_pow} (so as the JDK's strict pow): log2(x) in two
 * pieces t1 + t2 (t1 with 29 trailing zero bits), y log2(x) = n + y' in simulated extra
 * precision, then 2^n e^(y' ln2). Written to the TeaVM rules in {@code package-info}.
 */
final class FdlibmPow {
    private FdlibmPow() {}

    private static final double HUGE = 1.0e300;
    private static final double TINY = 1.0e-300;
    private static final double[] BP = {1.0, 1.5};
    private static final double[] DP_H = {0.0, 5.84962487220764160156e-01}; /* 0x3FE2B803, 0x40000000 */
    private static final double[] DP_L = {0.0, 1.35003920212974897128e-08}; /* 0x3E4CFDEB, 0x43CFD006 */
    private static final double TWO53 = 9007199254740992.0; /* 0x43400000, 0x00000000 */
    /* poly coefs for (3/2)*(log(x)-2s-2/3*s**3 */
    private static final double L1 = 5.99999999999994648725e-01; /* 0x3FE33333, 0x33333303 */
    private static final double L2 = 4.28571428578550184252e-01; /* 0x3FDB6DB6, 0xDB6FABFF */
    private static final double L3 = 3.33333329818377432918e-01; /* 0x3FD55555, 0x518F264D */
    private static final double L4 = 2.72728123808534006489e-01; /* 0x3FD17460, 0xA91D4101 */
    private static final double L5 = 2.30660745775561754067e-01; /* 0x3FCD864A, 0x93C9DB65 */
    private static final double L6 = 2.06975017800338417784e-01; /* 0x3FCA7E28, 0x4A454EEF */
    /* 2^r via the exp kernel */
    private static final double P1 = 1.66666666666666019037e-01; /* 0x3FC55555, 0x5555553E */
    private static final double P2 = -2.77777777770155933842e-03; /* 0xBF66C16C, 0x16BEBD93 */
    private static final double P3 = 6.61375632143793436117e-05; /* 0x3F11566A, 0xAF25DE2C */
    private static final double P4 = -1.65339022054652515390e-06; /* 0xBEBBBD41, 0xC5D26BF1 */
    private static final double P5 = 4.13813679705723846039e-08; /* 0x3E663769, 0x72BEA4D0 */
    private static final double LG2 = 6.93147180559945286227e-01; /* 0x3FE62E42, 0xFEFA39EF */
    private static final double LG2_H = 6.93147182464599609375e-01; /* 0x3FE62E43, 0x00000000 */
    private static final double LG2_L = -1.90465429995776804525e-09; /* 0xBE205C61, 0x0CA86C39 */
    private static final double OVT = 8.0085662595372944372e-17; /* -(1024-log2(ovfl+.5ulp)) */
    private static final double CP = 9.61796693925975554329e-01; /* 0x3FEEC709, 0xDC3A03FD 2/(3ln2) */
    private static final double CP_H =
            9.61796700954437255859e-01; /* 0x3FEEC709, 0xE0000000 high part of cp, 24 significant bits */
    private static final double CP_L = -7.02846165095275826516e-09; /* 0xBE3E2FE0, 0x145B01F5 tail of cp_h */
    private static final double IVLN2 = 1.44269504088896338700e+00; /* 0x3FF71547, 0x652B82FE 1/ln2 */
    private static final double IVLN2_H = 1.44269502162933349609e+00; /* 0x3FF71547, 0x60000000 24 bits of 1/ln2 */
    private static final double IVLN2_L = 1.92596299112661746887e-08; /* 0x3E54AE0B, 0xF85DDF44 1/ln2 tail */

    static double pow(double x, double y) {
        int hx = Ieee754.high(x);
        int lx = Ieee754.low(x);
        int hy = Ieee754.high(y);
        int ly = Ieee754.low(y);
        int ix = hx & 0x7fffffff;
        int iy = hy & 0x7fffffff;

        if ((iy | ly) == 0) { // x^0 = 1, even for NaN x
            return 1.0;
        }
        if (ix > 0x7ff00000 || (ix == 0x7ff00000 && lx != 0) || iy > 0x7ff00000 || (iy == 0x7ff00000 && ly != 0)) {
            return x + y; // NaN in, NaN out
        }

        // for x < 0: yIsInt = 0 (y not an integer), 1 (odd integer), 2 (even integer)
        int yIsInt = 0;
        if (hx < 0) {
            if (iy >= 0x43400000) { // |y| >= 2^53: even
                yIsInt = 2;
            } else if (iy >= 0x3ff00000) {
                int k = (iy >> 20) - 0x3ff; // exponent of y
                if (k > 20) {
                    int j = ly >>> (52 - k);
                    if ((j << (52 - k)) == ly) {
                        yIsInt = 2 - (j & 1);
                    }
                } else if (ly == 0) {
                    int j = iy >> (20 - k);
                    if ((j << (20 - k)) == iy) {
                        yIsInt = 2 - (j & 1);
                    }
                }
            }
        }

        if (ly == 0) { // special y
            if (iy == 0x7ff00000) { // y = +-inf
                if (((ix - 0x3ff00000) | lx) == 0) {
                    return y - y; // (+-1)^(+-inf) is NaN
                } else if (ix >= 0x3ff00000) { // (|x| > 1)^(+-inf) = inf, 0
                    return (hy >= 0) ? y : 0.0;
                } else { // (|x| < 1)^(-,+inf) = inf, 0
                    return (hy < 0) ? -1.0 * y : 0.0;
                }
            }
            if (iy == 0x3ff00000) { // y = +-1
                if (hy < 0) {
                    return 1.0 / x;
                }
                return x;
            }
            if (hy == 0x40000000) { // y = 2
                return x * x;
            }
            if (hy == 0x3fe00000 && hx >= 0) { // y = 0.5, x >= +0
                return Math.sqrt(x);
            }
        }

        double ax = Math.abs(x);
        if (lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000)) {
            double z = ax; // x = +-0, +-inf, +-1
            if (hy < 0) {
                z = 1.0 / z;
            }
            if (hx < 0) {
                if (((ix - 0x3ff00000) | yIsInt) == 0) {
                    z = (z - z) / (z - z); // (-1)^non-integer is NaN
                } else if (yIsInt == 1) {
                    z = -1.0 * z; // (x < 0)^odd = -(|x|^odd), keeps -0
                }
            }
            return z;
        }

        int n = (hx >>> 31) - 1; // 0 for x < 0, -1 otherwise
        if ((n | yIsInt) == 0) {
            return (x - x) / (x - x); // (x < 0)^non-integer is NaN
        }
        double s = 1.0; // sign of the result
        if ((n | (yIsInt - 1)) == 0) {
            s = -1.0; // (x < 0)^odd
        }

        double t1;
        double t2;
        if (iy > 0x41e00000) { // |y| > 2^31
            if (iy > 0x43f00000) { // |y| > 2^64: must over/underflow
                if (ix <= 0x3fefffff) {
                    return (hy < 0) ? HUGE * HUGE : TINY * TINY;
                }
                if (ix >= 0x3ff00000) {
                    return (hy > 0) ? HUGE * HUGE : TINY * TINY;
                }
            }
            // over/underflow unless x is close to one
            if (ix < 0x3fefffff) {
                return (hy < 0) ? s * HUGE * HUGE : s * TINY * TINY;
            }
            if (ix > 0x3ff00000) {
                return (hy > 0) ? s * HUGE * HUGE : s * TINY * TINY;
            }
            // |1 - x| <= 2^-20: log(x) ~ t - t^2/2 + t^3/3 - t^4/4
            double t = ax - 1.0; // 20 trailing zeros
            double w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
            double u = IVLN2_H * t; // IVLN2_H has 21 significant bits
            double v = t * IVLN2_L - w * IVLN2;
            t1 = v + u; // C: u + v; v is a difference, so it goes first
            t1 = Ieee754.withLow(t1, 0);
            t2 = v - (t1 - u);
        } else {
            n = 0;
            if (ix < 0x00100000) { // subnormal x
                ax *= TWO53;
                n -= 53;
                ix = Ieee754.high(ax);
            }
            n += (ix >> 20) - 0x3ff;
            int j = ix & 0x000fffff;
            ix = j | 0x3ff00000; // normalise ix
            int k;
            if (j <= 0x3988E) { // |x| < sqrt(3/2)
                k = 0;
            } else if (j < 0xBB67A) { // |x| < sqrt(3)
                k = 1;
            } else {
                k = 0;
                n += 1;
                ix -= 0x00100000;
            }
            ax = Ieee754.withHigh(ax, ix);

            // ss = s_h + s_l = (x - 1)/(x + 1) or (x - 1.5)/(x + 1.5)
            double u = ax - BP[k];
            double v = 1.0 / (ax + BP[k]);
            double ss = v * u; // C: u*v; v is a quotient, so it goes first
            double sH = Ieee754.withLow(ss, 0);
            // t_h = ax + bp[k], high part
            double tH = Ieee754.fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
            double tL = ax - (tH - BP[k]);
            double sL = v * ((u - sH * tH) - sH * tL);
            // log(ax)
            double s2 = ss * ss;
            double r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
            r += sL * (sH + ss);
            s2 = sH * sH;
            tH = 3.0 + s2 + r;
            tH = Ieee754.withLow(tH, 0);
            tL = r - ((tH - 3.0) - s2);
            // u + v = ss (1 + ...)
            u = sH * tH;
            v = sL * tH + tL * ss;
            // 2/(3 log2) (ss + ...)
            double pH = v + u; // C: u + v; v is a sum, so it goes first
            pH = Ieee754.withLow(pH, 0);
            double pL = v - (pH - u);
            double zH = CP_H * pH; // CP_H + CP_L = 2/(3 log2)
            double zL = CP_L * pH + pL * CP + DP_L[k];
            // log2(ax) = (ss + ...) 2/(3 log2) = n + dp_h + z_h + z_l
            double t = (double) n;
            t1 = ((zL + zH) + DP_H[k]) + t; // C: z_h + z_l; z_l is a sum, so it goes first
            t1 = Ieee754.withLow(t1, 0);
            t2 = zL - (((t1 - t) - DP_H[k]) - zH);
        }

        // y = y1 + y2 with y1 short; (y1 + y2)(t1 + t2) = p_h + p_l
        double y1 = Ieee754.withLow(y, 0);
        double pL = (y - y1) * t1 + y * t2;
        double pH = y1 * t1;
        double z = pL + pH;
        int j = Ieee754.high(z);
        int i = Ieee754.low(z);
        if (j >= 0x40900000) { // z >= 1024
            if (((j - 0x40900000) | i) != 0) { // z > 1024
                return s * HUGE * HUGE;
            }
            if (pL + OVT > z - pH) {
                return s * HUGE * HUGE;
            }
        } else if ((j & 0x7fffffff) >= 0x4090cc00) { // z <= -1075
            if (((j - 0xc090cc00) | i) != 0) { // z < -1075
                return s * TINY * TINY;
            }
            if (pL <= z - pH) {
                return s * TINY * TINY;
            }
        }

        // 2^(p_h + p_l): n = nearest integer when |z| > 0.5
        i = j & 0x7fffffff;
        int k = (i >> 20) - 0x3ff;
        n = 0;
        if (i > 0x3fe00000) {
            n = j + (0x00100000 >> (k + 1));
            k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
            double t = Ieee754.fromWords(n & ~(0x000fffff >> k), 0);
            n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
            if (j < 0) {
                n = -n;
            }
            pH -= t;
        }
        double t = pL + pH;
        t = Ieee754.withLow(t, 0);
        double u = t * LG2_H;
        double v = (pL - (t - pH)) * LG2 + t * LG2_L;
        z = v + u; // C: u + v; v is a sum, so it goes first
        double w = v - (z - u);
        t = z * z;
        t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        double r = (z * t1) / (t1 - 2.0) - (w + z * w);
        z = 1.0 - (r - z);
        j = Ieee754.high(z);
        j += (n << 20);
        if ((j >> 20) <= 0) {
            z = Ieee754.scalbn(z, n); // subnormal output
        } else {
            z = Ieee754.withHigh(z, j);
        }
        return s * z;
    }
}
