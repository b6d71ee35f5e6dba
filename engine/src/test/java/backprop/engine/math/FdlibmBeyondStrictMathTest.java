package backprop.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The functions StrictMath lacks (asinh, erf, erfc, sigmoid): checked against high-precision
 * reference values (computed with mpmath at 60 digits, then rounded to double), against
 * independent formulas, and for their symmetries.
 */
class FdlibmBeyondStrictMathTest {

    /** Distance in units in the last place between two finite doubles of the same sign. */
    private static long ulps(double a, double b) {
        if (a == b) {
            return 0;
        }
        assertTrue(Math.signum(a) == Math.signum(b), a + " and " + b + " differ in sign");
        return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
    }

    private static void assertWithinUlps(double expected, double actual, long maxUlps, String what) {
        long d = ulps(expected, actual);
        assertTrue(d <= maxUlps, what + ": expected " + expected + ", got " + actual + " (" + d + " ulp)");
    }

    private static void assertSameBits(double expected, double actual, String what) {
        assertEquals(
                Double.doubleToRawLongBits(expected),
                Double.doubleToRawLongBits(actual),
                what + ": expected " + expected + ", got " + actual);
    }

    // ---------------------------------------------------------------- asinh

    @Test
    void asinhMatchesReferenceValues() {
        double[][] cases = {
            {1e-5, 9.999999999833334e-06}, {0.001, 0.0009999998333334083}, {0.1, 0.09983407889920756},
            {0.5, 0.48121182505960347}, {1.0, 0.881373587019543}, {2.0, 1.4436354751788103},
            {3.0, 1.8184464592320668}, {10.0, 2.99822295029797}, {1000.0, 7.600902709541988},
            {1e10, 23.7189981105004}, {1e300, 691.4686750787737},
        };
        for (double[] c : cases) {
            assertWithinUlps(c[1], Fdlibm.asinh(c[0]), 1, "asinh(" + c[0] + ")");
            assertWithinUlps(-c[1], Fdlibm.asinh(-c[0]), 1, "asinh(" + -c[0] + ")");
        }
    }

    @Test
    void asinhAgreesWithTheLogFormulaInTheModerateRange() {
        Rng rng = Rng.derive(7, 1, 0);
        long worst = 0;
        for (int i = 0; i < 100_000; i++) {
            double x = (i % 2 == 0) ? rng.uniform(1, 50) : Math.scalb(1 + rng.nextDouble(), rng.nextInt(40));
            double reference = StrictMath.log(x + StrictMath.sqrt(x * x + 1));
            worst = Math.max(worst, ulps(reference, Fdlibm.asinh(x)));
        }
        // the reference formula itself is off by up to ~2 ulp near x = 1
        assertTrue(worst <= 3, "asinh differs from log(x + sqrt(x^2 + 1)) by " + worst + " ulp");
    }

    @Test
    void asinhAgreesWithItsTaylorSeriesForSmallArguments() {
        Rng rng = Rng.derive(7, 2, 0);
        for (int i = 0; i < 50_000; i++) {
            double x = Math.scalb(1 + rng.nextDouble(), -10 - rng.nextInt(40));
            double x2 = x * x;
            // asinh x = x - x^3/6 + 3x^5/40 - 15x^7/336 + O(x^9), |x| < 2^-9
            double series = x + x * (x2 * (-1.0 / 6 + x2 * (3.0 / 40 - x2 * (15.0 / 336))));
            assertWithinUlps(series, Fdlibm.asinh(x), 1, "asinh(" + x + ")");
        }
    }

