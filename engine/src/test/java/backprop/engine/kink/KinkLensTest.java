package backprop.engine.kink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import org.junit.jupiter.api.Test;

class KinkLensTest {
    private static KinkLens graphLens(String expression, String name, double at, String... others) {
        ExpressionGraph graph = ExpressionGraph.build(expression, false);
        for (String assignment : others) {
            String[] parts = assignment.split("=");
            graph.setValue(parts[0], Double.parseDouble(parts[1]));
        }
        return KinkLens.at(ScalarFunctions.along(graph, name), at);
    }

    @Test
    void reluAtZeroShowsBothSlopesTheLeftHandConventionAndWhyTheCheckFails() {
        KinkLens lens = KinkLens.at(ScalarFunctions.of(Activation.RELU), 0);
        assertTrue(lens.isKink());
        assertEquals(0.0, lens.leftDerivative());
        assertEquals(1.0, lens.rightDerivative());
        assertEquals(0.0, lens.convention());
        assertEquals(KinkLens.Side.LEFT, lens.side());
        assertEquals(0.5, lens.numerical(), 1e-12);
        assertEquals(1.0, lens.relativeError(), 1e-12);
        assertEquals(
                "x = 0 is a kink of relu: the slope is 0 from the left and 1 from the right, so no derivative "
                        + "exists there. Backprop uses the engine's convention, the left-hand slope 0. The central difference "
                        + "(f(x+h) \u2212 f(x\u2212h))/2h straddles the kink and gives 0.5, about the mean of the two slopes, "
                        + "so the numerical check fails (relative error 1) although the backward code is right. Move x off "
                        + "the kink and they agree.",
                lens.explanation());
    }

    @Test
    void everySpellingOfReluHasTheSameLensAtZero() {
        KinkLens relu = KinkLens.at(ScalarFunctions.of(Activation.RELU), 0);
        KinkLens[] others = {
            graphLens("relu(x)", "x", 0),
            graphLens("max(0,x)", "x", 0),
            graphLens("max(x,0)", "x", 0),
            KinkLens.at(ScalarFunctions.of(Composition.parse("max_beta_x_0").composition()), 0),
            KinkLens.at(ScalarFunctions.of(Composition.parse("max_x_beta_0").composition()), 0),
        };
        for (KinkLens other : others) {
            assertEquals(relu.leftDerivative(), other.leftDerivative());
            assertEquals(relu.rightDerivative(), other.rightDerivative());
            assertEquals(relu.convention(), other.convention());
            assertEquals(relu.side(), other.side());
            assertEquals(relu.numerical(), other.numerical(), 1e-12);
        }
    }

    @Test
    void absAndHswishKinksTakeTheLeftHandSlope() {
        KinkLens abs = graphLens("abs(x)", "x", 0);
        assertEquals(-1.0, abs.leftDerivative());
        assertEquals(1.0, abs.rightDerivative());
        assertEquals(-1.0, abs.convention());
        assertEquals(0.0, abs.numerical(), 1e-12);
        assertEquals(1.0, abs.relativeError(), 1e-12);
        KinkLens composedAbs = KinkLens.at(
                ScalarFunctions.of(Composition.parse("add_abs_beta_0").composition()), 0);
        assertEquals(abs.convention(), composedAbs.convention());
        KinkLens hswish = KinkLens.at(ScalarFunctions.of(Activation.HSWISH), -3);
        assertEquals(KinkLens.Side.LEFT, hswish.side());
        assertEquals(0.0, hswish.leftDerivative());
        assertEquals(-0.5, hswish.rightDerivative(), 1e-8);
    }

    @Test
    void aSmoothPointPassesTheCheckAndSaysSo() {
        KinkLens tanh = KinkLens.at(ScalarFunctions.of(Activation.TANH), 0.3);
        assertFalse(tanh.isKink());
        assertEquals(KinkLens.Side.BOTH, tanh.side());
        assertEquals(tanh.leftDerivative(), tanh.rightDerivative());
        assertTrue(tanh.relativeError() < 1e-9, "relative error " + tanh.relativeError());
        assertTrue(
                tanh.explanation()
                        .startsWith("tanh is smooth at x = 0.3: the slopes from the left and from the right "
                                + "agree (0.9151)"),
                tanh.explanation());
        // steep but smooth: not mistaken for kinks
        assertFalse(graphLens("1/x", "x", 0.001).isKink());
        assertFalse(graphLens("exp(x)", "x", 10).isKink());
        assertFalse(graphLens("sqrt(x)", "x", 1e-6).isKink());
        KinkLens offKink = KinkLens.at(ScalarFunctions.of(Activation.RELU), 0.5);
        assertFalse(offKink.isKink());
        assertEquals(1.0, offKink.convention());
    }

    @Test
    void twoVariablesTiedInMaxRouteToTheFirstWhichIsTheRightHandSlopeAlongIt() {
        KinkLens lens = graphLens("max(x,y)", "x", 0, "y=0");
        assertEquals(KinkLens.Side.RIGHT, lens.side());
        assertEquals(1.0, lens.convention());
        assertTrue(lens.explanation().contains("right-hand slope 1"), lens.explanation());
    }

    @Test
    void theGraphSliceLeavesTheGraphAloneAndMatchesItsBackwardPass() {
        ExpressionGraph graph = ExpressionGraph.build("(x+y)*z", false);
        graph.setValue("x", -2);
        graph.setValue("y", 5);
        graph.setValue("z", -4);
        graph.runAll();
        ScalarFunction alongZ = ScalarFunctions.along(graph, "z");
        assertEquals(3.0, alongZ.derivative(-4));
        assertEquals(-12.0, alongZ.value(-4));
        assertEquals(6.0, alongZ.value(2));
        assertEquals(-4.0, graph.value("z"));
        assertEquals(3.0, graph.gradient("z"));
        assertThrows(IllegalArgumentException.class, () -> ScalarFunctions.along(graph, "w"));
        assertThrows(IllegalArgumentException.class, () -> KinkLens.at(alongZ, Double.NaN));
    }
}
