package backprop.engine.bench;

/** The two number shapes the benchmark lines need, the same text on every runtime. */
final class Json {
    private Json() {
    }

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
}
