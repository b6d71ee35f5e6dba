package backprop.engine.math;

/**
 * Word access to IEEE-754 doubles for the fdlibm ports: fdlibm reads and writes the high and
 * low 32-bit words of a double ({@code __HI(x)}, {@code __LO(x)}). Here they are plain
 * {@code int}s; a {@code long} appears only inside these helpers, never in a loop.
 */
final class Ieee754 {
    private static final double TWO54 = 1.80143985094819840000e+16; /* 0x43500000, 0x00000000 */
    private static final double TWOM54 = 5.55111512312578270212e-17; /* 0x3C900000, 0x00000000 */
    private static final double HUGE = 1.0e+300;
    private static final double TINY = 1.0e-300;

    private Ieee754() {}

    /** The high word: sign, 11 exponent bits, top 20 significand bits. */
    static int high(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    /** The low word: the bottom 32 significand bits. */
    static int low(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    /** The double whose words are {@code high} and {@code low}. */
    static double fromWords(int high, int low) {
        return Double.longBitsToDouble(((long) high << 32) | (low & 0xFFFFFFFFL));
    }

    /** {@code x} with its high word replaced (fdlibm's {@code SET_HIGH_WORD}). */
    static double withHigh(double x, int high) {
        return fromWords(high, low(x));
    }

    /** {@code x} with its low word replaced (fdlibm's {@code SET_LOW_WORD}). */
    static double withLow(double x, int low) {
        return fromWords(high(x), low);
    }

    /**
     * 2^k for -56 <= k <= 56, exactly, from int shifts: (2^(j/4))^4 · 2^(j mod 4) · 2^-56 with
     * j = k + 56, every factor and product an exact power of two. No table: in TeaVM's
     * WebAssembly every access to a static array first calls its class initialisation check.
     */
    static double twoPowSmall(int k) {
        int j = k + 56;
        double p = (double) (1 << (j >> 2));
        double p2 = p * p;
        return p2 * p2 * (double) (1 << (j & 3)) * 0x1p-56;
    }

    /** 2^k, for -1022 <= k <= 1023 (normal powers of two only). */
    static double twoPow(int k) {
        if (k >= -56 && k <= 56) {
            return twoPowSmall(k);
        }
        return PowersOfTwo.twoPow(k);
    }

    /**
     * y * 2^k for -1022 <= k <= 1024 when the result is a normal number: then it is exact and
     * equal to fdlibm's "add k to the exponent field" ({@code __HI(y) += k << 20}), without
     * touching the bits (which costs BigInt operations in TeaVM's JavaScript).
     */
    static double mulTwoPow(double y, int k) {
        if (k >= -56 && k <= 56) {
            return twoPowSmall(k) * y;
        }
        if (k > 1023) {
            return y * 2.0 * PowersOfTwo.twoPow(1023);
        }
        return y * PowersOfTwo.twoPow(k);
    }

    /** {@code magnitude} with the sign bit of {@code sign}, by bit editing (fdlibm's copysign). */
    static double copySign(double magnitude, double sign) {
        return withHigh(magnitude, (high(magnitude) & 0x7fffffff) | (high(sign) & 0x80000000));
    }

    /**
     * x * 2^n, correctly rounded (fdlibm s_scalbn.c): the exponent is edited directly and a
     * subnormal result is rounded once, by the final multiplication by 2^-54.
     */
    static double scalbn(double x, int n) {
        int hx = high(x);
        int lx = low(x);
        int k = (hx & 0x7ff00000) >> 20; // biased exponent
        if (k == 0) { // 0 or subnormal x
            if ((lx | (hx & 0x7fffffff)) == 0) {
                return x; // +-0
            }
            x *= TWO54;
            hx = high(x);
            k = ((hx & 0x7ff00000) >> 20) - 54;
            if (n < -50000) {
                return TINY * x; // underflow
            }
        }
        if (k == 0x7ff) {
            return x + x; // NaN or Inf
        }
        k = k + n;
        if (k > 0x7fe) {
            return HUGE * copySign(HUGE, x); // overflow
        }
        if (k > 0) { // normal result
            return withHigh(x, (hx & 0x800fffff) | (k << 20));
        }
        if (k <= -54) {
            if (n > 50000) { // n + k overflowed the int
                return HUGE * copySign(HUGE, x);
            }
            return TINY * copySign(TINY, x); // underflow
        }
        k += 54; // subnormal result
        x = withHigh(x, (hx & 0x800fffff) | (k << 20));
        return x * TWOM54;
    }
}
