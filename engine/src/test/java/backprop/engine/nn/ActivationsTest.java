package backprop.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import backprop.engine.spec.Activation;
import org.junit.jupiter.api.Test;

class ActivationsTest {
    /** Every element-wise activation (maxout is a layer kind). */
    static final Activation[] ELEMENT_WISE = {
        Activation.LINEAR,
        Activation.SIGMOID,
        Activation.TANH,
        Activation.RELU,
        Activation.LEAKYRELU,
        Activation.PRELU,
        Activation.ELU,
        Activation.SWISH,
        Activation.HSWISH,
        Activation.GELU,
        Activation.SOFTPLUS,
    };

    /** Independent formulas on StrictMath. */
    static double referenceValue(Activation kind, double x) {
        double sigma = 1 / (1 + StrictMath.exp(-x));
        switch (kind) {
            case LINEAR:
                return x;
            case SIGMOID:
                return sigma;
            case TANH:
                return StrictMath.tanh(x);
            case RELU:
                return StrictMath.max(0, x);
            case LEAKYRELU:
                return StrictMath.max(0.01 * x, x);
            case PRELU:
                return x > 0 ? x : 0.25 * x;
            case ELU:
                return x > 0 ? x : StrictMath.exp(x) - 1;
            case SWISH:
                return x * sigma;
            case HSWISH:
                return x * StrictMath.min(6, StrictMath.max(0, x + 3)) / 6;
            case GELU:
                return x * 0.5 * erfcReference(-x / StrictMath.sqrt(2));
            case SOFTPLUS:
                return StrictMath.log1p(StrictMath.exp(x));
            default:
                throw new AssertionError(kind);
        }
    }

