package backprop.engine.graph;

import backprop.engine.spec.SpecNumbers;

/**
 * Numbers as the explorer writes them, the same in every runtime: {@link #exact} for tables and
 * the command line (the shortest plain decimal that reads back to the same double), and
 * {@link #brief} for the picture (the lecture's look: {@code -12}, {@code 0.73}, {@code -0.20}).
 */
public final class GraphText {
    private GraphText() {
    }

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
