package backprop.engine.math;

/**
 * A fingerprint of {@link Fdlibm} for cross-platform checks: every Fdlibm function evaluated on
 * a fixed list of about 2,000 inputs, hashed with FNV-1a 64. The JVM, the WebAssembly build
 * and the JavaScript build must print the same 16 hex digits; if one differs, some function
 * is not bit-identical there.
 *
 * <p>Inputs: special values (zeros, infinities, NaN, subnormals, thresholds, multiples of
 * pi/2) followed by numbers drawn from {@code Rng.derive(12345, 0, 0)} across several ranges,
 * and pairs for pow. Outputs are hashed as 8 little-endian bytes of their IEEE-754 bits, with
 * every NaN mapped to the canonical NaN (0x7ff8000000000000) because the NaN payload a
 * platform produces is not specified.
 */
public final class MathProbe {
    private MathProbe() {}

    /** The unary functions in hashing order; {@link #evaluate(int, double)} indexes this list. */
    static final String[] UNARY_FUNCTIONS = {
        "exp", "log", "log1p", "expm1", "tanh", "sinh", "cosh", "asinh", "atan", "sin", "cos", "sqrt", "erf", "erfc",
        "sigmoid",
    };

    private static final int RANDOM_UNARY_INPUTS = 1800;
    private static final int RANDOM_POW_PAIRS = 600;
    private static final long CANONICAL_NAN_BITS = 0x7ff8000000000000L;
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final double HALF_PI = 1.5707963267948966;

    /** The 16-hex-digit FNV-1a 64 of all probe outputs (see the class comment). */
    public static String checksum() {
        return hex16(fnv1a(outputs()));
    }

    /** Unary function number {@code function} of {@link #UNARY_FUNCTIONS} at x. */
    static double evaluate(int function, double x) {
        switch (function) {
            case 0:
                return Fdlibm.exp(x);
            case 1:
                return Fdlibm.log(x);
            case 2:
                return Fdlibm.log1p(x);
            case 3:
                return Fdlibm.expm1(x);
            case 4:
                return Fdlibm.tanh(x);
            case 5:
                return Fdlibm.sinh(x);
            case 6:
                return Fdlibm.cosh(x);
            case 7:
                return Fdlibm.asinh(x);
            case 8:
                return Fdlibm.atan(x);
            case 9:
                return Fdlibm.sin(x);
            case 10:
                return Fdlibm.cos(x);
            case 11:
                return Fdlibm.sqrt(x);
            case 12:
                return Fdlibm.erf(x);
            case 13:
                return Fdlibm.erfc(x);
            case 14:
                return Fdlibm.sigmoid(x);
            default:
                throw new IllegalArgumentException(
                        "function index must be in [0, " + UNARY_FUNCTIONS.length + "), got " + function);
        }
    }

    /**
     * All probe outputs in hashing order: for each unary input, every unary function in
     * {@link #UNARY_FUNCTIONS} order; then pow for each pair.
     */
    static double[] outputs() {
        double[][] in = inputs();
        double[] xs = in[0];
        double[] powXs = in[1];
        double[] powYs = in[2];
        double[] out = new double[xs.length * UNARY_FUNCTIONS.length + powXs.length];
        int o = 0;
        for (double x : xs) {
            for (int f = 0; f < UNARY_FUNCTIONS.length; f++) {
                out[o++] = evaluate(f, x);
            }
        }
        for (int i = 0; i < powXs.length; i++) {
            out[o++] = Fdlibm.pow(powXs[i], powYs[i]);
        }
        return out;
    }

