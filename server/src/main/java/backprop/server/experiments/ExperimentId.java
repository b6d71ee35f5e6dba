package backprop.server.experiments;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A saved experiment's id: derived from its content, so saving the same thing twice gives the
 * same link (DESIGN.md, "One experiment format").
 *
 * <p>The hashed bytes, one field after another: the canonical spec, the title, the description
 * (each as a 4-byte big-endian length, then its UTF-8 bytes), then the snapshot (a 4-byte
 * big-endian length, then its bytes; an absent snapshot has length 0, which a present one never
 * has), then, only for an experiment on imported points, their canonical CSV text (length, UTF-8
 * bytes): without points the bytes, and so every id saved before, are what they always were. The
 * length prefixes keep the encoding unambiguous ({@code ("ab", "c")} and
 * {@code ("a", "bc")} differ).
 *
 * <p>The id: the SHA-256 of those bytes read as an unsigned big-endian number, written in base 62
 * ({@code 0-9A-Za-z}) as 43 digits with leading zeros (62^43 &gt; 2^256), of which the first 10
 * are kept: about 59.5 bits.
 */
public final class ExperimentId {
    public static final int LENGTH = 10;
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int FULL_DIGITS = 43;
    private static final BigInteger BASE = BigInteger.valueOf(62);
    /** The full 43-digit number divided by this leaves its first 10 digits. */
    private static final BigInteger KEEP_DIVISOR = BASE.pow(FULL_DIGITS - LENGTH);

    private ExperimentId() {}

    /** The id of this content; {@code snapshot} may be null (no trained state). */
    public static String of(String canonicalSpec, String title, String description, byte[] snapshot) {
        return of(canonicalSpec, title, description, snapshot, null);
    }

    /**
     * The id of content with imported points ({@code dataset}, the canonical CSV text; null for
     * none, which hashes exactly as {@link #of(String, String, String, byte[])}, so every id saved
     * without points stays the same).
     */
    public static String of(String canonicalSpec, String title, String description, byte[] snapshot, String dataset) {
        return fromHash(sha256(encode(canonicalSpec, title, description, snapshot, dataset)));
    }

    /**
     * The id of other content saved the same way (a challenge's canonical JSON, an attempt): the
     * first 10 base-62 digits of the SHA-256 of its UTF-8 bytes.
     */
    public static String ofText(String canonical) {
        return fromHash(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** True for exactly 10 characters of {@code 0-9A-Za-z}; anything else cannot name an experiment. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (DIGITS.indexOf(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The bytes described in the class comment. */
    static byte[] encode(String canonicalSpec, String title, String description, byte[] snapshot) {
        return encode(canonicalSpec, title, description, snapshot, null);
    }

    /** With imported points, a fifth field: their canonical CSV text's UTF-8 bytes, length-prefixed. */
    static byte[] encode(String canonicalSpec, String title, String description, byte[] snapshot, String dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, canonicalSpec.getBytes(StandardCharsets.UTF_8));
        field(out, title.getBytes(StandardCharsets.UTF_8));
        field(out, description.getBytes(StandardCharsets.UTF_8));
        field(out, snapshot == null ? new byte[0] : snapshot);
        if (dataset != null) {
            field(out, dataset.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The first 10 of the 43 base-62 digits of a 32-byte hash. */
    static String fromHash(byte[] hash) {
        BigInteger kept = new BigInteger(1, hash).divide(KEEP_DIVISOR);
        char[] id = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            BigInteger[] qr = kept.divideAndRemainder(BASE);
            id[i] = DIGITS.charAt(qr[1].intValue());
            kept = qr[0];
        }
        return new String(id);
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(bytes);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
