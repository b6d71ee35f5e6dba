package backprop.engine.spec;

/**
 * Exact conversions between decimal digits and {@code double}.
 *
 * <p>Why not {@code Double.parseDouble} and {@code Double.toString}: the spec must mean the same
 * double on the JVM, in WebAssembly and in JavaScript, and print the same text everywhere.
 * Java 17's {@code Double.toString} is not always the shortest, and TeaVM's parser and printer
 * are its own (a 64-bit mantissa synthesizer, not correctly rounded for every input). Here both
 * directions are decided by exact integer comparisons ({@link BigNat}), so the results are the
 * same bits everywhere.
 */
final class DecimalConversion {
    private static final long HIDDEN_BIT = 1L << 52;
    private static final long FRACTION_MASK = HIDDEN_BIT - 1;
    /** Binary exponent of a subnormal's last bit: the smallest subnormal is 2^-1074. */
    private static final int MIN_EXPONENT = -1074;
    /** A finite double is significand * 2^(biasedExponent - 1075) (biased exponent 1 for subnormals). */
    private static final int EXPONENT_OFFSET = 1075;

    private static final double TWO_TO_52 = 4503599627370496.0;
    /** Bits of Double.MAX_VALUE: the largest finite double as an ordered bit pattern. */
    private static final long MAX_FINITE_BITS = 0x7FEFFFFFFFFFFFFFL;
    /** Enough significant digits to round-trip any double (IEEE 754, 17 for binary64). */
    private static final int MAX_ROUND_TRIP_DIGITS = 17;
    /**
     * Digits kept when reading: a midpoint between two doubles has at most 767 significant
     * digits, so digits beyond 800 matter only as "something non-zero follows".
     */
    private static final int MAX_READ_DIGITS = 800;
    /** 10^0 .. 10^22, all exact doubles (10^22 = 5^22 * 2^22 and 5^22 < 2^53). */
    private static final double[] EXACT_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private DecimalConversion() {}

    /**
     * The double nearest to digits * 10^exponent10 (ties to even): 0.0 below half the smallest
     * subnormal, +Infinity from half an ulp past {@code Double.MAX_VALUE}.
     *
     * @param digits ASCII decimal digits, leading and trailing zeros allowed, not empty
     */
    static double toDouble(String digits, int exponent10) {
        int start = 0;
        while (start < digits.length() && digits.charAt(start) == '0') {
            start++;
        }
        if (start == digits.length()) {
            return 0.0;
        }
        int end = digits.length();
        long exponent = exponent10;
        while (digits.charAt(end - 1) == '0') {
            end--;
            exponent++;
        }
        String significant = digits.substring(start, end);
        int count = significant.length();
        // 10^(count - 1 + exponent) <= value < 10^(count + exponent)
        if (count - 1 + exponent >= 309) {
            return Double.POSITIVE_INFINITY; // >= 1e309 > Double.MAX_VALUE
        }
        if (count + exponent <= -325) {
            return 0.0; // < 1e-325, below half the smallest subnormal (2.47e-324)
        }
        if (count > MAX_READ_DIGITS) {
            // The last digit is non-zero, so the dropped part is: keep it as one sticky digit.
            exponent += count - (MAX_READ_DIGITS + 1);
            significant = significant.substring(0, MAX_READ_DIGITS) + "1";
            count = MAX_READ_DIGITS + 1;
        }
        int exponentInt = (int) exponent;
        if (count <= 15 && exponentInt >= -22 && exponentInt <= 22) {
            // Clinger's fast path: both operands are exact doubles, and one IEEE multiplication or
            // division is correctly rounded in every runtime.
            double mantissa = 0.0;
            for (int i = 0; i < count; i++) {
                mantissa = (significant.charAt(i) - '0') + mantissa * 10.0; // nested operand first (TeaVM JS)
            }
            return exponentInt >= 0
                    ? mantissa * EXACT_POWERS_OF_TEN[exponentInt]
                    : mantissa / EXACT_POWERS_OF_TEN[-exponentInt];
        }
        return nearestDouble(significant, exponentInt);
    }

