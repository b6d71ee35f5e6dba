package backprop.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import backprop.engine.spec.Activation;
import backprop.engine.spec.BinaryFn;
import backprop.engine.spec.Composition;
import backprop.engine.spec.UnaryFn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parts of composed activations against central differences, the chain rule over the whole
 * search space, the stated conventions at kinks and undefined points, and the Swish preset's
 * bit-for-bit equality with the built-in swish.
 */
class ComposedActivationTest {
    private static final double H = 1e-5;
    private static final double[] BETAS = {0.7, -1.3, 2};

    /** (g(x+h) - g(x-h)) / 2h. */
    private interface Fn {
        double at(double x);
    }

    private static double central(Fn f, double x) {
        return (f.at(x + H) - f.at(x - H)) / (2 * H);
    }

    /** |numeric - analytic| within 1e-6 of the larger of 1, |analytic| and |f| (rounding grows with f). */
    private static void assertClose(double analytic, double numeric, double scale, String what) {
        double tolerance = 1e-6 * Math.max(1, Math.max(Math.abs(analytic), Math.abs(scale)));
        assertTrue(Math.abs(analytic - numeric) <= tolerance, what + ": analytic " + analytic + ", numeric " + numeric);
    }

    /** True where u is not differentiable or not defined on [x - margin, x + margin]. */
    private static boolean nearKink(UnaryFn u, double x) {
        switch (u) {
            case ABS:
            case RELU:
            case MIN0:
                return Math.abs(x) < 1e-3;
            case LOGABS:
                return Math.abs(x) < 0.1; // log(|x|+ε) turns by 1/ε over 2ε: differences need a wide berth
            case SQRT:
                return x < 0.1;
            default:
                return false;
        }
    }

    @Test
    void everyUnaryDerivativeMatchesCentralDifferences() {
        int checked = 0;
        for (UnaryFn u : UnaryFn.values()) {
            for (double beta : BETAS) {
                for (int k = -400; k <= 400; k++) {
                    double x = k * 0.01 + 0.003; // -3.997 .. 4.003, never exactly on a kink
                    if (nearKink(u, x)) {
                        continue;
                    }
                    double analytic = UnaryFunctions.derivative(u, beta, x);
                    double numeric = central(t -> UnaryFunctions.value(u, beta, t), x);
                    assertClose(
                            analytic,
                            numeric,
                            UnaryFunctions.value(u, beta, x),
                            u.key() + " beta " + beta + " at " + x);
                    checked++;
                }
            }
        }
        assertTrue(checked > 50_000, "checked " + checked);
    }

    @Test
    void sincNearZeroUsesItsSeriesAndMatchesTheDirectFormula() {
        for (double x : new double[] {-0.0099, -1e-3, 1e-5, 0.004, 0.0099, 0.0101, 0.05}) {
            double direct = (x * StrictMath.cos(x) - StrictMath.sin(x)) / (x * x);
            double reference = x * (-1.0 / 3 + x * x / 30 - x * x * x * x / 840);
            double expected = Math.abs(x) < 0.01 ? reference : direct;
            assertEquals(
                    expected,
                    UnaryFunctions.derivative(UnaryFn.SINC, 0, x),
                    1e-12 * Math.max(1e-3, Math.abs(x)),
                    "at " + x);
        }
        assertEquals(1.0, UnaryFunctions.value(UnaryFn.SINC, 0, 0));
        assertEquals(0.0, UnaryFunctions.derivative(UnaryFn.SINC, 0, 0), 0.0);
    }

    /** True where b is not differentiable near (x1, x2). */
    private static boolean nearKink(BinaryFn b, double x1, double x2) {
        switch (b) {
            case MAX:
            case MIN:
            case EXPABSDIFF:
                return Math.abs(x1 - x2) < 1e-3;
            case DIV:
                return Math.abs(x2 + UnaryFunctions.EPSILON) < 0.1;
            default:
                return false;
        }
    }

