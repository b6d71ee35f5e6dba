package backprop.engine.bench;

/** The two number shapes the benchmark lines need, the same text on every runtime. */
final class Json {
    private Json() {}

    /** A JSON number ({@code Double.toString} digits, which TeaVM reproduces), or null for NaN and infinities. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return Double.toString(value);
    }

    /** {@code value} rounded to {@code 1 / scale} ({@code scale} a power of ten), so it prints short. */
    static double round(double value, double scale) {
        return Math.floor(value * scale + 0.5) / scale;
    }

    /** {@code text} as the inside of a JSON string. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