    /**
     * Exact rounding of value = mantissa * 10^exponent10: find the largest double not above the
     * value (starting from a floating-point estimate, then galloping and bisecting with exact
     * comparisons, so the estimate's error costs time, never correctness), then compare the value
     * with the midpoint to the next double.
     */
    private static double nearestDouble(String significant, int exponent10) {
        BigNat mantissa = BigNat.parseDecimal(significant);
        // value = numerator * 2^exponent10 / fiveDivisor, kept as integers.
        BigNat numerator;
        BigNat fiveDivisor;
        if (exponent10 >= 0) {
            numerator = mantissa.multiply(BigNat.powerOfFive(exponent10));
            fiveDivisor = BigNat.ONE;
        } else {
            numerator = mantissa;
            fiveDivisor = BigNat.powerOfFive(-exponent10);
        }
        long start = Double.doubleToRawLongBits(estimate(significant, exponent10));
        start = Math.max(0L, Math.min(MAX_FINITE_BITS, start));
        long low; // value(low) <= value
        long high; // value(high) > value; MAX_FINITE_BITS + 1 stands for +Infinity
        if (compareWithDouble(numerator, exponent10, fiveDivisor, start, false) >= 0) {
            low = start;
            long step = 1;
            high = low + step;
            while (high <= MAX_FINITE_BITS && compareWithDouble(numerator, exponent10, fiveDivisor, high, false) >= 0) {
                low = high;
                step *= 2;
                high = low + step;
            }
            high = Math.min(high, MAX_FINITE_BITS + 1);
        } else {
            high = start;
            long step = 1;
            low = high - step;
            while (low > 0 && compareWithDouble(numerator, exponent10, fiveDivisor, low, false) < 0) {
                high = low;
                step *= 2;
                low = high - step;
            }
            low = Math.max(low, 0L); // the double 0 is never above the value
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (compareWithDouble(numerator, exponent10, fiveDivisor, middle, false) >= 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        // value(low) <= value < value(low + 1); compare with the midpoint (2m + 1) * 2^(e - 1).
        int side = compareWithDouble(numerator, exponent10, fiveDivisor, low, true);
        boolean roundUp = side > 0 || (side == 0 && (low & 1L) == 1L);
        long bits = roundUp ? low + 1 : low;
        return bits > MAX_FINITE_BITS ? Double.POSITIVE_INFINITY : Double.longBitsToDouble(bits);
    }

    /**
     * A floating-point estimate of significant * 10^exponent10 (its first 17 digits, then exact
     * powers of ten): within a few ulps for normal results, coarser for subnormal ones.
     */
    private static double estimate(String significant, int exponent10) {
        int used = Math.min(significant.length(), MAX_ROUND_TRIP_DIGITS);
        double value = 0.0;
        for (int i = 0; i < used; i++) {
            value = (significant.charAt(i) - '0') + value * 10.0;
        }
        int remaining = exponent10 + (significant.length() - used);
        while (remaining > 0) {
            int step = Math.min(22, remaining);
            value = value * EXACT_POWERS_OF_TEN[step];
            remaining -= step;
        }
        while (remaining < 0) {
            int step = Math.min(22, -remaining);
            value = value / EXACT_POWERS_OF_TEN[step];
            remaining += step;
        }
        return value;
    }

    /**
     * Sign of value - d, where value = numerator * 2^exponent2 / fiveDivisor and d is the finite
     * double with these bits, or the midpoint between d and the next double up.
     */
    private static int compareWithDouble(
            BigNat numerator, int exponent2, BigNat fiveDivisor, long bits, boolean midpoint) {
        int biasedExponent = (int) (bits >>> 52);
        long significand = biasedExponent == 0 ? bits & FRACTION_MASK : (bits & FRACTION_MASK) | HIDDEN_BIT;
        int doubleExponent2 = (biasedExponent == 0 ? 1 : biasedExponent) - EXPONENT_OFFSET;
        if (midpoint) {
            significand = 2 * significand + 1;
            doubleExponent2--;
        }
        // value ? d  <=>  numerator * 2^exponent2 ? significand * fiveDivisor * 2^doubleExponent2
        BigNat right = BigNat.of(significand).multiply(fiveDivisor);
        return BigNat.compareScaled(numerator, exponent2, right, doubleExponent2);
    }

    /**
     * The plain decimal (no exponent) with the fewest significant digits that {@link #toDouble}
     * maps back to x; among equally short ones, the nearest to x (ties to an even last digit).
     * -0.0 gives "0"; NaN and infinities give "NaN", "Infinity", "-Infinity".
     *
     * <p>Method: write x and the midpoints to its neighbours as exact decimal integers over one
     * common power of ten (finite, since each is an integer times a power of 2). For k = 1..17
     * try x's two k-digit neighbours, truncated and truncated + 1: any other k-digit decimal in
     * x's rounding interval lies beyond one of them, so this finds the shortest even where the
     * interval is lopsided (at powers of 2). A candidate reads back to x exactly when it lies
     * strictly between the midpoints, or on one of them when x's significand is even (ties go
     * to the even significand).
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
        String few = fewDecimals(negative, Math.abs(x));
        if (few != null) {
            return few;
        }
        long bits = Double.doubleToRawLongBits(Math.abs(x));
        int biasedExponent = (int) (bits >>> 52);
        long significand = biasedExponent == 0 ? bits & FRACTION_MASK : (bits & FRACTION_MASK) | HIDDEN_BIT;
        int exponent2 = (biasedExponent == 0 ? 1 : biasedExponent) - EXPONENT_OFFSET;
        // In units of 2^(e - 2): x = 4m, upper midpoint 4m + 2, lower midpoint 4m - 2, or 4m - 1
        // when x is a power of two above a binade with half the spacing.
        int unitExponent2 = exponent2 - 2;
        int lowerGap = significand == HIDDEN_BIT && biasedExponent > 1 ? 1 : 2;
        // All three as decimal integers times 10^unitExponent10: a unit 2^-k is 5^k * 10^-k.
        int unitExponent10 = Math.min(0, unitExponent2);
        DecimalNat unit =
                unitExponent2 >= 0 ? DecimalNat.powerOfTwo(unitExponent2) : DecimalNat.powerOfFive(-unitExponent2);
        DecimalNat exactValue = DecimalNat.of(4 * significand).multiply(unit);
        String exact = exactValue.toString();
        String upper = exactValue.add(unit.multiplySmall(2)).toString();
        String lower = exactValue.subtract(unit.multiplySmall(lowerGap)).toString();
        boolean tiesReadBack = (significand & 1L) == 0L;
        int length = exact.length();
        for (int k = 1; k <= MAX_ROUND_TRIP_DIGITS; k++) {
            int zeros = Math.max(0, length - k);
            if (allZero(exact, k)) {
                return plain(negative, exact.substring(0, Math.min(k, length)), unitExponent10 + zeros);
            }
            String floor = exact.substring(0, k);
            String ceiling = increment(floor);
            int floorVersusLower = comparePadded(floor, zeros, lower);
            boolean floorReadsBack = floorVersusLower > 0 || (floorVersusLower == 0 && tiesReadBack);
            int ceilingVersusUpper = comparePadded(ceiling, zeros, upper);
            boolean ceilingReadsBack = ceilingVersusUpper < 0 || (ceilingVersusUpper == 0 && tiesReadBack);
            if (floorReadsBack && ceilingReadsBack) {
                int side = compareWithHalf(exact, k);
                boolean takeFloor = side < 0 || (side == 0 && (floor.charAt(k - 1) - '0') % 2 == 0);
                return plain(negative, takeFloor ? floor : ceiling, unitExponent10 + zeros);
            }
            if (floorReadsBack) {
                return plain(negative, floor, unitExponent10 + zeros);
            }
            if (ceilingReadsBack) {
                return plain(negative, ceiling, unitExponent10 + zeros);
            }
        }
        throw new IllegalStateException("no 17-digit decimal reads back as " + x + " (cannot happen)");
    }

    /**
     * Fast path for the common case (0.03, 1.5, 10): the smallest j <= 15 with magnitude equal to
     * the double nearest k / 10^j for an integer k < 2^52. Then k / 10^j reads back (one
     * correctly rounded division, as in {@link #toDouble}), and it is the shortest such decimal:
     * the doubles there are closer than 10^-j, so no other decimal on that grid or a coarser one
     * reads back to the same double. Null when there is no such j.
     */
    private static String fewDecimals(boolean negative, double magnitude) {
        for (int j = 0; j <= 15; j++) {
            double scaled = magnitude * EXACT_POWERS_OF_TEN[j];
            if (!(scaled < TWO_TO_52)) {
                return null;
            }
            double units = Math.floor(scaled + 0.5);
            if (units >= 1.0 && units / EXACT_POWERS_OF_TEN[j] == magnitude) {
                return plain(negative, Long.toString((long) units), -j);
            }
        }
        return null;
    }

    /** Sign of (prefix followed by {@code zeros} zeros) - number, all decimal integers without leading zeros. */
    private static int comparePadded(String prefix, int zeros, String number) {
        int length = prefix.length() + zeros;
        if (length != number.length()) {
            return length < number.length() ? -1 : 1;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) != number.charAt(i)) {
                return prefix.charAt(i) < number.charAt(i) ? -1 : 1;
            }
        }
        return allZero(number, prefix.length()) ? 0 : -1;
    }

