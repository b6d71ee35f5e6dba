package backprop.engine.graph;

import backprop.engine.spec.SpecNumbers;

/**
 * Numbers as the explorer writes them, the same in every runtime: {@link #exact} for tables and
 * the command line (the shortest plain decimal that reads back to the same double), and
 * {@link #brief} for the picture (the lecture's look: {@code -12}, {@code 0.73}, {@code -0.20}),
 * and {@link #significant} (4 digits in the step texts) with {@link #shown}, the value a text
 * stands for, so that arithmetic on shown numbers adds up.
 */
public final class GraphText {
    private GraphText() {}

    /** Shortest plain decimal ({@code -4}, {@code 0.7310585786300049}); ∞, -∞ and NaN as such. */
    public static String exact(double x) {
        if (x != x) {
            return "NaN";
        }
        if (x == Double.POSITIVE_INFINITY) {
            return "\u221e";
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return "-\u221e";
        }
        return SpecNumbers.formatReal(x);
    }

    /**
     * For edge labels: integers bare ({@code -12}), otherwise two decimals ({@code 0.73},
     * {@code -0.20}); magnitudes below 0.01 with two significant digits ({@code 0.0012},
     * {@code 3.1e-7}); beyond 1e9 with an exponent.
     */
    public static String brief(double x) {
        if (x != x || x == Double.POSITIVE_INFINITY || x == Double.NEGATIVE_INFINITY) {
            return exact(x);
        }
        double magnitude = Math.abs(x);
        String sign = x < 0 ? "-" : "";
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 1e9) {
            return sign + scientific(magnitude);
        }
        if (magnitude == Math.floor(magnitude)) {
            return sign + SpecNumbers.formatReal(magnitude);
        }
        if (magnitude >= 0.01) {
            String fixed = fixed(magnitude, 2);
            return fixed.equals("0.00") ? fixed : sign + fixed;
        }
        if (magnitude >= 1e-4) {
            // two significant digits: 0.0012, 0.00034
            int decimals = magnitude >= 1e-3 ? 4 : 5;
            return sign + fixed(magnitude, decimals);
        }
        return sign + scientific(magnitude);
    }

    /**
     * x rounded half away from zero to {@code decimals} places, trailing zeros dropped
     * ({@code 0.088}, {@code -0.112}, {@code 2}); non-finite values as {@link #exact}.
     */
    public static String rounded(double x, int decimals) {
        if (x != x || x == Double.POSITIVE_INFINITY || x == Double.NEGATIVE_INFINITY) {
            return exact(x);
        }
        String digits = fixed(Math.abs(x), decimals);
        if (digits.indexOf('.') >= 0) {
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            if (digits.charAt(end - 1) == '.') {
                end--;
            }
            digits = digits.substring(0, end);
        }
        return x < 0 && !digits.equals("0") ? "-" + digits : digits;
    }

    /**
     * x to {@code digits} significant digits, rounded half up, trailing zeros dropped, in plain
     * decimal from 1e-6 to 1e9 ({@code 0.1966}, {@code -0.4}, {@code 12350}, {@code 0.00001234}),
     * with an exponent outside ({@code 1.234e-7}); 0 as {@code 0}; ∞ and NaN as {@link #exact}.
     * {@link #shown} is the double this text stands for.
     */
    public static String significant(double x, int digits) {
        if (digits < 1 || digits > 15) {
            throw new IllegalArgumentException("significant digits must be 1 to 15, got " + digits);
        }
        if (x != x || x == Double.POSITIVE_INFINITY || x == Double.NEGATIVE_INFINITY) {
            return exact(x);
        }
        double magnitude = Math.abs(x);
        if (magnitude == 0) {
            return "0";
        }
        String sign = x < 0 ? "-" : "";
        int exponent = decimalExponent(magnitude);
        double scaledUp = roundToSignificant(magnitude, digits, exponent);
        if (scaledUp >= tenTo(exponent + 1)) {
            // 9.9996 to 4 digits is 10.00: one more place before the point
            exponent++;
        }
        if (magnitude < 1e-6 || magnitude >= 1e9) {
            double mantissa = magnitude;
            for (int e = 0; e < exponent; e++) {
                mantissa /= 10;
            }
            for (int e = 0; e > exponent; e--) {
                mantissa *= 10;
            }
            String m = trimZeros(fixed(mantissa, digits - 1));
            if (m.equals("10")) {
                m = "1";
                exponent++;
            }
            return sign + m + "e" + exponent;
        }
        int decimals = digits - 1 - exponent;
        if (decimals >= 0) {
            return sign + trimZeros(fixed(magnitude, decimals));
        }
        return sign + SpecNumbers.formatReal(roundToSignificant(magnitude, digits, exponent));
    }

    /**
     * The value {@link #significant}{@code (x, digits)} shows, as a double: the step texts compute
     * their results from these, so that the numbers a student reads add up.
     */
    public static double shown(double x, int digits) {
        if (x != x || x == Double.POSITIVE_INFINITY || x == Double.NEGATIVE_INFINITY || x == 0) {
            return x;
        }
        double magnitude = Math.abs(x);
        double rounded = roundToSignificant(magnitude, digits, decimalExponent(magnitude));
        return x < 0 ? -rounded : rounded;
    }

    /** magnitude rounded half up to {@code digits} significant digits, given its decimal exponent. */
    private static double roundToSignificant(double magnitude, int digits, int exponent) {
        int decimals = digits - 1 - exponent;
        if (decimals >= 0) {
            double scale = tenTo(decimals);
            // an integer over a power of ten: the double nearest the decimal, as parsing it gives
            return Math.floor(magnitude * scale + 0.5) / scale;
        }
        double scale = tenTo(-decimals);
        return Math.floor(magnitude / scale + 0.5) * scale;
    }

    /** The e with 10^e <= magnitude < 10^(e+1), for a finite magnitude > 0. */
    private static int decimalExponent(double magnitude) {
        int exponent = 0;
        double m = magnitude;
        while (m >= 10) {
            m /= 10;
            exponent++;
        }
        while (m < 1) {
            m *= 10;
            exponent--;
        }
        return exponent;
    }

    /** 10^e: exact for 0 <= e <= 22, the nearest chain of divisions below (used only to compare). */
    private static double tenTo(int e) {
        double p = 1;
        for (int i = 0; i < e; i++) {
            p *= 10;
        }
        for (int i = 0; i > e; i--) {
            p /= 10;
        }
        return p;
    }

    private static String trimZeros(String digits) {
        if (digits.indexOf('.') < 0) {
            return digits;
        }
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        if (digits.charAt(end - 1) == '.') {
            end--;
        }
        return digits.substring(0, end);
    }

    /** A non-negative finite x rounded half up to {@code decimals} places, in plain decimal. */
    static String fixed(double magnitude, int decimals) {
        double scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        double scaled = Math.floor(magnitude * scale + 0.5);
        String digits = SpecNumbers.formatReal(scaled);
        while (digits.length() <= decimals) {
            digits = "0" + digits;
        }
        int point = digits.length() - decimals;
        return decimals == 0 ? digits : digits.substring(0, point) + "." + digits.substring(point);
    }

    /** Two significant digits and an exponent: {@code 3.1e-7}, {@code 1.2e12}. */
    static String scientific(double magnitude) {
        int exponent = 0;
        double m = magnitude;
        while (m >= 10) {
            m /= 10;
            exponent++;
        }
        while (m < 1) {
            m *= 10;
            exponent--;
        }
        String mantissa = fixed(m, 1);
        if (mantissa.equals("10.0")) {
            mantissa = "1.0";
            exponent++;
        }
        return mantissa + "e" + exponent;
    }
}