    @Test
    void everyBinaryPartialDerivativeMatchesCentralDifferences() {
        int checked = 0;
        for (BinaryFn b : BinaryFn.values()) {
            for (double beta : BETAS) {
                for (int i = -30; i <= 30; i++) {
                    for (int j = -30; j <= 30; j++) {
                        double x1 = i * 0.1 + 0.0031;
                        double x2 = j * 0.1 - 0.0017;
                        if (nearKink(b, x1, x2)) {
                            continue;
                        }
                        double f = BinaryFunctions.value(b, beta, x1, x2);
                        String where = b.key() + " beta " + beta + " at (" + x1 + ", " + x2 + ")";
                        assertClose(
                                BinaryFunctions.dX1(b, beta, x1, x2),
                                central(t -> BinaryFunctions.value(b, beta, t, x2), x1),
                                f,
                                "d/dx1 " + where);
                        assertClose(
                                BinaryFunctions.dX2(b, beta, x1, x2),
                                central(t -> BinaryFunctions.value(b, beta, x1, t), x2),
                                f,
                                "d/dx2 " + where);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 100_000, "checked " + checked);
    }

    /** The chain rule over every (b, u1, u2) of the search space, where f is defined and smooth. */
    @Test
    void everyCompositionDerivativeMatchesCentralDifferences() {
        double[] points = {-1.7, -0.61, 0.45, 1.3, 2.2};
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (BinaryFn b : BinaryFn.values()) {
            for (UnaryFn u1 : UnaryFn.values()) {
                for (UnaryFn u2 : UnaryFn.values()) {
                    Composition c = new Composition(b, u1, u2, 0.8);
                    for (double x : points) {
                        if (nearKink(u1, x) || nearKink(u2, x)) {
                            continue;
                        }
                        double x1 = UnaryFunctions.value(u1, c.beta(), x);
                        double x2 = UnaryFunctions.value(u2, c.beta(), x);
                        if (nearKink(b, x1, x2)) {
                            continue;
                        }
                        double analytic = ComposedActivation.derivative(c, x);
                        double numeric = central(t -> ComposedActivation.value(c, t), x);
                        double f = ComposedActivation.value(c, x);
                        double tolerance = 1e-6 * Math.max(1, Math.max(Math.abs(analytic), Math.abs(f)));
                        if (!(Math.abs(analytic - numeric) <= tolerance)) {
                            wrong.add(c.name() + " at " + x + ": analytic " + analytic + ", numeric " + numeric);
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 20_000, "checked " + checked);
    }

    @Test
    void kinksTakeTheLeftHandDerivativeAndTiesGoToX1() {
        assertEquals(-1.0, UnaryFunctions.derivative(UnaryFn.ABS, 0, 0));
        assertEquals(0.0, UnaryFunctions.derivative(UnaryFn.RELU, 0, 0));
        assertEquals(1.0, UnaryFunctions.derivative(UnaryFn.MIN0, 0, 0));
        assertEquals(-1 / UnaryFunctions.EPSILON, UnaryFunctions.derivative(UnaryFn.LOGABS, 0, 0));
        assertEquals(1.0, BinaryFunctions.dX1(BinaryFn.MAX, 0, 2, 2));
        assertEquals(0.0, BinaryFunctions.dX2(BinaryFn.MAX, 0, 2, 2));
        assertEquals(1.0, BinaryFunctions.dX1(BinaryFn.MIN, 0, 2, 2));
        assertEquals(0.0, BinaryFunctions.dX2(BinaryFn.MIN, 0, 2, 2));
        // exp(-β|d|) at d = 0 with the left-hand slope of |d| (-1): ∂/∂x1 = β
        assertEquals(1.5, BinaryFunctions.dX1(BinaryFn.EXPABSDIFF, 1.5, 1, 1));
        // max(β, x) with β = 0 is the engine's relu, f and f', the tie at 0 going to the constant
        Composition reluAsMax = Composition.parse("max_beta_x_0").composition();
        for (double x : new double[] {-2, -0.0, 0, 1e-300, 3}) {
            assertEquals(
                    Double.doubleToRawLongBits(Activations.value(Activation.RELU, x)),
                    Double.doubleToRawLongBits(ComposedActivation.value(reluAsMax, x)),
                    "at " + x);
            assertEquals(
                    Activations.derivative(Activation.RELU, x), ComposedActivation.derivative(reluAsMax, x), "at " + x);
        }
        // max(x, β): the same function, so the same left-hand slope 0 at the tie, whatever the order
        Composition swapped = Composition.parse("max_x_beta_0").composition();
        for (double x : new double[] {-2, -0.0, 0, 1e-300, 3}) {
            assertEquals(
                    Activations.derivative(Activation.RELU, x), ComposedActivation.derivative(swapped, x), "at " + x);
        }
    }

    @Test
    void tiesOfTwoPartsTakeTheLeftHandDerivativeInEitherOrder() {
        // max(tanh x, x/2) at 0: just below 0, tanh x ≈ x < x/2, so max = x/2 there: slope 1/2 = min(1, 1/2)
        for (String name : new String[] {"max_tanh_bx_0.5", "max_bx_tanh_0.5"}) {
            Composition c = Composition.parse(name).composition();
            assertEquals(0.5, ComposedActivation.derivative(c, 0), name);
            double h = 1e-7;
            assertEquals(
                    (ComposedActivation.value(c, 0) - ComposedActivation.value(c, -h)) / h,
                    ComposedActivation.derivative(c, 0),
                    1e-6,
                    name + ": the left difference quotient");
        }
        for (String name : new String[] {"min_tanh_bx_0.5", "min_bx_tanh_0.5"}) {
            assertEquals(
                    1.0, ComposedActivation.derivative(Composition.parse(name).composition(), 0), name);
        }
        // exp(-β|tanh x - 2x|) at 0: |d| has left slope -|1 - 2| = -1, so f' = β·1
        for (String name : new String[] {"expabsdiff_tanh_bx_2", "expabsdiff_bx_tanh_2"}) {
            Composition c = Composition.parse(name).composition();
            double h = 1e-7;
            assertEquals(
                    (ComposedActivation.value(c, 0) - ComposedActivation.value(c, -h)) / h,
                    ComposedActivation.derivative(c, 0),
                    1e-5,
                    name);
        }
    }

    @Test
    void undefinedPartsGiveNaNAndStayNaNThroughEveryBinary() {
        assertTrue(Double.isNaN(UnaryFunctions.value(UnaryFn.SQRT, 0, -1)));
        assertTrue(Double.isNaN(UnaryFunctions.derivative(UnaryFn.SQRT, 0, -1)));
        assertTrue(Double.isNaN(UnaryFunctions.derivative(UnaryFn.SQRT, 0, 0)));
        assertEquals(0.0, UnaryFunctions.value(UnaryFn.SQRT, 0, 0));
        for (BinaryFn b : BinaryFn.values()) {
            Composition c = new Composition(b, UnaryFn.SQRT, UnaryFn.X, 0.5);
            assertTrue(Double.isNaN(ComposedActivation.value(c, -2)), b.key());
            assertTrue(Double.isNaN(ComposedActivation.derivative(c, -2)), b.key());
            Composition swapped = new Composition(b, UnaryFn.X, UnaryFn.SQRT, 0.5);
            assertTrue(Double.isNaN(ComposedActivation.value(swapped, -2)), b.key() + " swapped");
        }
        assertTrue(Double.isInfinite(BinaryFunctions.value(BinaryFn.DIV, 0, 1, -UnaryFunctions.EPSILON)));
    }

    /** x values: a dense grid, the extremes, signed zeros, subnormals, and random doubles of every size. */
    private static double[] manyX() {
        List<Double> xs = new ArrayList<>();
        for (int k = -100_000; k <= 100_000; k++) {
            xs.add(k * 0.0005);
        }
        for (double x : new double[] {
            0.0,
            -0.0,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            1e-300,
            -1e-300,
            30,
            -30,
            37,
            -37,
            40,
            -40,
            709,
            -709,
            710,
            -745,
            1e300,
            -1e300,
            Double.MAX_VALUE,
            -Double.MAX_VALUE
        }) {
            xs.add(x);
        }
        Rng rng = new Rng(99);
        for (int k = 0; k < 100_000; k++) {
            xs.add(rng.uniform(-1, 1) * Math.pow(2, rng.nextInt(80) - 60));
        }
        double[] out = new double[xs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = xs.get(i);
        }
        return out;
    }

    @Test
    void swishPresetEqualsBuiltInSwishBitForBit() {
        Composition swish = Composition.swish(1);
        assertEquals("sigmul_bx_x_1", swish.name());
        for (double x : manyX()) {
            assertEquals(
                    Double.doubleToRawLongBits(Activations.value(Activation.SWISH, x)),
                    Double.doubleToRawLongBits(ComposedActivation.value(swish, x)),
                    "f at " + x);
            assertEquals(
                    Double.doubleToRawLongBits(Activations.derivative(Activation.SWISH, x)),
                    Double.doubleToRawLongBits(ComposedActivation.derivative(swish, x)),
                    "f' at " + x);
        }
    }

    @Test
    void swishPresetEqualsBuiltInSwishOverBuffers() {
        double[] z = manyX();
        double[] builtIn = new double[z.length];
        double[] composed = new double[z.length];
        Activations.forward(Activation.SWISH, z, builtIn, z.length);
        ComposedActivation.forward(Composition.swish(1), z, composed, z.length);
        double[] dA = new double[z.length];
        for (int i = 0; i < dA.length; i++) {
            dA[i] = 1 - (i % 7) * 0.25;
        }
        double[] dBuiltIn = new double[z.length];
        double[] dComposed = new double[z.length];
        Activations.backward(Activation.SWISH, z, builtIn, dA, dBuiltIn, z.length);
        ComposedActivation.backward(Composition.swish(1), z, dA, dComposed, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(
                    Double.doubleToRawLongBits(builtIn[i]), Double.doubleToRawLongBits(composed[i]), "f at " + z[i]);
            assertEquals(
                    Double.doubleToRawLongBits(dBuiltIn[i]), Double.doubleToRawLongBits(dComposed[i]), "f' at " + z[i]);
        }
    }

    /**
     * x·σ(x) as mul_x_sigmoid: f is the same product, so the same bits; f' sums the chain rule's
     * terms in another order (x·(σ(1-σ)) against (xσ)(1-σ)), so it agrees to rounding only.
     */
    @Test
    void mulXSigmoidIsSwish() {
        Composition c = Composition.parse("mul_x_sigmoid").composition();
        for (double x : manyX()) {
            assertEquals(
                    Double.doubleToRawLongBits(Activations.value(Activation.SWISH, x)),
                    Double.doubleToRawLongBits(ComposedActivation.value(c, x)),
                    "f at " + x);
            double expected = Activations.derivative(Activation.SWISH, x);
            assertEquals(expected, ComposedActivation.derivative(c, x), 4e-16 * Math.max(1, Math.abs(x)), "f' at " + x);
        }
    }

    @Test
    void swishBetaIsXTimesSigmoidOfBetaX() {
        for (double beta : new double[] {0.5, 2, -1, 10}) {
            Composition c = Composition.swish(beta);
            for (double x = -6; x <= 6; x += 0.37) {
                double expected = x / (1 + StrictMath.exp(-beta * x));
                assertEquals(
                        expected, ComposedActivation.value(c, x), 1e-14 * Math.max(1, Math.abs(x)), "beta " + beta);
            }
        }
    }
}
