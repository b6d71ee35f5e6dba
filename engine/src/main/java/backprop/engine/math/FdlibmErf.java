/*
 * Port of fdlibm 5.3 s_erf.c.
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
 * The error function erf(x) = 2/sqrt(pi) * integral_0^x e^(-t^2) dt and its complement
 * erfc = 1 - erf, by fdlibm's rational approximations on [0, 0.84375], [0.84375, 1.25],
 * [1.25, 1/0.35] and [1/0.35, 28] (errors below 2^-57). {@code StrictMath} has no erf, so
 * these are checked against reference values instead.
 *
 * <p>Written to the TeaVM rules in {@code package-info}.
 */
final class FdlibmErf {
    private FdlibmErf() {}

    private static final double TINY = 1e-300;
    /* erx = 0.84506291151 (a single-precision constant in fdlibm), erf(1) rounded to 24 bits */
    private static final double ERX = 8.45062911510467529297e-01; /* 0x3FEB0AC1, 0x60000000 */
    /* [0, 0.84375]: erf(x) = x + x R(x^2), R = PP/QQ */
    private static final double EFX = 1.28379167095512586316e-01; /* 0x3FC06EBA, 0x8214DB69 */
    private static final double EFX8 = 1.02703333676410069053e+00; /* 0x3FF06EBA, 0x8214DB69 */
    private static final double PP0 = 1.28379167095512558561e-01; /* 0x3FC06EBA, 0x8214DB68 */
    private static final double PP1 = -3.25042107247001499370e-01; /* 0xBFD4CD7D, 0x691CB913 */
    private static final double PP2 = -2.84817495755985104766e-02; /* 0xBF9D2A51, 0xDBD7194F */
    private static final double PP3 = -5.77027029648944159157e-03; /* 0xBF77A291, 0x236668E4 */
    private static final double PP4 = -2.37630166566501626084e-05; /* 0xBEF8EAD6, 0x120016AC */
    private static final double QQ1 = 3.97917223959155352819e-01; /* 0x3FD97779, 0xCDDADC09 */
    private static final double QQ2 = 6.50222499887672944485e-02; /* 0x3FB0A54C, 0x5536CEBA */
    private static final double QQ3 = 5.08130628187576562776e-03; /* 0x3F74D022, 0xC4D36B0F */
    private static final double QQ4 = 1.32494738004321644526e-04; /* 0x3F215DC9, 0x221C1A10 */
    private static final double QQ5 = -3.96022827877536812320e-06; /* 0xBED09C43, 0x42A26120 */
    /* [0.84375, 1.25]: erf(1 + s) = erx + PA(s)/QA(s) */
    private static final double PA0 = -2.36211856075265944077e-03; /* 0xBF6359B8, 0xBEF77538 */
    private static final double PA1 = 4.14856118683748331666e-01; /* 0x3FDA8D00, 0xAD92B34D */
    private static final double PA2 = -3.72207876035701323847e-01; /* 0xBFD7D240, 0xFBB8C3F1 */
    private static final double PA3 = 3.18346619901161753674e-01; /* 0x3FD45FCA, 0x805120E4 */
    private static final double PA4 = -1.10894694282396677476e-01; /* 0xBFBC6398, 0x3D3E28EC */
    private static final double PA5 = 3.54783043256182359371e-02; /* 0x3FA22A36, 0x599795EB */
    private static final double PA6 = -2.16637559486879084300e-03; /* 0xBF61BF38, 0x0A96073F */
    private static final double QA1 = 1.06420880400844228286e-01; /* 0x3FBB3E66, 0x18EEE323 */
    private static final double QA2 = 5.40397917702171048937e-01; /* 0x3FE14AF0, 0x92EB6F33 */
    private static final double QA3 = 7.18286544141962662868e-02; /* 0x3FB2635C, 0xD99FE9A7 */
    private static final double QA4 = 1.26171219808761642112e-01; /* 0x3FC02660, 0xE763351F */
    private static final double QA5 = 1.36370839120290507362e-02; /* 0x3F8BEDC2, 0x6B51DD1C */
    private static final double QA6 = 1.19844998467991074170e-02; /* 0x3F888B54, 0x5735151D */
    /* [1.25, 1/0.35]: erfc(x) = exp(-x^2 - 0.5625 + RA/SA)/x, in z = 1/x^2 */
    private static final double RA0 = -9.86494403484714822705e-03; /* 0xBF843412, 0x600D6435 */
    private static final double RA1 = -6.93858572707181764372e-01; /* 0xBFE63416, 0xE4BA7360 */
    private static final double RA2 = -1.05586262253232909814e+01; /* 0xC0251E04, 0x41B0E726 */
    private static final double RA3 = -6.23753324503260060396e+01; /* 0xC04F300A, 0xE4CBA38D */
    private static final double RA4 = -1.62396669462573470355e+02; /* 0xC0644CB1, 0x84282266 */
    private static final double RA5 = -1.84605092906711035994e+02; /* 0xC067135C, 0xEBCCABB2 */
    private static final double RA6 = -8.12874355063065934246e+01; /* 0xC0545265, 0x57E4D2F2 */
    private static final double RA7 = -9.81432934416914548592e+00; /* 0xC023A0EF, 0xC69AC25C */
    private static final double SA1 = 1.96512716674392571292e+01; /* 0x4033A6B9, 0xBD707687 */
    private static final double SA2 = 1.37657754143519042600e+02; /* 0x4061350C, 0x526AE721 */
    private static final double SA3 = 4.34565877475229228821e+02; /* 0x407B290D, 0xD58A1A71 */
    private static final double SA4 = 6.45387271733267880336e+02; /* 0x40842B19, 0x21EC2868 */
    private static final double SA5 = 4.29008140027567833386e+02; /* 0x407AD021, 0x57700314 */
    private static final double SA6 = 1.08635005541779435134e+02; /* 0x405B28A3, 0xEE48AE2C */
    private static final double SA7 = 6.57024977031928170135e+00; /* 0x401A47EF, 0x8E484A93 */
    private static final double SA8 = -6.04244152148580987438e-02; /* 0xBFAEEFF2, 0xEE749A62 */
    /* [1/0.35, 28]: same form with RB/SB */
    private static final double RB0 = -9.86494292470009928597e-03; /* 0xBF843412, 0x39E86F4A */
    private static final double RB1 = -7.99283237680523006574e-01; /* 0xBFE993BA, 0x70C285DE */
    private static final double RB2 = -1.77579549177547519889e+01; /* 0xC031C209, 0x555F995A */
    private static final double RB3 = -1.60636384855821916062e+02; /* 0xC064145D, 0x43C5ED98 */
    private static final double RB4 = -6.37566443368389627722e+02; /* 0xC083EC88, 0x1375F228 */
    private static final double RB5 = -1.02509513161107724954e+03; /* 0xC0900461, 0x6A2E5992 */
    private static final double RB6 = -4.83519191608651397019e+02; /* 0xC07E384E, 0x9BDC383F */
    private static final double SB1 = 3.03380607434824582924e+01; /* 0x403E568B, 0x261D5190 */
    private static final double SB2 = 3.25792512996573918826e+02; /* 0x40745CAE, 0x221B9F0A */
    private static final double SB3 = 1.53672958608443695994e+03; /* 0x409802EB, 0x189D5118 */
    private static final double SB4 = 3.19985821950859553908e+03; /* 0x40A8FFB7, 0x688C246A */
    private static final double SB5 = 2.55305040643316442583e+03; /* 0x40A3F219, 0xCEDF3BE6 */
    private static final double SB6 = 4.74528541206955367215e+02; /* 0x407DA874, 0xE79FE763 */
    private static final double SB7 = -2.24409524465858183362e+01; /* 0xC03670E2, 0x42712D62 */

