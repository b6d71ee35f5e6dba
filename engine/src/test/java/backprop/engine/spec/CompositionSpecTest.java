package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Composed activations in {@code layers}: names, canonical printing, round trips and problems. */
class CompositionSpecTest {
    private static final String BASE = "data=xor&layers=";

    private static Spec strict(String layers) {
        return SpecCodec.parseStrict(BASE + layers);
    }

    private static String printedLayers(String layers) {
        String text = SpecCodec.print(strict(layers));
        int start = text.indexOf("&layers=") + "&layers=".length();
        return text.substring(start, text.indexOf('&', start));
    }

    @Test
    void swishPresetParsesPrintsAndRoundTrips() {
        Spec spec = strict("8:sigmul_bx_x_1,8:tanh");
        assertEquals(List.of(new LayerSpec(8, Composition.swish(1)), new LayerSpec(8, Activation.TANH)), spec.layers());
        assertEquals(Activation.COMPOSED, spec.layers().get(0).activation());
        assertEquals("8:sigmul_bx_x_1,8:tanh", printedLayers("8:sigmul_bx_x_1,8:tanh"));
        assertEquals(spec, SpecCodec.parseStrict(SpecCodec.print(spec)));
    }

    @Test
    void namesPrintCanonically() {
        assertEquals("3:sigmul_bx_x_1", printedLayers("3:sigmul_bx_x_1.0"));
        assertEquals("3:sigmul_bx_x_0.5", printedLayers("3:sigmul_bx_x_0.50"));
        assertEquals("3:sigmul_bx_x_10", printedLayers("3:sigmul_bx_x_1e1"));
        assertEquals("3:mix_x_tanh_0", printedLayers("3:mix_x_tanh_-0"));
        assertEquals("3:mix_x_tanh_-2.25", printedLayers("3:mix_x_tanh_-2.250"));
        assertEquals("3:gaussdiff_x_sin_0.0001", printedLayers("3:gaussdiff_x_sin_0.0001"));
        assertEquals("3:add_beta_x_10,2:mul_x_sigmoid", printedLayers("3:add_beta_x_10,2:mul_x_sigmoid"));
        // β is stored as 0 when no part uses it, so equal compositions are equal records
        assertEquals(
                new Composition(BinaryFn.MUL, UnaryFn.X, UnaryFn.SIGMOID, 0),
                new Composition(BinaryFn.MUL, UnaryFn.X, UnaryFn.SIGMOID, 3.5));
        assertEquals("mul_x_sigmoid", new Composition(BinaryFn.MUL, UnaryFn.X, UnaryFn.SIGMOID, 3.5).name());
    }

    @Test
    void everyPartRoundTrips() {
        Rng rng = new Rng(5);
        for (int k = 0; k < 5000; k++) {
            Composition c = RandomSpecs.composition(rng);
            Composition.Parsed parsed = Composition.parse(c.name());
            assertEquals(c, parsed.composition(), c.name() + ": " + parsed.problem());
            String layers = "4:" + c.name();
            assertEquals(layers, printedLayers(layers));
            assertFalse(c.name().matches(".*[,:&=#A-Z].*"), c.name());
        }
        for (BinaryFn b : BinaryFn.values()) {
            for (UnaryFn u1 : UnaryFn.values()) {
                for (UnaryFn u2 : UnaryFn.values()) {
                    Composition c = new Composition(b, u1, u2, -1.5);
                    assertEquals(c, Composition.parse(c.name()).composition(), c.name());
                    assertEquals(c.usesBeta() ? 4 : 3, c.name().split("_").length, c.name());
                }
            }
        }
    }

    @Test
    void compositionNamesNeverCollideWithBuiltIns() {
        assertEquals(Activation.SIGMOID, strict("2:sigmoid").layers().get(0).activation());
        assertEquals(null, Activation.fromKey("composed"));
        for (Activation a : Activation.builtIns()) {
            assertFalse(Composition.looksComposed(a.key()), a.key());
            assertTrue(a != Activation.COMPOSED);
        }
        assertEquals(Activation.values().length - 1, Activation.builtIns().length);
    }