    @Test
    void asinhIsExactlyOdd() {
        Rng rng = Rng.derive(7, 3, 0);
        for (int i = 0; i < 100_000; i++) {
            double x = Double.longBitsToDouble(rng.nextLong() & 0x7fffffffffffffffL);
            if (Double.isNaN(x)) {
                continue;
            }
            assertSameBits(-Fdlibm.asinh(x), Fdlibm.asinh(-x), "asinh(-" + x + ")");
        }
        assertSameBits(0.0, Fdlibm.asinh(0.0), "asinh(0)");
        assertSameBits(-0.0, Fdlibm.asinh(-0.0), "asinh(-0)");
        assertEquals(Double.POSITIVE_INFINITY, Fdlibm.asinh(Double.POSITIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, Fdlibm.asinh(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Fdlibm.asinh(Double.NaN)));
        assertEquals(710.4758600739439, Fdlibm.asinh(Double.MAX_VALUE), 1e-12);
    }

    @Test
    void sinhUndoesAsinh() {
        Rng rng = Rng.derive(7, 4, 0);
        for (int i = 0; i < 20_000; i++) {
            double x = rng.uniform(-20, 20);
            assertEquals(x, Fdlibm.sinh(Fdlibm.asinh(x)), 8e-15 * Math.max(1, Math.abs(x)), "sinh(asinh(" + x + "))");
        }
    }

    // ---------------------------------------------------------------- erf, erfc

    @Test
    void erfMatchesReferenceValuesWithinOneUlp() {
        double[][] cases = {
            {1e-300, 1.1283791670955126e-300},
            {1e-10, 1.1283791670955126e-10},
            {0.1, 0.1124629160182849},
            {0.25, 0.27632639016823696},
            {0.5, 0.5204998778130465},
            {0.75, 0.7111556336535151},
            {0.84375, 0.7672256612323416},
            {1.0, 0.8427007929497149},
            {1.1, 0.8802050695740817},
            {1.25, 0.9229001282564583},
            {1.5, 0.9661051464753108},
            {2.0, 0.9953222650189527},
            {2.5, 0.999593047982555},
            {2.857142857142857, 0.9999466876886117},
            {3.0, 0.9999779095030014},
            {4.0, 0.9999999845827421},
            {5.0, 0.9999999999984626},
            {5.9, 0.9999999999999999},
            {6.0, 1.0},
        };
        for (double[] c : cases) {
            assertWithinUlps(c[1], Fdlibm.erf(c[0]), 1, "erf(" + c[0] + ")");
            assertWithinUlps(-c[1], Fdlibm.erf(-c[0]), 1, "erf(" + -c[0] + ")");
        }
        assertEquals(1.0, Fdlibm.erf(6.0));
        assertEquals(1.0, Fdlibm.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Fdlibm.erf(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Fdlibm.erf(Double.NaN)));
        assertSameBits(-0.0, Fdlibm.erf(-0.0), "erf(-0)");
        assertSameBits(Double.MIN_VALUE, Fdlibm.erf(Double.MIN_VALUE), "erf(MIN_VALUE)");
    }

    @Test
    void erfcMatchesReferenceValuesWithinOneUlp() {
        double[][] cases = {
            {-3.0, 1.9999779095030015}, {-0.5, 1.5204998778130465}, {0.1, 0.887537083981715},
            {0.3, 0.6713732405408726}, {0.5, 0.4795001221869535}, {1.0, 0.15729920705028513},
            {2.0, 0.004677734981047266}, {3.0, 2.209049699858544e-05}, {5.0, 1.537459794428035e-12},
            {10.0, 2.088487583762545e-45}, {20.0, 5.395865611607901e-176}, {26.0, 5.663192408856143e-296},
        };
        for (double[] c : cases) {
            assertWithinUlps(c[1], Fdlibm.erfc(c[0]), 1, "erfc(" + c[0] + ")");
        }
        assertEquals(1.0, Fdlibm.erfc(0.0));
        assertEquals(0.0, Fdlibm.erfc(Double.POSITIVE_INFINITY));
        assertEquals(2.0, Fdlibm.erfc(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Fdlibm.erfc(30.0));
        assertTrue(Double.isNaN(Fdlibm.erfc(Double.NaN)));
    }

    @Test
    void erfIsExactlyOddAndErfcComplementsIt() {
        Rng rng = Rng.derive(7, 5, 0);
        for (int i = 0; i < 100_000; i++) {
            double x = (i % 2 == 0) ? rng.uniform(0, 7) : Double.longBitsToDouble(rng.nextLong() & 0x7fffffffffffffffL);
            if (Double.isNaN(x)) {
                continue;
            }
            assertSameBits(-Fdlibm.erf(x), Fdlibm.erf(-x), "erf(-" + x + ")");
            if (x < 7) {
                // erf + erfc = 1: both are within an ulp, so the sum is within a few ulp of 1
                assertEquals(1.0, Fdlibm.erf(x) + Fdlibm.erfc(x), 3e-16, "erf + erfc at " + x);
                assertEquals(2.0, Fdlibm.erfc(x) + Fdlibm.erfc(-x), 5e-16, "erfc(x) + erfc(-x) at " + x);
            }
        }
    }

    @Test
    void erfHasTheGaussianAsDerivative() {
        // d/dx erf(x) = 2/sqrt(pi) e^(-x^2), by central differences
        double h = 1e-5;
        for (double x = -5; x <= 5; x += 0.03125) {
            double slope = (Fdlibm.erf(x + h) - Fdlibm.erf(x - h)) / (2 * h);
            double gaussian = 2 / Math.sqrt(Math.PI) * StrictMath.exp(-x * x);
            assertEquals(gaussian, slope, 1e-9, "erf'(" + x + ")");
        }
    }

    @Test
    void erfIsMonotone() {
        double previous = -1.0;
        for (double x = -6.5; x <= 6.5; x += 1.0 / 1024) {
            double y = Fdlibm.erf(x);
            assertTrue(y >= previous, "erf decreases at " + x);
            previous = y;
        }
    }

    // ---------------------------------------------------------------- sigmoid

    @Test
    void sigmoidMatchesReferenceValues() {
        double[][] cases = {
            {0.0, 0.5},
            {1.0, 0.7310585786300049},
            {-1.0, 0.2689414213699951},
            {2.0, 0.8807970779778824},
            {-2.0, 0.11920292202211756},
            {10.0, 0.9999546021312976},
            {-10.0, 4.5397868702434395e-05},
            {30.0, 0.9999999999999064},
            {-30.0, 9.357622968839299e-14},
            {40.0, 1.0},
            {-40.0, 4.248354255291589e-18},
            {800.0, 1.0},
            {1e-20, 0.5},
        };
        for (double[] c : cases) {
            assertWithinUlps(c[1], Fdlibm.sigmoid(c[0]), 1, "sigmoid(" + c[0] + ")");
        }
        assertEquals(0.0, Fdlibm.sigmoid(-800));
        assertEquals(1.0, Fdlibm.sigmoid(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Fdlibm.sigmoid(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Fdlibm.sigmoid(Double.NaN)));
    }

    @Test
    void sigmoidIsSymmetricAboutOneHalf() {
        // sigmoid(-x) = 1 - sigmoid(x) to one ulp of 1.0, the scale of the subtraction: 1 - s is
        // exact (Sterbenz) but s = 1/(1 + e^-x) and e^-x/(1 + e^-x) round independently, so
        // they can differ by up to 1.5 ulp of s (measured over 2e6 samples), i.e. 0.75 ulp of 1
        Rng rng = Rng.derive(7, 6, 0);
        for (int i = 0; i < 100_000; i++) {
            double x = (i % 2 == 0) ? rng.uniform(0, 40) : rng.uniform(0, 2);
            double s = Fdlibm.sigmoid(x);
            assertEquals(1 - s, Fdlibm.sigmoid(-x), Math.ulp(1.0), "sigmoid(-" + x + ")");
        }
    }

    @Test
    void sigmoidNeverOverflowsAndHasDerivativeSigmaOneMinusSigma() {
        for (double x = -1000; x <= 1000; x += 0.5) {
            double s = Fdlibm.sigmoid(x);
            assertTrue(s >= 0 && s <= 1, "sigmoid(" + x + ") = " + s);
        }
        double h = 1e-6;
        for (double x = -20; x <= 20; x += 0.25) {
            double slope = (Fdlibm.sigmoid(x + h) - Fdlibm.sigmoid(x - h)) / (2 * h);
            double s = Fdlibm.sigmoid(x);
            assertEquals(s * (1 - s), slope, 1e-9, "sigmoid'(" + x + ")");
        }
    }
}
