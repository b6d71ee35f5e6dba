package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Composition;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compose panel's pure parts: reading the form, the analysis notes, the shading, the links. */
class ComposeTest {
    @Test
    void theFormReadsSwishAndDropsAnUnusedBeta() {
        ComposeForm.Reading swish = ComposeForm.read("sigmul", "bx", "x", "1", 3);
        assertTrue(swish.valid());
        assertEquals(Composition.swish(1), swish.composition());
        ComposeForm.Reading noBeta = ComposeForm.read("mul", "x", "sigmoid", "not a number", 3);
        assertTrue(noBeta.valid(), "β is not read when no part uses it");
        assertEquals("mul_x_sigmoid", noBeta.composition().name());
        assertEquals(
                "mix_x_tanh_-0.25",
                ComposeForm.read("mix", "x", "tanh", " -0.250 ", 1)
                        .composition()
                        .name());
    }

    @Test
    void aBadBetaNamesTheFieldAndTheRangeAndKeepsTheLastGoodOne() {
        for (String bad : new String[] {"abc", "", "10.5", "-11", "NaN", "1,5"}) {
            ComposeForm.Reading r = ComposeForm.read("sigmul", "bx", "x", bad, 2.5);
            assertFalse(r.valid(), bad);
            assertEquals(
                    "\u03b2: \u201c" + bad + "\u201d is not allowed; allowed: a number from -10 to 10 in plain decimal"
                            + " (e.g. 1 or -0.5)",
                    r.betaProblem());
            assertEquals(2.5, r.composition().beta(), bad);
        }
        assertTrue(ComposeForm.read("sigmul", "bx", "x", "-10", 1).valid());
        assertTrue(ComposeForm.read("sigmul", "bx", "x", "10", 1).valid());
    }

    @Test
    void thePlaygroundLinkPutsTheCompositionInEveryHiddenLayer() {
        String link = ComposeForm.playgroundLink("#data=xor&layers=6:relu,4:tanh", Composition.swish(1));
        assertTrue(link.startsWith("/#"), link);
        Spec spec = SpecCodec.parseStrict(link.substring(2));
        assertEquals("6:sigmul_bx_x_1,4:sigmul_bx_x_1", SpecCodec.print(spec).replaceAll(".*layers=([^&]*).*", "$1"));
        Spec noLayers = SpecCodec.parseStrict(ComposeForm.playgroundLink("data=xor&layers=", Composition.swish(2))
                .substring(2));
        assertEquals(2, noLayers.layers().size(), "the default experiment's two layers");
        assertEquals(Composition.swish(2), noLayers.layers().get(1).composition());
        assertTrue(
                ComposeForm.raceChoice("mix_x_tanh_-0.5").contains("data-testid=\"race-act-mix_x_tanh_-0.5\" checked"));
    }

    @Test
    void theCatalogKnowsComposedNames() {
        ActivationCurve c = ActivationCatalog.byName("sigmul_bx_x_1");
        assertNotNull(c);
        assertEquals("sigmul_bx_x_1", c.name());
        assertNull(ActivationCatalog.byName("sigmul_bx_x"));
        assertNull(ActivationCatalog.byName("sigmul_bx_x_99"));
    }

    @Test
    void swishAndTheSquareRootAreAnalysedAsTheyAre() {
        ActivationCurve swish = ActivationCatalog.byName("sigmul_bx_x_1");
        assertEquals("swish", CompositionAnalysis.matchingBuiltIn(swish, -10, 10, 2000, new double[] {-10, 0, 10}));
        assertEquals(List.of(), CompositionAnalysis.undefined(swish, -10, 10, 2000));
        assertNull(CompositionAnalysis.matchingBuiltIn(
                ActivationCatalog.byName("sigmul_bx_x_2"), -10, 10, 200, new double[0]));
        assertEquals(
                "relu",
                CompositionAnalysis.matchingBuiltIn(
                        ActivationCatalog.byName("max_beta_x_0"), -10, 10, 200, new double[] {0}));

        ActivationCurve sqrt = ActivationCatalog.byName("mul_sqrt_x");
        List<CompositionAnalysis.Interval> undefined = CompositionAnalysis.undefined(sqrt, -10, 10, 2000);
        // √x is NaN for x < 0 and √x' is NaN at 0 (infinite slope): -10 .. 0
        assertEquals(List.of(new CompositionAnalysis.Interval(-10, 0)), undefined);
        assertTrue(CompositionAnalysis.undefinedText(undefined)
                .startsWith("Undefined (f or f\u2032 NaN or infinite) for x from -10 to 0"));

        List<CompositionAnalysis.Interval> flat =
                CompositionAnalysis.flat(ActivationCatalog.byName("max_beta_x_0"), -10, 10, 2000);
        assertEquals(List.of(new CompositionAnalysis.Interval(-10, 0)), flat, "ReLU is flat for x <= 0");
        assertTrue(CompositionAnalysis.flatText(flat).contains("x from -10 to 0"));
        assertEquals(List.of(), CompositionAnalysis.flat(ActivationCatalog.byName("add_x_beta_1"), -10, 10, 2000));
    }

    @Test
    void undefinedStretchesAreShadedAndLabelled() {
        Figure sqrt = new CurvePlot(ActivationCatalog.byName("mul_sqrt_x"), -10, 10, 400, 240)
                .figure(new double[0], Double.NaN);
        Figure swish = new CurvePlot(ActivationCatalog.byName("sigmul_bx_x_1"), -10, 10, 400, 240)
                .figure(new double[0], Double.NaN);
        assertEquals(1, shades(sqrt).size());
        assertEquals(0, shades(swish).size());
        Figure.Box box = shades(sqrt).get(0);
        CurvePlot plot = new CurvePlot(ActivationCatalog.byName("mul_sqrt_x"), -10, 10, 400, 240);
        assertEquals(-10, plot.xScale().value(box.x()), 1e-9);
        assertEquals(0, plot.xScale().value(box.x() + box.w()), 0.02, "ends half a sample past x = 0");
        assertTrue(sqrt.marks().stream()
                .anyMatch(m -> m instanceof Figure.Label l && l.text().equals("undefined")));
    }

    private static List<Figure.Box> shades(Figure f) {
        List<Figure.Box> out = new ArrayList<>();
        for (Figure.Mark m : f.marks()) {
            if (m instanceof Figure.Box b && b.rgb() == CurvePlot.UNDEFINED_RGB) {
                out.add(b);
            }
        }
        return out;
    }
}
