package backprop.engine.export;

import backprop.engine.spec.SpecNumbers;

/**
 * A double written as Python's {@code repr} writes it: the shortest digits that read back to the
 * same double (Python's float parser is correctly rounded, so the value is exact), in fixed
 * notation when the decimal point falls within 16 digits of the first one, else as
 * {@code d.ddde±XX}: {@code 0.03}, {@code 10.0}, {@code 1e-05}, {@code 1.5e+16}, {@code -0.0}.
 * The digits come from {@link SpecNumbers#formatReal}, the same everywhere the engine runs.
 */
public final class PythonFloat {
    private PythonFloat() {}

    /** {@code repr(x)} for a finite x; NaN and infinities as Python's {@code float('nan')} and so on. */
    public static String repr(double x) {
        if (x != x) {
            return "float('nan')";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "float('inf')" : "-float('inf')";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        String plain = SpecNumbers.formatReal(x);
        boolean negative = plain.charAt(0) == '-';
        String magnitude = negative ? plain.substring(1) : plain;
        int point = magnitude.indexOf('.');
        String integerPart = point < 0 ? magnitude : magnitude.substring(0, point);
        String fraction = point < 0 ? "" : magnitude.substring(point + 1);
        String all = integerPart + fraction;
        int firstDigit = 0;
        while (all.charAt(firstDigit) == '0') {
            firstDigit++;
        }
        int lastDigit = all.length();
        while (all.charAt(lastDigit - 1) == '0') {
            lastDigit--;
        }
        String digits = all.substring(firstDigit, lastDigit);
        // x = 0.d1d2...dn * 10^decimalPoint
        int decimalPoint = integerPart.length() - firstDigit;
        String text = decimalPoint <= -4 || decimalPoint > 16
                ? scientific(digits, decimalPoint)
                : fixed(digits, decimalPoint);
        return negative ? "-" + text : text;
    }

    private static String fixed(String digits, int decimalPoint) {
        if (decimalPoint <= 0) {
            return "0." + "0".repeat(-decimalPoint) + digits;
        }
        if (decimalPoint >= digits.length()) {
            return digits + "0".repeat(decimalPoint - digits.length()) + ".0";
        }
        return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
    }

    private static String scientific(String digits, int decimalPoint) {
        int exponent = decimalPoint - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int magnitude = Math.abs(exponent);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
    }
}
