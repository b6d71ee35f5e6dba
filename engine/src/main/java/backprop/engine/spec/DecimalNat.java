package backprop.engine.spec;

/**
 * An immutable natural number in base 10^4 (little-endian {@code int[]} chunks), for printing:
 * its decimal digits come out in linear time. Products and carries stay below 2^31, so only
 * {@code int} arithmetic is used (see {@link BigNat} for the binary counterpart used in parsing).
 */
final class DecimalNat {
    private static final int BASE = 10000;

    /** Little-endian chunks below 10^4; the last one is non-zero (zero has none). */
    private final int[] chunks;

    private DecimalNat(int[] chunks) {
        this.chunks = chunks;
    }

    private static DecimalNat trimmed(int[] chunks) {
        int length = chunks.length;
        while (length > 0 && chunks[length - 1] == 0) {
            length--;
        }
        if (length == chunks.length) {
            return new DecimalNat(chunks);
        }
        int[] copy = new int[length];
        System.arraycopy(chunks, 0, copy, 0, length);
        return new DecimalNat(copy);
    }

    /** value >= 0. */
    static DecimalNat of(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a natural number cannot be negative: " + value);
        }
        int[] chunks = new int[5]; // 2^63 < 10^20
        long rest = value;
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = (int) (rest % BASE);
            rest /= BASE;
        }
        return trimmed(chunks);
    }

    /** 5^exponent, exponent >= 0. */
    static DecimalNat powerOfFive(int exponent) {
        return power(exponent, 5, 15625, 6); // 5^6 = 15625
    }

    /** 2^exponent, exponent >= 0. */
    static DecimalNat powerOfTwo(int exponent) {
        return power(exponent, 2, 8192, 13); // 2^13 = 8192
    }

    /** base^exponent by steps of bigStep = base^stepExponent (below 2^14 so products fit an int). */
    private static DecimalNat power(int exponent, int base, int bigStep, int stepExponent) {
        if (exponent < 0) {
            throw new IllegalArgumentException("exponent must be >= 0, got " + exponent);
        }
        DecimalNat value = of(1);
        int rest = exponent;
        while (rest >= stepExponent) {
            value = value.multiplySmall(bigStep);
            rest -= stepExponent;
        }
        int factor = 1;
        for (int i = 0; i < rest; i++) {
            factor *= base;
        }
        return value.multiplySmall(factor);
    }

    /** this * factor, 0 <= factor <= 2^17: chunk * factor + carry < 10^4 * 2^17 + 2^17 < 2^31. */
    DecimalNat multiplySmall(int factor) {
        if (factor < 0 || factor > (1 << 17)) {
            throw new IllegalArgumentException("factor must be in 0..131072, got " + factor);
        }
        int[] out = new int[chunks.length + 2];
        int carry = 0;
        for (int i = 0; i < chunks.length; i++) {
            int t = chunks[i] * factor + carry;
            out[i] = t % BASE;
            carry = t / BASE;
        }
        out[chunks.length] = carry % BASE;
        out[chunks.length + 1] = carry / BASE;
        return trimmed(out);
    }

    /** this * other, schoolbook: t < 10^4 + (10^4 - 1)^2 + carry stays below 2^31. */
    DecimalNat multiply(DecimalNat other) {
        int[] a = chunks;
        int[] b = other.chunks;
        int[] out = new int[a.length + b.length];
        for (int i = 0; i < a.length; i++) {
            int carry = 0;
            for (int j = 0; j < b.length; j++) {
                int t = out[i + j] + a[i] * b[j] + carry;
                out[i + j] = t % BASE;
                carry = t / BASE;
            }
            for (int k = i + b.length; carry != 0; k++) {
                int t = out[k] + carry;
                out[k] = t % BASE;
                carry = t / BASE;
            }
        }
        return trimmed(out);
    }

    /** this + other. */
    DecimalNat add(DecimalNat other) {
        int length = Math.max(chunks.length, other.chunks.length);
        int[] out = new int[length + 1];
        int carry = 0;
        for (int i = 0; i < length; i++) {
            int t = chunk(i) + other.chunk(i) + carry;
            out[i] = t % BASE;
            carry = t / BASE;
        }
        out[length] = carry;
        return trimmed(out);
    }

    /** this - other, for other <= this. */
    DecimalNat subtract(DecimalNat other) {
        int[] out = new int[chunks.length];
        int borrow = 0;
        for (int i = 0; i < chunks.length; i++) {
            int t = chunks[i] - other.chunk(i) - borrow;
            borrow = t < 0 ? 1 : 0;
            out[i] = t + borrow * BASE;
        }
        if (borrow != 0 || other.chunks.length > chunks.length) {
            throw new IllegalArgumentException("subtraction below zero");
        }
        return trimmed(out);
    }

    private int chunk(int i) {
        return i < chunks.length ? chunks[i] : 0;
    }

    /** Decimal digits without leading zeros ("0" for zero). */
    @Override
    public String toString() {
        if (chunks.length == 0) {
            return "0";
        }
        StringBuilder out = new StringBuilder(chunks.length * 4);
        out.append(chunks[chunks.length - 1]);
        for (int i = chunks.length - 2; i >= 0; i--) {
            int c = chunks[i];
            out.append((char) ('0' + c / 1000))
                    .append((char) ('0' + c / 100 % 10))
                    .append((char) ('0' + c / 10 % 10))
                    .append((char) ('0' + c % 10));
        }
        return out.toString();
    }
}
