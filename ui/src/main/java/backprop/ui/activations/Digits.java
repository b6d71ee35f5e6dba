package backprop.ui.activations;

import backprop.engine.spec.SpecNumbers;

/**
 * Numbers for people: a value to a few significant digits, in plain ASCII ({@code 0.999955},
 * {@code 4.53979e-5}, {@code -10}). Works on the digits of {@link Double#toString(double)}, which
 * TeaVM prints like the JVM, so every runtime shows the same text (its {@code String.format}
 * does not round the same way).
 */
public final class Digits {
    private Digits() {}

    /**
     * {@code value} rounded half up to {@code digits} significant digits (1..17), trailing zeros
     * dropped; plain decimals for magnitudes from 1e-4 up to 1e10, else {@code d.ddde-5}.
     */
    public static String significant(double value, int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be 1..17, got " + digits);
        }
        if (value != value) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        String text = Double.toString(Math.abs(value));
        int exponentAt = text.indexOf('E');
        int exponent = exponentAt < 0 ? 0 : Integer.parseInt(text.substring(exponentAt + 1));
        String mantissa = exponentAt < 0 ? text : text.substring(0, exponentAt);
        int point = mantissa.indexOf('.');
        String whole = point < 0 ? mantissa : mantissa.substring(0, point);
        String fraction = point < 0 ? "" : mantissa.substring(point + 1);
        StringBuilder all = new StringBuilder(whole).append(fraction);
        // value = all[0].all[1..] x 10^e
        int e = whole.length() - 1 + exponent;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        all.delete(0, lead);
        e -= lead;
        if (all.length() > digits) {
            boolean up = all.charAt(digits) >= '5';
            all.setLength(digits);
            if (up) {
                int i = digits - 1;
                while (i >= 0 && all.charAt(i) == '9') {
                    all.setCharAt(i, '0');
                    i--;
                }
                if (i < 0) {
                    all.insert(0, '1');
                    all.setLength(digits);
                    e++;
                } else {
                    all.setCharAt(i, (char) (all.charAt(i) + 1));
                }
            }
        }
        int end = all.length();
        while (end > 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        all.setLength(end);
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
        }
        if (e >= -4 && e < 10) {
            if (e >= 0) {
                for (int i = 0; i <= e; i++) {
                    out.append(i < all.length() ? all.charAt(i) : '0');
                }
                if (all.length() > e + 1) {
                    out.append('.').append(all, e + 1, all.length());
                }
            } else {
                out.append("0.");
                for (int i = 0; i < -e - 1; i++) {
                    out.append('0');
                }
                out.append(all);
            }
        } else {
            out.append(all.charAt(0));
            if (all.length() > 1) {
                out.append('.').append(all, 1, all.length());
            }
            out.append('e').append(e);
        }
        return out.toString();
    }

    /**
     * A number typed by a person ({@code -10}, {@code 2.5}, {@code 1e-3}; spaces around it and a
     * leading {@code +} are fine), by the spec's number reader; null when the text is not a finite
     * number, so the caller can name the field in its message. A comma is not a decimal point.
     */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        double v = SpecNumbers.parseReal(t);
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
