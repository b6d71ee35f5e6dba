/*
 * Port of fdlibm 5.3 s_sin.c, s_cos.c, k_sin.c, k_cos.c and s_atan.c.
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
 * sin, cos and atan as fdlibm computes them (so as {@code StrictMath} does), operation for
 * operation, written to the TeaVM rules in {@code package-info}.
 */
final class FdlibmTrig {
    private FdlibmTrig() {}

    /* sin(x)/x - 1 ~ S1 x^2 + ... + S6 x^12 on [-pi/4, pi/4], error <= 2^-58 */
    private static final double S1 = -1.66666666666666324348e-01; /* 0xBFC55555, 0x55555549 */
    private static final double S2 = 8.33333333332248946124e-03; /* 0x3F811111, 0x1110F8A6 */
    private static final double S3 = -1.98412698298579493134e-04; /* 0xBF2A01A0, 0x19C161D5 */
    private static final double S4 = 2.75573137070700676789e-06; /* 0x3EC71DE3, 0x57B1FE7D */
    private static final double S5 = -2.50507602534068634195e-08; /* 0xBE5AE5E6, 0x8A2B9CEB */
    private static final double S6 = 1.58969099521155010221e-10; /* 0x3DE5D93A, 0x5ACFD57C */

    /* cos(x) - (1 - x^2/2) ~ C1 x^4 + ... + C6 x^14 on [-pi/4, pi/4], error <= 2^-58 */
    private static final double C1 = 4.16666666666666019037e-02; /* 0x3FA55555, 0x5555554C */
    private static final double C2 = -1.38888888888741095749e-03; /* 0xBF56C16C, 0x16C15177 */
    private static final double C3 = 2.48015872894767294178e-05; /* 0x3EFA01A0, 0x19CB1590 */
    private static final double C4 = -2.75573143513906633035e-07; /* 0xBE927E4F, 0x809C52AD */
    private static final double C5 = 2.08757232129817482790e-09; /* 0x3E21EE9E, 0xBDB4B1C4 */
    private static final double C6 = -1.13596475577881948265e-11; /* 0xBDA8FAE9, 0xBE8838D4 */

    /* atan at 0.5, 1, 1.5 and infinity, split into head and tail */
    private static final double[] ATAN_HI = {
        4.63647609000806093515e-01, /* atan(0.5)hi 0x3FDDAC67, 0x0561BB4F */
        7.85398163397448278999e-01, /* atan(1.0)hi 0x3FE921FB, 0x54442D18 */
        9.82793723247329054082e-01, /* atan(1.5)hi 0x3FEF730B, 0xD281F69B */
        1.57079632679489655800e+00, /* atan(inf)hi 0x3FF921FB, 0x54442D18 */
    };
    private static final double[] ATAN_LO = {
        2.26987774529616870924e-17, /* atan(0.5)lo 0x3C7A2B7F, 0x222F65E2 */
        3.06161699786838301793e-17, /* atan(1.0)lo 0x3C81A626, 0x33145C07 */
        1.39033110312309984516e-17, /* atan(1.5)lo 0x3C700788, 0x7AF0CBBD */
        6.12323399573676603587e-17, /* atan(inf)lo 0x3C91A626, 0x33145C07 */
    };
    /* atan(x) ~ x - x^3 (AT0 + AT1 x^2 + ... + AT10 x^20) on [0, 7/16] */
    private static final double[] AT = {
        3.33333333333329318027e-01, /* 0x3FD55555, 0x5555550D */
        -1.99999999998764832476e-01, /* 0xBFC99999, 0x9998EBC4 */
        1.42857142725034663711e-01, /* 0x3FC24924, 0x920083FF */
        -1.11111104054623557880e-01, /* 0xBFBC71C6, 0xFE231671 */
        9.09088713343650656196e-02, /* 0x3FB745CD, 0xC54C206E */
        -7.69187620504482999495e-02, /* 0xBFB3B0F2, 0xAF749A6D */
        6.66107313738753120669e-02, /* 0x3FB10D66, 0xA0D03D51 */
        -5.83357013379057348645e-02, /* 0xBFADDE2D, 0x52DEFD9A */
        4.97687799461593236017e-02, /* 0x3FA97B4B, 0x24760DEB */
        -3.65315727442169155270e-02, /* 0xBFA2B444, 0x2C6A6C2F */
        1.62858201153657823623e-02, /* 0x3F90AD3A, 0xE322DA11 */
    };

    static double sin(double x) {
        int ix = Ieee754.high(x) & 0x7fffffff;
        if (ix <= 0x3fe921fb) { // |x| ~<= pi/4
            return kernelSin(x, 0.0, false);
        }
        if (ix >= 0x7ff00000) { // sin(Inf or NaN) is NaN
            return x - x;
        }
        double[] y = new double[2];
        int n = FdlibmRemPio2.remPio2(x, y);
        switch (n & 3) {
            case 0:
                return kernelSin(y[0], y[1], true);
            case 1:
                return kernelCos(y[0], y[1]);
            case 2:
                return -1.0 * kernelSin(y[0], y[1], true);
            default:
                return -1.0 * kernelCos(y[0], y[1]);
        }
    }

