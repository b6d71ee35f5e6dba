package backprop.engine.spec;

import java.math.BigInteger;

/**
 * Exact conversions between decimal digits and {@code double}, in integer arithmetic only.
 *
 * <p>Why not {@code Double.parseDouble} and {@code Double.toString}: the spec must mean the same
 * double on the JVM, in WebAssembly and in JavaScript, and print the same text everywhere.
 * Java 17's {@code Double.toString} is not always the shortest, and TeaVM's parser and printer
 * are its own (a 64-bit mantissa synthesizer, not correctly rounded for every input). Here both
 * directions are computed exactly with {@link BigInteger}, which is plain integer arithmetic in
 * every runtime, so the results are the same bits everywhere.
 */
final class DecimalConversion {
    private static final long HIDDEN_BIT = 1L << 52;
    private static final long FRACTION_MASK = HIDDEN_BIT - 1;
    /** Smallest binary exponent of a subnormal's last bit: the minimum subnormal is 2^-1074. */
    private static final int MIN_EXPONENT = -1074;
    /** Exponent bias plus 52: a normal double is mantissa * 2^(biasedExponent - 1075). */
    private static final int EXPONENT_OFFSET = 1075;
    /** Enough significant digits to round-trip any double (IEEE 754, 17 for binary64). */
    private static final int MAX_DIGITS = 17;

    private DecimalConversion() {
    }

    /**
     * The double nearest to {@code mantissa * 10^exponent10} (ties to even), for mantissa >= 0:
     * 0.0 when the value is below half the smallest subnormal, +Infinity when it rounds past
     * {@code Double.MAX_VALUE}.
     *
     * <p>Method: scale the fraction num/den by 2^shift so that its integer part q has 55 or 56
     * bits, keep the remainder as a sticky bit, then round q to the 53 bits of a normal double
     * (or to the fixed last bit 2^-1074 of a subnormal).
     */
    static double toDouble(BigInteger mantissa, int exponent10) {
        if (mantissa.signum() == 0) {
            return 0.0;
        }
        int bits = mantissa.bitLength();
        // 2^(bits-1) <= mantissa < 2^bits, and log10(2) is between 0.30102 and 0.30103.
        int lowerDigits = (int) (((long) (bits - 1) * 30102L) / 100000L);
        int upperDigits = (int) (((long) bits * 30103L) / 100000L) + 1;
        if ((long) lowerDigits + exponent10 >= 310) {
            return Double.POSITIVE_INFINITY; // >= 1e310 > Double.MAX_VALUE
        }
        if ((long) upperDigits + exponent10 <= -326) {
            return 0.0; // < 1e-326, below half of the smallest subnormal (4.9e-324)
        }
        BigInteger num = mantissa;
        BigInteger den = BigInteger.ONE;
        if (exponent10 >= 0) {
            num = num.multiply(BigInteger.TEN.pow(exponent10));
        } else {
            den = BigInteger.TEN.pow(-exponent10);
        }
        // num/den lies in (2^(b-1), 2^(b+1)) with b = bitLength(num) - bitLength(den);
        // times 2^shift it lies in (2^54, 2^56).
        int shift = 55 - (num.bitLength() - den.bitLength());
        if (shift >= 0) {
            num = num.shiftLeft(shift);
        } else {
            den = den.shiftLeft(-shift);
        }
        BigInteger[] quotientAndRemainder = num.divideAndRemainder(den);
        long q = quotientAndRemainder[0].longValue();
        boolean sticky = quotientAndRemainder[1].signum() != 0;
        int qBits = 64 - Long.numberOfLeadingZeros(q);
        // value = (q + remainder/den) * 2^-shift, with its leading bit at 2^topExponent.
        int topExponent = qBits - 1 - shift;
        int lowestKept = Math.max(topExponent - 52, MIN_EXPONENT);
        int drop = lowestKept + shift;
        if (drop >= 60) {
            return 0.0; // the value is below a quarter of the last kept bit: rounds to zero
        }
        long kept = q >>> drop;
        long dropped = q & ((1L << drop) - 1);
        long half = 1L << (drop - 1);
        if (dropped > half || (dropped == half && (sticky || (kept & 1L) == 1L))) {
            kept++;
        }
        if (lowestKept == MIN_EXPONENT && kept < HIDDEN_BIT) {
            return Double.longBitsToDouble(kept); // subnormal: biased exponent 0
        }
        if (kept == HIDDEN_BIT << 1) {
            kept >>>= 1;
            lowestKept++;
        }
        long biasedExponent = (long) lowestKept + EXPONENT_OFFSET;
        if (biasedExponent >= 2047) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.longBitsToDouble((biasedExponent << 52) | (kept & FRACTION_MASK));
    }

