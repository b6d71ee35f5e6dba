package backprop.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cross-platform fingerprint: stable, well-formed, and built from StrictMath-equal values. */
class MathProbeTest {
    /**
     * The probe value on the JVM. The browser builds (WebAssembly and JavaScript) must print
     * the same; if a deliberate change to Fdlibm, Rng or the probe inputs changes it, update it
     * here and in the browser parity expectations.
     */
    static final String JVM_CHECKSUM = "a39ec1d078f36abb";

    @Test
    void checksumIsStableAndWellFormed() {
        String first = MathProbe.checksum();
        String second = MathProbe.checksum();
        assertEquals(first, second);
        assertTrue(first.matches("[0-9a-f]{16}"), first);
        assertEquals(JVM_CHECKSUM, first);
    }

    @Test
    void checksumEqualsTheOneComputedWithStrictMath() {
        double[][] in = MathProbe.inputs();
        double[] xs = in[0];
        int functions = MathProbe.UNARY_FUNCTIONS.length;
        double[] reference = new double[xs.length * functions + in[1].length];
        int o = 0;
        for (double x : xs) {
            for (int f = 0; f < functions; f++) {
                reference[o++] = strictMath(MathProbe.UNARY_FUNCTIONS[f], x);
            }
        }
        for (int i = 0; i < in[1].length; i++) {
            reference[o++] = StrictMath.pow(in[1][i], in[2][i]);
        }
        assertEquals(MathProbe.hex16(MathProbe.fnv1a(reference)), MathProbe.checksum());
        assertTrue(xs.length + in[1].length >= 2000, "probe has only " + (xs.length + in[1].length) + " inputs");
    }

    /** The StrictMath counterpart where there is one; asinh, erf, erfc and sigmoid have none. */
    private static double strictMath(String function, double x) {
        return switch (function) {
            case "exp" -> StrictMath.exp(x);
            case "log" -> StrictMath.log(x);
            case "log1p" -> StrictMath.log1p(x);
            case "expm1" -> StrictMath.expm1(x);
            case "tanh" -> StrictMath.tanh(x);
            case "sinh" -> StrictMath.sinh(x);
            case "cosh" -> StrictMath.cosh(x);
            case "atan" -> StrictMath.atan(x);
            case "sin" -> StrictMath.sin(x);
            case "cos" -> StrictMath.cos(x);
            case "sqrt" -> StrictMath.sqrt(x);
            case "asinh" -> Fdlibm.asinh(x);
            case "erf" -> Fdlibm.erf(x);
            case "erfc" -> Fdlibm.erfc(x);
            case "sigmoid" -> Fdlibm.sigmoid(x);
            default -> throw new IllegalArgumentException("no reference for " + function);
        };
    }

    @Test
    void probeCoversEveryFunctionOnEveryInput() {
        double[][] in = MathProbe.inputs();
        assertEquals(in[0].length * MathProbe.UNARY_FUNCTIONS.length + in[1].length, MathProbe.outputs().length);
        assertEquals(in[1].length, in[2].length);
        // the inputs are deterministic, and the random part really is random
        assertEquals(Double.doubleToRawLongBits(in[0][100]), Double.doubleToRawLongBits(MathProbe.inputs()[0][100]));
        assertNotEquals(in[0][100], in[0][106]);
    }

    @Test
    void fnv1aMatchesTheReferenceAlgorithm() {
        // FNV-1a 64 of no bytes is the offset basis; the others were computed byte by byte
        assertEquals("cbf29ce484222325", MathProbe.hex16(MathProbe.fnv1a(new double[0])));
        assertEquals("aab1693229ba1db8", MathProbe.hex16(MathProbe.fnv1a(new double[] {1.0})));
        assertEquals("2f12dcea1c5dde38", MathProbe.hex16(MathProbe.fnv1a(new double[] {1.0, -0.0})));
        // little-endian: the bits 0x0102030405060708 are hashed as the bytes 08 07 06 ... 01
        assertEquals(
                "0c6d4496e17859d5",
                MathProbe.hex16(MathProbe.fnv1a(new double[] {Double.longBitsToDouble(0x0102030405060708L)})));
    }

    @Test
    void everyNanHashesAsTheCanonicalNan() {
        double quiet = Double.NaN;
        double negativeQuiet = Double.longBitsToDouble(0xfff8000000000000L);
        double payload = Double.longBitsToDouble(0x7ff0000000000123L);
        long expected = MathProbe.fnv1a(new double[] {quiet});
        assertEquals(expected, MathProbe.fnv1a(new double[] {negativeQuiet}));
        assertEquals(expected, MathProbe.fnv1a(new double[] {payload}));
        assertNotEquals(expected, MathProbe.fnv1a(new double[] {Double.POSITIVE_INFINITY}));
    }

    @Test
    void hexIsZeroPaddedLowercase() {
        assertEquals("0000000000000001", MathProbe.hex16(1L));
        assertEquals("ffffffffffffffff", MathProbe.hex16(-1L));
        assertEquals("00000000deadbeef", MathProbe.hex16(0xdeadbeefL));
        assertEquals("8000000000000000", MathProbe.hex16(Long.MIN_VALUE));
    }
}
