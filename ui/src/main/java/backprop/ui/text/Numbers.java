package backprop.ui.text;

/**
 * Plain ASCII decimals for the page ({@code -0.1234}), the same in every runtime: TeaVM's
 * {@code String.format} rounds differently, so we format ourselves.
 */
public final class Numbers {
    private Numbers() {}

    /** {@code value} rounded half away from zero to {@code decimals} places; NaN prints "NaN". */
    public static String fixed(double value, int decimals) {
        if (value != value) {
            return "NaN";
        }
        if (value == Double.POSITIVE_INFINITY) {
            return "Infinity";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Infinity";
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        boolean negative = value < 0;
        double magnitude = Math.abs(value);
        if (magnitude * scale >= 9.0e15) {
            return (negative ? "-" : "") + Long.toString((long) magnitude);
        }
        long scaled = (long) Math.floor(magnitude * scale + 0.5);
        if (scaled == 0) {
            negative = false;
        }
        String whole = Long.toString(scaled / scale);
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        out.append(whole);
        if (decimals > 0) {
            String fraction = Long.toString(scaled % scale);
            out.append('.');
            for (int i = fraction.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(fraction);
        }
        return out.toString();
    }
}