    static double cos(double x) {
        int ix = Ieee754.high(x) & 0x7fffffff;
        if (ix <= 0x3fe921fb) { // |x| ~<= pi/4
            return kernelCos(x, 0.0);
        }
        if (ix >= 0x7ff00000) { // cos(Inf or NaN) is NaN
            return x - x;
        }
        double[] y = new double[2];
        int n = FdlibmRemPio2.remPio2(x, y);
        switch (n & 3) {
            case 0:
                return kernelCos(y[0], y[1]);
            case 1:
                return -1.0 * kernelSin(y[0], y[1], true);
            case 2:
                return -1.0 * kernelCos(y[0], y[1]);
            default:
                return kernelSin(y[0], y[1], true);
        }
    }

    /**
     * sin(x + y) on [-pi/4, pi/4], y the tail of x: with r = x^3 (S2 + ... + S6 x^8),
     * sin(x+y) = x + (S1 x^3 + (x^2 (r - y/2) + y)).
     */
    private static double kernelSin(double x, double y, boolean hasTail) {
        int ix = Ieee754.high(x) & 0x7fffffff;
        if (ix < 0x3e400000 && (int) x == 0) { // |x| < 2^-27: sin x = x
            return x;
        }
        double z = x * x;
        double v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        if (!hasTail) {
            return x + v * (S1 + z * r);
        }
        return x - ((z * (0.5 * y - v * r) - y) - v * S1);
    }

    /**
     * cos(x + y) on [-pi/4, pi/4]: 1 - (x^2/2 - (r - x y)) with r = x^4 (C1 + ... + C6 x^10);
     * for |x| > 0.3 a quarter qx of x^2/2 is taken out first so that both subtractions are exact.
     */
    private static double kernelCos(double x, double y) {
        int ix = Ieee754.high(x) & 0x7fffffff;
        if (ix < 0x3e400000 && (int) x == 0) { // |x| < 2^-27: cos x = 1
            return 1.0;
        }
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        // C: 0.5*z and z*r; the locals z and r are products, so they go first (TeaVM)
        if (ix < 0x3fd33333) { // |x| < 0.3
            return 1.0 - (z * 0.5 - (r * z - x * y));
        }
        double qx;
        if (ix > 0x3fe90000) { // |x| > 0.78125
            qx = 0.28125;
        } else {
            qx = Ieee754.fromWords(ix - 0x00200000, 0); // |x|/4, low word cleared
        }
        double hz = z * 0.5 - qx;
        double a = 1.0 - qx;
        return a - (hz - (r * z - x * y));
    }

    /**
     * atan(x): reduce |x| to [0, 7/16] with atan(x) = atan(c) + atan((x - c)/(1 + x c)) for
     * c in {0.5, 1, 1.5, infinity}, then an odd polynomial split in even and odd halves.
     */
    static double atan(double x) {
        int hx = Ieee754.high(x);
        int ix = hx & 0x7fffffff;
        int id;
        if (ix >= 0x44100000) { // |x| >= 2^66
            if (ix > 0x7ff00000 || (ix == 0x7ff00000 && Ieee754.low(x) != 0)) {
                return x + x; // NaN
            }
            if (hx > 0) {
                return ATAN_HI[3] + ATAN_LO[3];
            }
            return -1.0 * ATAN_HI[3] - ATAN_LO[3];
        }
        if (ix < 0x3fdc0000) { // |x| < 0.4375
            if (ix < 0x3e200000) { // |x| < 2^-29: atan x = x
                return x;
            }
            id = -1;
        } else {
            x = Math.abs(x);
            if (ix < 0x3ff30000) { // |x| < 1.1875
                if (ix < 0x3fe60000) { // 7/16 <= |x| < 11/16
                    id = 0;
                    x = (2.0 * x - 1.0) / (2.0 + x);
                } else { // 11/16 <= |x| < 19/16
                    id = 1;
                    x = (x - 1.0) / (x + 1.0);
                }
            } else {
                if (ix < 0x40038000) { // |x| < 2.4375
                    id = 2;
                    x = (x - 1.5) / (1.0 + 1.5 * x);
                } else { // 2.4375 <= |x| < 2^66
                    id = 3;
                    x = -1.0 / x;
                }
            }
        }
        double z = x * x;
        double w = z * z;
        // sum_i AT[i] z^(i+1) split into odd and even powers of w
        double s1 = z * (AT[0] + w * (AT[2] + w * (AT[4] + w * (AT[6] + w * (AT[8] + w * AT[10])))));
        double s2 = w * (AT[1] + w * (AT[3] + w * (AT[5] + w * (AT[7] + w * AT[9]))));
        if (id < 0) {
            return x - x * (s1 + s2);
        }
        z = ATAN_HI[id] - ((x * (s1 + s2) - ATAN_LO[id]) - x);
        return (hx < 0) ? -1.0 * z : z;
    }
}