    static double erf(double x) {
        int hx = Ieee754.high(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) { // erf(NaN) = NaN, erf(+-inf) = +-1
            int i = (hx >>> 31) << 1;
            return (double) (1 - i) + 1.0 / x;
        }
        if (ix < 0x3feb0000) { // |x| < 0.84375
            if (ix < 0x3e300000) { // |x| < 2^-28
                if (ix < 0x00800000) { // avoid underflow
                    return 0.125 * (8.0 * x + EFX8 * x);
                }
                return x + EFX * x;
            }
            double z = x * x;
            double r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
            double s = 1.0 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
            double y = r / s;
            return x + y * x; // C: x + x*y; y is inlined, so it goes first
        }
        if (ix < 0x3ff40000) { // 0.84375 <= |x| < 1.25
            double s = Math.abs(x) - 1.0;
            double p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
            double q = 1.0 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
            if (hx >= 0) {
                return ERX + p / q;
            }
            return -ERX - p / q;
        }
        if (ix >= 0x40180000) { // |x| >= 6: +-1
            if (hx >= 0) {
                return 1.0 - TINY;
            }
            return TINY - 1.0;
        }
        x = Math.abs(x);
        double r = erfcTail(x, ix < 0x4006DB6E);
        if (hx >= 0) {
            return 1.0 - r / x;
        }
        return r / x - 1.0;
    }

