package backprop.engine.spec;

/**
 * How numbers are written in a spec, and read back, identically in every runtime.
 *
 * <p>Grammar (decided once; version 1 of the format relies on it):
 * <ul>
 *   <li>integer: one or more ASCII digits; no sign, no '+', no spaces, no decimal point or
 *       exponent ({@code 1.0} and {@code 1e3} are not integers). Leading zeros are accepted and
 *       mean nothing ({@code 010} is ten, never octal); the printer never writes them.</li>
 *   <li>real: optional '-', one or more digits, optional '.' followed by one or more digits,
 *       optional exponent {@code e} or {@code E} with optional sign and digits. So {@code .5},
 *       {@code 5.}, {@code +5}, {@code NaN}, {@code Infinity} and hex are rejected. Exponents are
 *       accepted on input but never printed.</li>
 *   <li>coordinate (custom points): optional '-', digits, optional '.' and digits, at most 2
 *       decimals once trailing zeros are dropped ({@code 1.50} is fine, {@code 1.234} is not).</li>
 * </ul>
 * Decimal to double is correctly rounded (ties to even); double to decimal is the shortest plain
 * decimal that reads back to the same double. Both are decided by exact integer arithmetic
 * ({@link DecimalConversion}), so a spec means the same bits on the JVM, in WASM and in JS.
 */
public final class SpecNumbers {
    /** Integers longer than this (after leading zeros) are out of every range; keeps them in a long. */
    private static final int MAX_INTEGER_DIGITS = 12;

    private static final long SATURATED_INTEGER = 1_000_000_000_000L;
    /** Exponents beyond this are out of every range whatever the digits (the text is at most 16 KB). */
    private static final int MAX_EXPONENT_MAGNITUDE = 1_000_000;

    private SpecNumbers() {}

    /**
     * The shortest plain decimal that reads back to x: {@code 0.03}, {@code 10}, {@code 0.0000001}
     * for 1e-7, {@code 0.30000000000000004} for 0.1 + 0.2. -0.0 prints as {@code 0}; non-finite
     * values as {@code NaN}, {@code Infinity}, {@code -Infinity} (which no spec accepts).
     */
    public static String formatReal(double x) {
        return DecimalConversion.shortest(x);
    }

    /**
     * Reads a real in the spec's grammar, correctly rounded. Returns NaN when the text is not in
     * the grammar (NaN itself is never accepted), and +-Infinity when it is beyond the doubles.
     */
    public static double parseReal(String text) {
        if (text == null) {
            return Double.NaN;
        }
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (i < length && text.charAt(i) == '-') {
            negative = true;
            i++;
        }
        int integerStart = i;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
        }
        int integerEnd = i;
        if (integerEnd == integerStart) {
            return Double.NaN;
        }
        int fractionStart = i;
        int fractionEnd = i;
        if (i < length && text.charAt(i) == '.') {
            i++;
            fractionStart = i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            fractionEnd = i;
            if (fractionEnd == fractionStart) {
                return Double.NaN;
            }
        }
        long exponent = 0;
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                negativeExponent = text.charAt(i) == '-';
                i++;
            }
            int exponentStart = i;
            while (i < length && isDigit(text.charAt(i))) {
                if (exponent < MAX_EXPONENT_MAGNITUDE) {
                    exponent = exponent * 10 + (text.charAt(i) - '0');
                }
                i++;
            }
            if (i == exponentStart) {
                return Double.NaN;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != length) {
            return Double.NaN;
        }
        String digits = text.substring(integerStart, integerEnd) + text.substring(fractionStart, fractionEnd);
        int fractionDigits = fractionEnd - fractionStart;
        int exponent10 = (int) (exponent - fractionDigits);
        double magnitude = DecimalConversion.toDouble(digits, exponent10);
        return negative ? -magnitude : magnitude;
    }

    /**
     * Reads a custom point's coordinate: the real grammar without exponent, at most 2 decimals
     * (trailing zeros do not count), in [-6, 6]. Returns NaN when any of that fails; -0 reads as 0.
     */
    public static double parseCoordinate(String text) {
        if (text == null || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return Double.NaN;
        }
        int point = text.indexOf('.');
        if (point >= 0) {
            int end = text.length();
            while (end > point + 1 && text.charAt(end - 1) == '0') {
                end--;
            }
            if (end - point - 1 > 2) {
                return Double.NaN;
            }
        }
        double x = parseReal(text);
        if (!(x >= Plane.MIN && x <= Plane.MAX)) {
            return Double.NaN;
        }
        return x + 0.0; // -0.0 + 0.0 is +0.0
    }

    /** The coordinate as printed in {@code points}: shortest, so at most 2 decimals for a valid one. */
    public static String formatCoordinate(double x) {
        return formatReal(x);
    }

    /**
     * The nearest valid coordinate to x: clamped to [-6, 6] and rounded to 2 decimals (the double
     * nearest to k/100, as the parser would read it). For the page, which places points by clicks.
     */
    public static double roundCoordinate(double x) {
        if (x != x) {
            throw new IllegalArgumentException("coordinate is NaN");
        }
        double clamped = Plane.clamp(x);
        int hundredths = (int) Math.floor(clamped * 100.0 + 0.5);
        return hundredths / 100.0 + 0.0;
    }

    /**
     * Reads a non-negative integer in the spec's grammar (digits only, leading zeros allowed).
     * Returns -1 when the text is not in the grammar; values too large for any range saturate
     * at 10^12 so that they still compare as out of range.
     */
    public static long parseInteger(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return -1;
            }
        }
        int start = 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;
        }
        if (text.length() - start > MAX_INTEGER_DIGITS) {
            return SATURATED_INTEGER;
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return Math.min(value, SATURATED_INTEGER);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