    static double referenceDerivative(Activation kind, double x) {
        double sigma = 1 / (1 + StrictMath.exp(-x));
        switch (kind) {
            case LINEAR:
                return 1;
            case SIGMOID:
                return sigma * (1 - sigma);
            case TANH:
                return 1 - StrictMath.tanh(x) * StrictMath.tanh(x);
            case RELU:
                return x > 0 ? 1 : 0;
            case LEAKYRELU:
                return x > 0 ? 1 : 0.01;
            case PRELU:
                return x > 0 ? 1 : 0.25;
            case ELU:
                return x > 0 ? 1 : StrictMath.exp(x);
            case SWISH:
                return sigma + x * sigma * (1 - sigma);
            case HSWISH:
                return x <= -3 ? 0 : (x <= 3 ? (2 * x + 3) / 6 : 1);
            case GELU:
                return 0.5 * erfcReference(-x / StrictMath.sqrt(2))
                        + x * StrictMath.exp(-x * x / 2) / StrictMath.sqrt(2 * StrictMath.PI);
            case SOFTPLUS:
                return sigma;
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * erfc independent of Fdlibm: 1 - (Maclaurin series of erf) for |y| < 0.5, else the continued
     * fraction erfc(y) = e^{-y²}/√π / (y + (1/2)/(y + 1/(y + (3/2)/(y + ...)))) for y > 0, and
     * erfc(-y) = 2 - erfc(y).
     */
    static double erfcReference(double y) {
        double a = StrictMath.abs(y);
        if (a < 0.5) {
            double term = y;
            double sum = y;
            for (int n = 1; n < 60; n++) {
                term *= -y * y / n;
                sum += term / (2 * n + 1);
            }
            return 1 - 2 / StrictMath.sqrt(StrictMath.PI) * sum;
        }
        double fraction = a;
        for (int k = 5000; k >= 1; k--) {
            fraction = a + (k / 2.0) / fraction;
        }
        double upper = StrictMath.exp(-a * a) / StrictMath.sqrt(StrictMath.PI) / fraction;
        return y > 0 ? upper : 2 - upper;
    }

    @Test
    void tanhDerivativeIsOneOverCoshSquared() {
        for (double x = -10; x <= 10; x += 0.125) {
            double exact = 1 / (StrictMath.cosh(x) * StrictMath.cosh(x));
            assertEquals(exact, Activations.derivative(Activation.TANH, x), 4e-16, "x = " + x);
        }
    }

    @Test
    void referenceErfcIsRight() {
        assertEquals(1, erfcReference(0), 0);
        assertEquals(0.157299207050285130658, erfcReference(1), 1e-16);
        assertEquals(1.52397060483210617e-23, erfcReference(7.0710678118654752), 1e-36);
        assertEquals(1.8427007929497148693, erfcReference(-1), 1e-15);
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        double tolerance = relative * Math.max(1e-300, Math.abs(expected)) + 1e-300;
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void valuesAndDerivativesAtMinusTenZeroTenMatchStrictMathFormulas() {
        for (Activation kind : ELEMENT_WISE) {
            for (double x : new double[] {-10, 0, 10}) {
                assertClose(referenceValue(kind, x), Activations.value(kind, x), 1e-13, kind + " f(" + x + ")");
                assertClose(
                        referenceDerivative(kind, x), Activations.derivative(kind, x), 1e-12, kind + " f'(" + x + ")");
            }
        }
    }

    @Test
    void valuesAndDerivativesAtRandomPointsMatchStrictMathFormulas() {
        Rng rng = new Rng(7);
        for (Activation kind : ELEMENT_WISE) {
            for (int k = 0; k < 200; k++) {
                double x = rng.uniform(-8, 8);
                assertClose(referenceValue(kind, x), Activations.value(kind, x), 1e-12, kind + " f(" + x + ")");
                assertClose(
                        referenceDerivative(kind, x), Activations.derivative(kind, x), 1e-11, kind + " f'(" + x + ")");
            }
        }
    }

    @Test
    void knownValuesFromTheLecture() {
        assertEquals(0.5, Activations.value(Activation.SIGMOID, 0));
        assertEquals(0.25, Activations.derivative(Activation.SIGMOID, 0));
        assertEquals(0, Activations.value(Activation.RELU, -10), 0.0);
        assertEquals(10, Activations.value(Activation.RELU, 10));
        assertEquals(-0.1, Activations.value(Activation.LEAKYRELU, -10), 1e-17);
        assertEquals(StrictMath.log(2), Activations.value(Activation.SOFTPLUS, 0), 1e-16);
        assertEquals(0, Activations.value(Activation.HSWISH, -3), 0.0);
        assertEquals(4, Activations.value(Activation.HSWISH, 4));
        // ReLU kills the gradient at x = -10 and (by convention) at 0; passes it at 10.
        assertEquals(0, Activations.derivative(Activation.RELU, -10));
        assertEquals(0, Activations.derivative(Activation.RELU, 0));
        assertEquals(1, Activations.derivative(Activation.RELU, 10));
        // A saturated sigmoid at 10 passes almost nothing: σ'(10) ≈ 4.5e-5.
        assertTrue(Activations.derivative(Activation.SIGMOID, 10) < 5e-5);
    }

    @Test
    void sigmoidDerivativeIsOneMinusSigmaTimesSigma() {
        Rng rng = new Rng(3);
        for (int k = 0; k < 1000; k++) {
            double x = rng.uniform(-20, 20);
            double s = Activations.sigmoid(x);
            assertEquals((1 - s) * s, Activations.derivative(Activation.SIGMOID, x), 0.0);
        }
    }

    @Test
    void kinkConventionIsTheLeftDerivative() {
        assertEquals(0, Activations.derivative(Activation.RELU, 0));
        assertEquals(0.01, Activations.derivative(Activation.LEAKYRELU, 0));
        assertEquals(0.25, Activations.derivative(Activation.PRELU, 0));
        assertEquals(0, Activations.derivative(Activation.HSWISH, -3));
        assertEquals(1.5, Activations.derivative(Activation.HSWISH, 3));
        assertEquals(1, Activations.derivative(Activation.ELU, 0));
    }

    @Test
    void derivativeMatchesCentralDifferenceAwayFromKinks() {
        Rng rng = new Rng(11);
        double h = 1e-5;
        for (Activation kind : ELEMENT_WISE) {
            int checked = 0;
            while (checked < 300) {
                double x = rng.uniform(-6, 6);
                if (Math.abs(x) < 1e-3 || Math.abs(x - 3) < 1e-3 || Math.abs(x + 3) < 1e-3) {
                    continue;
                }
                double numeric = (Activations.value(kind, x + h) - Activations.value(kind, x - h)) / (2 * h);
                double analytic = Activations.derivative(kind, x);
                double error = Math.abs(numeric - analytic) / Math.max(1e-7, Math.abs(numeric) + Math.abs(analytic));
                assertTrue(error < 1e-6, kind + " at " + x + ": analytic " + analytic + ", numeric " + numeric);
                checked++;
            }
        }
    }

    @Test
    void bufferForwardAndBackwardAgreeWithTheScalarPairs() {
        Rng rng = new Rng(5);
        int n = 50;
        double[] z = new double[n];
        double[] dA = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.uniform(-5, 5);
            dA[i] = rng.uniform(-1, 1);
        }
        for (Activation kind : ELEMENT_WISE) {
            double[] a = new double[n];
            double[] dZ = new double[n];
            Activations.forward(kind, z, a, n);
            Activations.backward(kind, z, a, dA, dZ, n);
            for (int i = 0; i < n; i++) {
                assertClose(Activations.value(kind, z[i]), a[i], 0, kind + " forward");
                assertClose(dA[i] * Activations.derivative(kind, z[i]), dZ[i], 1e-13, kind + " backward");
            }
        }
    }

    @Test
    void leakyReluAndHswishTightLoopsGiveTheScalarBitsAtTheKinksToo() {
        double[] z = {
            -800,
            -5,
            -3.0000000000000004,
            -3,
            -2.9999999999999996,
            -1,
            -0.0,
            0.0,
            1e-300,
            0.5,
            2.9999999999999996,
            3,
            3.0000000000000004,
            7,
            800
        };
        int n = z.length;
        double[] dA = new double[n];
        for (int i = 0; i < n; i++) {
            dA[i] = 0.25 - 0.1 * i;
        }
        for (Activation kind : new Activation[] {Activation.LEAKYRELU, Activation.HSWISH}) {
            double[] a = new double[n];
            double[] dZ = new double[n];
            Activations.forward(kind, z, a, n);
            Activations.backward(kind, z, a, dA, dZ, n);
            for (int i = 0; i < n; i++) {
                assertEquals(
                        Double.doubleToRawLongBits(Activations.value(kind, z[i])),
                        Double.doubleToRawLongBits(a[i]),
                        kind + " f(" + z[i] + ")");
                assertEquals(
                        Double.doubleToRawLongBits(dA[i] * Activations.derivative(kind, z[i])),
                        Double.doubleToRawLongBits(dZ[i]),
                        kind + " f'(" + z[i] + ")");
            }
        }
    }

    @Test
    void maxoutIsNotElementWise() {
        assertThrows(IllegalArgumentException.class, () -> Activations.value(Activation.MAXOUT, 1));
    }

    @Test
    void extremeInputsStayFinite() {
        for (Activation kind : ELEMENT_WISE) {
            for (double x : new double[] {-800, 800}) {
                assertTrue(Double.isFinite(Activations.value(kind, x)), kind + " f(" + x + ")");
                assertTrue(Double.isFinite(Activations.derivative(kind, x)), kind + " f'(" + x + ")");
            }
        }
    }
}