    /** True when every digit from position {@code from} on is 0 (or there is none). */
    private static boolean allZero(String digits, int from) {
        for (int i = from; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** Sign of (the digits after position k, as a fraction) - 1/2; they are not all zero. */
    private static int compareWithHalf(String digits, int k) {
        char first = digits.charAt(k);
        if (first != '5') {
            return first < '5' ? -1 : 1;
        }
        return allZero(digits, k + 1) ? 0 : 1;
    }

    /** The decimal digit string plus one ("199" gives "200", "99" gives "100"). */
    private static String increment(String digits) {
        char[] out = digits.toCharArray();
        for (int i = out.length - 1; i >= 0; i--) {
            if (out[i] != '9') {
                out[i]++;
                return new String(out);
            }
            out[i] = '0';
        }
        return "1" + new String(out);
    }

    /** digits * 10^exponent10 written without an exponent and without trailing zeros. */
    private static String plain(boolean negative, String digitsWithZeros, int exponent10) {
        int end = digitsWithZeros.length();
        int exponent = exponent10;
        while (end > 1 && digitsWithZeros.charAt(end - 1) == '0') {
            end--;
            exponent++;
        }
        String digits = digitsWithZeros.substring(0, end);
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) {
            out.append('-');
        }
        if (exponent >= 0) {
            out.append(digits);
            for (int i = 0; i < exponent; i++) {
                out.append('0');
            }
            return out.toString();
        }
        int pointPosition = digits.length() + exponent;
        if (pointPosition > 0) {
            out.append(digits.substring(0, pointPosition)).append('.').append(digits.substring(pointPosition));
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