    /**
     * The probe inputs {unary xs, pow bases, pow exponents}: special values first, then
     * random ones, all drawn in this order from one {@code Rng.derive(12345, 0, 0)}.
     */
    static double[][] inputs() {
        double[] special = {
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -0.5,
            2.0,
            -2.0,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            -Double.MIN_NORMAL,
            0x1.fffffffffffffp-1023,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            1e-300,
            -1e-300,
            0x1p-28,
            0x1p-29,
            0x1p-54,
            0x1p-55,
            709.782712893384,
            709.7827128933841,
            -745.1332191019411,
            -745.1332191019412,
            710.4758600739439,
            22.0,
            -22.0,
            0.84375,
            1.25,
            2.857142857142857,
            6.0,
            28.0,
            0.34657359027997264,
            1.0397207708399179,
            0.41421356237309503,
            -0.2928932188134524,
            HALF_PI,
            -HALF_PI,
            2 * HALF_PI,
            3 * HALF_PI,
            4 * HALF_PI,
            0.7853981633974483,
            2.356194490192345,
            1e6 * HALF_PI,
            823549.6654965515,
            1e9,
            1e22,
            1e300,
            0x1p1023,
        };
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        double[] specialPowX = {
            0.0,
            -0.0,
            0.0,
            -0.0,
            -0.0,
            inf,
            -inf,
            -inf,
            -inf,
            1.0,
            1.0,
            -1.0,
            -1.0,
            nan,
            nan,
            2.0,
            2.0,
            2.0,
            -2.0,
            -2.0,
            -2.0,
            0.5,
            0.5,
            -8.0,
            10.0,
            10.0,
            1.0000001,
            0.9999999,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            3.0,
            -3.0,
            7.0,
            2.0,
            2.0,
        };
        double[] specialPowY = {
            -1.0,
            -1.0,
            3.0,
            3.0,
            0.5,
            -2.0,
            3.0,
            -3.0,
            0.5,
            nan,
            inf,
            inf,
            2.5,
            0.0,
            1.0,
            1024.0,
            -1074.0,
            -1075.0,
            3.0,
            0.5,
            1e300,
            inf,
            -inf,
            1.0 / 3.0,
            308.0,
            -323.0,
            1e10,
            1e10,
            0.5,
            2.0,
            0.5,
            2.0,
            -1.0,
            1023.9999999999999,
            -1074.5,
        };

        Rng rng = Rng.derive(12345, 0, 0);
        double[] xs = new double[special.length + RANDOM_UNARY_INPUTS];
        System.arraycopy(special, 0, xs, 0, special.length);
        for (int i = 0; i < RANDOM_UNARY_INPUTS; i++) {
            double x;
            switch (i % 6) {
                case 0:
                    x = rng.uniform(-1, 1);
                    break;
                case 1:
                    x = rng.uniform(-8, 8);
                    break;
                case 2:
                    x = rng.uniform(-40, 40);
                    break;
                case 3:
                    x = rng.uniform(-750, 750);
                    break;
                // the inlined uniform(...) sum goes first (TeaVM drops the parentheses of a + (b + c))
                case 4:
                    x = rng.uniform(-1e-6, 1e-6) + (rng.nextInt(200001) - 100000) * HALF_PI;
                    break;
                default:
                    x = Double.longBitsToDouble(rng.nextLong());
                    break; // any bit pattern
            }
            xs[special.length + i] = x;
        }

        double[] powXs = new double[specialPowX.length + RANDOM_POW_PAIRS];
        double[] powYs = new double[powXs.length];
        System.arraycopy(specialPowX, 0, powXs, 0, specialPowX.length);
        System.arraycopy(specialPowY, 0, powYs, 0, specialPowY.length);
        for (int i = 0; i < RANDOM_POW_PAIRS; i++) {
            int at = specialPowX.length + i;
            switch (i % 4) {
                case 0:
                    powXs[at] = rng.uniform(0, 10);
                    powYs[at] = rng.uniform(-30, 30);
                    break;
                case 1:
                    powXs[at] = rng.uniform(-10, 10);
                    powYs[at] = rng.nextInt(81) - 40;
                    break;
                case 2:
                    powXs[at] = rng.uniform(-3, 3);
                    powYs[at] = (rng.nextInt(61) - 30) + 0.5;
                    break;
                default:
                    powXs[at] = rng.uniform(0.999, 1.001);
                    powYs[at] = rng.uniform(-1e7, 1e7);
                    break;
            }
        }
        return new double[][] {xs, powXs, powYs};
    }

    /** FNV-1a 64 over the little-endian bytes of each value's bits, NaN made canonical. */
    static long fnv1a(double[] values) {
        long hash = FNV_OFFSET_BASIS;
        for (double v : values) {
            long bits = (v != v) ? CANONICAL_NAN_BITS : Double.doubleToRawLongBits(v);
            for (int b = 0; b < 8; b++) {
                hash ^= (bits >>> (8 * b)) & 0xffL;
                hash *= FNV_PRIME;
            }
        }
        return hash;
    }

    /** 16 lowercase hex digits, zero-padded (no String.format: TeaVM formats differently). */
    static String hex16(long value) {
        char[] digits = new char[16];
        for (int i = 15; i >= 0; i--) {
            digits[i] = "0123456789abcdef".charAt((int) (value & 0xf));
            value >>>= 4;
        }
        return new String(digits);
    }
}