    /**
     * The plain decimal (no exponent) with the fewest significant digits that {@link #toDouble}
     * maps back to x; among equally short ones, the nearest to x (ties to an even last digit).
     * -0.0 gives "0"; NaN and infinities give "NaN", "Infinity", "-Infinity".
     *
     * <p>For each digit count k = 1..17 only the two k-digit neighbours of x, floor and ceiling,
     * can round-trip (any other k-digit decimal in x's rounding interval lies beyond one of them),
     * so checking those two gives the shortest even where the interval is lopsided (at powers of 2).
     */
    static String shortest(double x) {
        if (x != x) {
            return "NaN";
        }
        if (x == Double.POSITIVE_INFINITY) {
            return "Infinity";
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return "-Infinity";
        }
        if (x == 0.0) {
            return "0";
        }
        boolean negative = x < 0.0;
        double magnitude = Math.abs(x);
        long bits = Double.doubleToRawLongBits(magnitude);
        int biasedExponent = (int) (bits >>> 52);
        long significand;
        int exponent2;
        if (biasedExponent == 0) {
            significand = bits & FRACTION_MASK;
            exponent2 = MIN_EXPONENT;
        } else {
            significand = (bits & FRACTION_MASK) | HIDDEN_BIT;
            exponent2 = biasedExponent - EXPONENT_OFFSET;
        }
        // magnitude = num / den exactly.
        BigInteger num = BigInteger.valueOf(significand);
        BigInteger den = BigInteger.ONE;
        if (exponent2 >= 0) {
            num = num.shiftLeft(exponent2);
        } else {
            den = den.shiftLeft(-exponent2);
        }
        int decimalExponent = decimalExponent(num, den);
        for (int digits = 1; digits <= MAX_DIGITS; digits++) {
            // magnitude * 10^scale lies in [10^(digits-1), 10^digits).
            int scale = digits - 1 - decimalExponent;
            BigInteger scaledNum = num;
            BigInteger scaledDen = den;
            if (scale >= 0) {
                scaledNum = scaledNum.multiply(BigInteger.TEN.pow(scale));
            } else {
                scaledDen = scaledDen.multiply(BigInteger.TEN.pow(-scale));
            }
            BigInteger[] quotientAndRemainder = scaledNum.divideAndRemainder(scaledDen);
            BigInteger floor = quotientAndRemainder[0];
            BigInteger remainder = quotientAndRemainder[1];
            if (remainder.signum() == 0) {
                return plain(negative, floor, -scale); // exact in this many digits
            }
            BigInteger ceiling = floor.add(BigInteger.ONE);
            boolean floorRoundTrips = toDouble(floor, -scale) == magnitude;
            boolean ceilingRoundTrips = toDouble(ceiling, -scale) == magnitude;
            if (floorRoundTrips && ceilingRoundTrips) {
                int side = remainder.shiftLeft(1).compareTo(scaledDen);
                boolean takeFloor = side < 0 || (side == 0 && !floor.testBit(0));
                return plain(negative, takeFloor ? floor : ceiling, -scale);
            }
            if (floorRoundTrips) {
                return plain(negative, floor, -scale);
            }
            if (ceilingRoundTrips) {
                return plain(negative, ceiling, -scale);
            }
        }
        throw new IllegalStateException("no 17-digit decimal round-trips " + x + " (cannot happen)");
    }

    /** The d with 10^d <= num/den < 10^(d+1), for num/den > 0. */
    private static int decimalExponent(BigInteger num, BigInteger den) {
        int binaryExponent = num.bitLength() - den.bitLength();
        int estimate = (binaryExponent * 30103) / 100000;
        while (compareWithPowerOfTen(num, den, estimate + 1) >= 0) {
            estimate++;
        }
        while (compareWithPowerOfTen(num, den, estimate) < 0) {
            estimate--;
        }
        return estimate;
    }

    /** Sign of num/den - 10^power. */
    private static int compareWithPowerOfTen(BigInteger num, BigInteger den, int power) {
        if (power >= 0) {
            return num.compareTo(den.multiply(BigInteger.TEN.pow(power)));
        }
        return num.multiply(BigInteger.TEN.pow(-power)).compareTo(den);
    }

    /** digits * 10^exponent10 written without an exponent and without trailing zeros. */
    private static String plain(boolean negative, BigInteger digitsValue, int exponent10) {
        String digits = digitsValue.toString();
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
            exponent10++;
        }
        digits = digits.substring(0, end);
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) {
            out.append('-');
        }
        if (exponent10 >= 0) {
            out.append(digits);
            for (int i = 0; i < exponent10; i++) {
                out.append('0');
            }
            return out.toString();
        }
        int pointPosition = digits.length() + exponent10;
        if (pointPosition > 0) {
            out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
        } else {
            out.append("0.");
            for (int i = pointPosition; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        return out.toString();
    }
}