    static double erfc(double x) {
        int hx = Ieee754.high(x);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x7ff00000) { // erfc(NaN) = NaN, erfc(+-inf) = 0, 2
            return (double) ((hx >>> 31) << 1) + 1.0 / x;
        }
        if (ix < 0x3feb0000) { // |x| < 0.84375
            if (ix < 0x3c700000) { // |x| < 2^-56
                return 1.0 - x;
            }
            double z = x * x;
            double r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
            double s = 1.0 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
            double y = r / s;
            if (hx < 0x3fd00000) { // x < 1/4
                return 1.0 - (x + y * x); // C: x*y, written y*x (see erf)
            }
            r = y * x;
            r = (x - 0.5) + r; // C: r += (x - half), nested operand first
            return 0.5 - r;
        }
        if (ix < 0x3ff40000) { // 0.84375 <= |x| < 1.25
            double s = Math.abs(x) - 1.0;
            double p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
            double q = 1.0 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
            if (hx >= 0) {
                double z = 1.0 - ERX;
                return z - p / q;
            }
            double z = ERX + p / q;
            return z + 1.0; // C: one + z; the inlined sum goes first
        }
        if (ix < 0x403c0000) { // |x| < 28
            if (hx < 0 && ix >= 0x40180000) { // x < -6
                return 2.0 - TINY;
            }
            x = Math.abs(x);
            double r = erfcTail(x, ix < 0x4006DB6D);
            if (hx > 0) {
                return r / x;
            }
            return 2.0 - r / x;
        }
        if (hx > 0) {
            return TINY * TINY; // underflow
        }
        return 2.0 - TINY;
    }

    /**
     * x erfc(x) for x in [1.25, 28) = exp(-z^2 - 0.5625) exp((z - x)(z + x) + R/S), z = x with
     * its low word cleared so that z^2 is exact; {@code nearRange} selects the [1.25, 1/0.35]
     * coefficients (fdlibm's erf and erfc test slightly different bounds, kept as they are).
     */
    private static double erfcTail(double x, boolean nearRange) {
        double s = 1.0 / (x * x);
        double rNum;
        double sDen;
        if (nearRange) {
            rNum = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
            sDen = 1.0 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
        } else {
            rNum = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
            sDen = 1.0 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
        }
        double z = Ieee754.withLow(x, 0);
        return FdlibmExpLog.exp(-1.0 * z * z - 0.5625) * FdlibmExpLog.exp((z - x) * (z + x) + rNum / sDen);
    }
}