    /** The one problem of a layers value: key layers, the value, and the allowed text. */
    private static SpecProblem problemOf(String layers) {
        ParseResult result = SpecCodec.parse(BASE + layers);
        assertEquals(1, result.problems().size(), layers + " -> " + result.problems());
        SpecProblem problem = result.problems().get(0);
        assertEquals("layers", problem.key());
        assertEquals(layers, problem.value());
        assertTrue(
                problem.allowed()
                        .contains(
                                "u1 and u2 one of x, neg, abs, sq, cube, sqrt, bx, xpb, logabs, exp, sin, "
                                        + "cos, sinh, cosh, tanh, asinh, atan, sinc, relu, min0, sigmoid, softplus, gauss, erf, beta"),
                problem.allowed());
        assertTrue(
                problem.allowed().contains("b one of add, mul, sub, div, max, min, sigmul, gaussdiff, expabsdiff, mix"),
                problem.allowed());
        assertTrue(problem.allowed().contains("\u03b2 from -10 to 10"), problem.allowed());
        assertEquals(Spec.defaults().layers(), result.spec().layers());
        return problem;
    }

    @Test
    void badCompositionsAreProblemsOnLayersSayingWhatIsAllowed() {
        assertTrue(problemOf("8:mul_x").allowed().endsWith("3 or 4 parts b_u1_u2 or b_u1_u2_\u03b2, not 2"));
        assertTrue(problemOf("8:mul_x_sigmoid_1_2").allowed().endsWith("not 5"));
        assertTrue(problemOf("8:times_x_sigmoid").allowed().contains("its b \"times\" is not one of add"));
        assertTrue(problemOf("8:mul_y_sigmoid").allowed().contains("its u1 \"y\" is not one of x, neg"));
        assertTrue(problemOf("4:relu,8:mul_x_logistic")
                .allowed()
                .contains("layer 2 \"8:mul_x_logistic\" is not a valid "
                        + "composed activation: its u2 \"logistic\" is not one of"));
        assertTrue(problemOf("8:sigmul_bx_x")
                .allowed()
                .contains("it uses \u03b2 (bx, xpb, beta, gaussdiff, expabsdiff, mix), "
                        + "so it needs _\u03b2 at the end"));
        assertTrue(problemOf("8:mul_x_sigmoid_1").allowed().contains("none of its parts uses \u03b2"));
        assertTrue(problemOf("8:sigmul_bx_x_10.5")
                .allowed()
                .contains("its \u03b2 \"10.5\" is not a number from -10 to 10"));
        assertTrue(problemOf("8:sigmul_bx_x_-11").allowed().contains("\"-11\""));
        assertTrue(problemOf("8:sigmul_bx_x_.5").allowed().contains("\".5\""));
        assertTrue(problemOf("8:sigmul_bx_x_2e1").allowed().contains("\"2e1\""));
        assertTrue(problemOf("8:sigmul_bx_x_NaN").allowed().contains("\"NaN\""));
        assertTrue(problemOf("8:sigmul_bx_x_").allowed().contains("its \u03b2 \"\""));
        assertTrue(problemOf("8:SIGMUL_BX_X_1").allowed().contains("its b \"SIGMUL\""));
        assertTrue(problemOf("8:composed").allowed().endsWith("has an unknown activation"));
    }

    @Test
    void specsBuiltInCodeWithABadBetaDoNotValidate() {
        Spec good = strict("8:sigmul_bx_x_1");
        for (double beta : new double[] {10.0001, -20, Double.NaN, Double.POSITIVE_INFINITY}) {
            Spec bad = SpecEditorLike.withFirstLayer(good, new LayerSpec(8, Composition.swish(beta)));
            List<SpecProblem> problems = SpecCodec.validate(bad);
            assertEquals(1, problems.size(), "beta " + beta);
            assertEquals("layers", problems.get(0).key());
            assertThrows(SpecException.class, () -> SpecCodec.print(bad));
        }
    }

    @Test
    void layerSpecKeepsActivationAndCompositionConsistent() {
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec(3, Activation.COMPOSED, null));
        assertThrows(IllegalArgumentException.class, () -> new LayerSpec(3, Activation.TANH, Composition.swish(1)));
        assertEquals("sigmul_bx_x_2", new LayerSpec(3, Composition.swish(2)).activationName());
        assertEquals("tanh", new LayerSpec(3, Activation.TANH).activationName());
    }

    /** Replaces the first hidden layer, keeping every other field. */
    private static final class SpecEditorLike {
        static Spec withFirstLayer(Spec s, LayerSpec layer) {
            return new Spec(
                    s.version(),
                    s.data(),
                    s.classes(),
                    s.n(),
                    s.noise(),
                    s.split(),
                    s.seed(),
                    s.features(),
                    List.of(layer),
                    s.loss(),
                    s.opt(),
                    s.lr(),
                    s.batch(),
                    s.reg(),
                    s.lambda(),
                    s.init(),
                    s.points());
        }
    }
}
