package backprop.engine.spec;

/**
 * An immutable natural number of any size, just big enough for exact decimal conversion of
 * doubles (about 3,600 bits at most). Limbs are base 2^15 in an {@code int[]}, little-endian,
 * so every product and carry fits in a signed 32-bit int: no {@code long} (a BigInt in
 * TeaVM's JavaScript) and nothing from {@code java.math} (which the engine does not import).
 */
final class BigNat {
    private static final int BITS = 15;
    private static final int MASK = (1 << BITS) - 1;
    /** Largest factor for {@link #multiplySmall}: limb * factor + carry stays below 2^31. */
    private static final int MAX_SMALL = 65535;

    static final BigNat ZERO = new BigNat(new int[0]);
    static final BigNat ONE = new BigNat(new int[] {1});

    /** Little-endian limbs below 2^15; the last one is non-zero (ZERO has none). */
    private final int[] limbs;

    private BigNat(int[] limbs) {
        this.limbs = limbs;
    }

    /** Drops high zero limbs. */
    private static BigNat trimmed(int[] limbs) {
        int length = limbs.length;
        while (length > 0 && limbs[length - 1] == 0) {
            length--;
        }
        if (length == limbs.length) {
            return new BigNat(limbs);
        }
        int[] copy = new int[length];
        System.arraycopy(limbs, 0, copy, 0, length);
        return new BigNat(copy);
    }

    /** value >= 0 (a double's 53-bit significand, for instance). */
    static BigNat of(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a natural number cannot be negative: " + value);
        }
        int[] limbs = new int[5]; // 63 bits need at most 5 limbs of 15
        long rest = value;
        for (int i = 0; i < limbs.length; i++) {
            limbs[i] = (int) (rest & MASK);
            rest >>>= BITS;
        }
        return trimmed(limbs);
    }

    /** From ASCII decimal digits (leading zeros allowed). */
    static BigNat parseDecimal(String digits) {
        BigNat value = ZERO;
        int i = 0;
        while (i < digits.length()) {
            int end = Math.min(i + 4, digits.length());
            int chunk = 0;
            int factor = 1;
            for (int k = i; k < end; k++) {
                chunk = chunk * 10 + (digits.charAt(k) - '0');
                factor *= 10;
            }
            value = value.multiplySmall(factor).addSmall(chunk);
            i = end;
        }
        return value;
    }

    /** 5^exponent, exponent >= 0. */
    static BigNat powerOfFive(int exponent) {
        BigNat value = ONE;
        int rest = exponent;
        while (rest >= 6) {
            value = value.multiplySmall(15625); // 5^6
            rest -= 6;
        }
        int factor = 1;
        for (int i = 0; i < rest; i++) {
            factor *= 5;
        }
        return value.multiplySmall(factor);
    }

    boolean isZero() {
        return limbs.length == 0;
    }

    /** this * factor, 0 <= factor <= 65535. */
    BigNat multiplySmall(int factor) {
        if (factor < 0 || factor > MAX_SMALL) {
            throw new IllegalArgumentException("factor must be in 0..65535, got " + factor);
        }
        int[] out = new int[limbs.length + 2];
        int carry = 0;
        for (int i = 0; i < limbs.length; i++) {
            int t = limbs[i] * factor + carry; // < 2^15 * 2^16 + 2^16 < 2^31
            out[i] = t & MASK;
            carry = t >>> BITS;
        }
        out[limbs.length] = carry & MASK;
        out[limbs.length + 1] = carry >>> BITS;
        return trimmed(out);
    }

    /** this + addend, 0 <= addend < 2^15. */
    BigNat addSmall(int addend) {
        int[] out = new int[limbs.length + 1];
        int carry = addend;
        for (int i = 0; i < limbs.length; i++) {
            int t = limbs[i] + carry;
            out[i] = t & MASK;
            carry = t >>> BITS;
        }
        out[limbs.length] = carry;
        return trimmed(out);
    }

    /** this * other (schoolbook; the numbers here are at most a few hundred limbs). */
    BigNat multiply(BigNat other) {
        if (isZero() || other.isZero()) {
            return ZERO;
        }
        int[] a = limbs;
        int[] b = other.limbs;
        int[] out = new int[a.length + b.length];
        for (int i = 0; i < a.length; i++) {
            int ai = a[i];
            if (ai == 0) {
                continue;
            }
            int carry = 0;
            for (int j = 0; j < b.length; j++) {
                int t = out[i + j] + ai * b[j] + carry; // < 2^15 + (2^15-1)^2 + 2^16 < 2^31
                out[i + j] = t & MASK;
                carry = t >>> BITS;
            }
            for (int k = i + b.length; carry != 0; k++) {
                int t = out[k] + carry;
                out[k] = t & MASK;
                carry = t >>> BITS;
            }
        }
        return trimmed(out);
    }

    /** this * 2^bits, bits >= 0. */
    BigNat shiftLeft(int bits) {
        if (bits < 0) {
            throw new IllegalArgumentException("shift must be >= 0, got " + bits);
        }
        if (isZero() || bits == 0) {
            return this;
        }
        int limbShift = bits / BITS;
        int bitShift = bits % BITS;
        int[] out = new int[limbs.length + limbShift + 1];
        for (int i = 0; i < limbs.length; i++) {
            int shifted = limbs[i] << bitShift; // < 2^30
            out[i + limbShift] |= shifted & MASK;
            out[i + limbShift + 1] |= shifted >>> BITS;
        }
        return trimmed(out);
    }

    /** Negative, zero or positive as this is below, equal to or above other. */
    int compareTo(BigNat other) {
        if (limbs.length != other.limbs.length) {
            return limbs.length < other.limbs.length ? -1 : 1;
        }
        for (int i = limbs.length - 1; i >= 0; i--) {
            if (limbs[i] != other.limbs[i]) {
                return limbs[i] < other.limbs[i] ? -1 : 1;
            }
        }
        return 0;
    }

    /** Compares a * 2^aExponent with b * 2^bExponent exactly. */
    static int compareScaled(BigNat a, int aExponent, BigNat b, int bExponent) {
        if (aExponent >= bExponent) {
            return a.shiftLeft(aExponent - bExponent).compareTo(b);
        }
        return a.compareTo(b.shiftLeft(bExponent - aExponent));
    }

    /** Decimal digits, without leading zeros ("0" for zero). */
    @Override
    public String toString() {
        if (isZero()) {
            return "0";
        }
        // Peel off base-10^4 chunks by short division, least significant first.
        StringBuilder reversedChunks = new StringBuilder();
        int[] rest = limbs.clone();
        int length = rest.length;
        while (length > 0) {
            int remainder = 0;
            for (int i = length - 1; i >= 0; i--) {
                int current = (remainder << BITS) | rest[i]; // remainder < 10^4 < 2^14
                rest[i] = current / 10000;
                remainder = current % 10000;
            }
            while (length > 0 && rest[length - 1] == 0) {
                length--;
            }
            for (int d = 0; d < 4; d++) {
                if (length == 0 && remainder == 0 && d > 0) {
                    break; // no leading zeros in the most significant chunk
                }
                reversedChunks.append((char) ('0' + remainder % 10));
                remainder /= 10;
            }
        }
        return reversedChunks.reverse().toString();
    }
}
