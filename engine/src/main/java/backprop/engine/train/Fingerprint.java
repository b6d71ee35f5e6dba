package backprop.engine.train;

/**
 * FNV-1a 64 over the IEEE-754 bits of the parameters ({@code Double.doubleToRawLongBits}, 8 bytes
 * each, little-endian), printed as 16 lowercase hex digits. Same on the JVM, in WASM and in JS.
 */
public final class Fingerprint {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Fingerprint() {}

    /** The hash of {@code values[0 .. count)}. */
    public static long hash(double[] values, int count) {
        long h = FNV_OFFSET_BASIS;
        for (int k = 0; k < count; k++) {
            long bits = Double.doubleToRawLongBits(values[k]);
            for (int b = 0; b < 8; b++) {
                h ^= (bits >>> (8 * b)) & 0xFF;
                h *= FNV_PRIME;
            }
        }
        return h;
    }

    /** 16 lowercase hex digits, zero-padded. */
    public static String hex(long value) {
        char[] out = new char[16];
        for (int k = 15; k >= 0; k--) {
            out[k] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }

    /** {@code hex(hash(values, values.length))}. */
    public static String of(double[] values) {
        return hex(hash(values, values.length));
    }
}
