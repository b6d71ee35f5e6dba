package backprop.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The passes one gate at a time, reset, the order, and bad values. */
class GraphStepsTest {
    @Test
    void resetThenStepForwardGateByGateThenBackward() {
        ExpressionGraph graph = LecturePresetsTest.load(Preset.byId("neuron"), false);
        graph.backwardAll();
        graph.reset();
        assertEquals(0, graph.forwardDone());
        assertFalse(graph.node(graph.output()).valueKnown());
        assertFalse(graph.node(graph.variableNode("w0")).gradientKnown());
        assertTrue(graph.node(graph.variableNode("w0")).valueKnown(), "inputs keep their values");
        assertThrows(IllegalStateException.class, graph::stepBackward);
        for (int g = 0; g < graph.gateCount(); g++) {
            assertFalse(graph.node(graph.gate(g)).valueKnown());
            assertEquals(graph.gate(g), graph.stepForward());
            assertTrue(graph.node(graph.gate(g)).valueKnown());
        }
        assertEquals(-1, graph.stepForward());
        assertEquals("Forward at the 1/x gate: 1.368 \u2192 0.7311", Explanation.forward(graph, graph.gate(7)));
        for (int step = 0; step < graph.gateCount(); step++) {
            int expected = graph.gate(graph.gateCount() - 1 - step);
            assertEquals(expected, graph.nextBackwardGate());
            assertEquals(expected, graph.stepBackward().gate());
            assertTrue(graph.node(expected).backwardDone());
        }
        assertTrue(graph.backwardComplete());
        assertEquals(-1, graph.nextBackwardGate());
        double w0 = graph.gradient("w0");
        graph.reset();
        graph.runAll();
        assertEquals(w0, graph.gradient("w0"), 0.0, "run all gives the same gradients");
    }

    @Test
    void changingAValueRedoesTheForwardPassAndClearsGradients() {
        ExpressionGraph graph = ExpressionGraph.build("(x+y)*z", false);
        assertEquals(List.of("x", "y", "z"), graph.variables());
        assertEquals(2, graph.outputValue(), 0.0, "every variable starts at 1");
        graph.backwardAll();
        graph.setValue("x", -2);
        assertTrue(graph.forwardComplete());
        assertEquals(0, graph.backwardDone());
        assertFalse(graph.node(graph.variableNode("x")).gradientKnown());
        assertEquals(-2, graph.value("x"), 0.0);
    }

    @Test
    void theOrderIsTopologicalAndTheSameEveryTime() {
        String expression = "max(a*b, c) + exp(a) * log(b + 2) - a/c";
        ExpressionGraph one = ExpressionGraph.build(expression, false);
        ExpressionGraph two = ExpressionGraph.build(expression, false);
        assertEquals(one.nodeCount(), two.nodeCount());
        for (int id = 0; id < one.nodeCount(); id++) {
            Node node = one.node(id);
            assertEquals(node.label(), two.node(id).label());
            for (int s = 0; s < node.inputCount(); s++) {
                assertTrue(node.input(s) < id, "inputs come first");
                assertEquals(node.input(s), two.node(id).input(s));
            }
        }
        assertEquals(one.nodeCount() - 1, one.output());
    }

    @Test
    void aLongChainNeedsNoRecursionInTheSort() {
        // the sort itself is iterative: a 99-gate chain through the builder's inputs list
        java.util.List<int[]> inputs = new java.util.ArrayList<>();
        inputs.add(new int[0]);
        for (int i = 1; i < 100_000; i++) {
            inputs.add(new int[] {i - 1});
        }
        int[] order = ExpressionGraph.topologicalOrder(inputs, inputs.size() - 1);
        assertEquals(100_000, order.length);
        for (int i = 0; i < order.length; i++) {
            assertEquals(i, order[i]);
        }
        ExpressionGraph sum = ExpressionGraph.build("x" + "+x".repeat(98), false);
        assertEquals(98, sum.gateCount());
        sum.backwardAll();
        assertEquals(99, sum.gradient("x"), 0.0, "one variable used 99 times: the gradients add");
    }

    @Test
    void infinitiesAndNaNsAreShownWithAReasonNeverThrown() {
        ExpressionGraph division = ExpressionGraph.build("1/x + y", false);
        division.setValue("x", 0);
        assertEquals(Double.POSITIVE_INFINITY, division.outputValue());
        assertEquals(List.of("division by zero: 1/x at x = 0 is \u221e"), division.problems());
        division.backwardAll();
        assertTrue(Double.isNaN(division.gradient("x")) || Double.isInfinite(division.gradient("x")));

        ExpressionGraph log = ExpressionGraph.build("log(x) * 2", false);
        log.setValue("x", -2);
        assertTrue(Double.isNaN(log.outputValue()));
        assertEquals(
                List.of("log of a negative number: log(-2) is NaN"), log.problems(), "only the gate where it starts");

        ExpressionGraph root = ExpressionGraph.build("sqrt(x)", false);
        root.setValue("x", 0);
        assertEquals(List.of("the local gradient of sqrt at 0 is \u221e"), root.problems());
        ExpressionGraph divide = ExpressionGraph.build("x/y", false);
        divide.setValue("y", 0);
        assertEquals(List.of("division by zero: 1/0 is \u221e"), divide.problems());
    }

    @Test
    void badValuesAreRefusedNamingTheVariableAndTheRange() {
        ExpressionGraph graph = ExpressionGraph.build("x*y", false);
        assertEquals(
                "x: \u221e is not allowed; allowed: a finite decimal number from -1000000 to 1000000",
                assertThrows(GraphException.class, () -> graph.setValue("x", Double.POSITIVE_INFINITY))
                        .getMessage());
        assertEquals(
                "x: NaN is not allowed; allowed: a finite decimal number from -1000000 to 1000000",
                assertThrows(GraphException.class, () -> graph.setValue("x", Double.NaN))
                        .getMessage());
        assertEquals(
                "unknown variable \"q\"; the expression's variables: x, y",
                assertThrows(GraphException.class, () -> graph.setValue("q", 1)).getMessage());
        assertEquals(
                "y: \"abc\" is not a number; allowed: a finite decimal number from -1000000 to 1000000",
                assertThrows(GraphException.class, () -> ExpressionGraph.parseValue("y", "abc"))
                        .getMessage());
        assertEquals(
                "y: 2000000 is not allowed; allowed: a finite decimal number from -1000000 to 1000000",
                assertThrows(GraphException.class, () -> ExpressionGraph.parseValue("y", "2e6"))
                        .getMessage());
        assertEquals(-0.5, ExpressionGraph.parseValue("y", "-.5"), 0.0);
        assertEquals(0.5, ExpressionGraph.parseValue("y", "+0.5"), 0.0);
        assertEquals(3, ExpressionGraph.parseValue("y", " 3. "), 0.0);
        assertEquals(0.1, ExpressionGraph.parseValue("y", "0.1"), 0.0, "correctly rounded");
    }

    @Test
    void numericalGradientsAndRelativeError() {
        ExpressionGraph graph = LecturePresetsTest.load(Preset.byId("neuron"), false);
        graph.backwardAll();
        for (String name : graph.variables()) {
            double analytic = graph.gradient(name);
            double numerical = graph.numericalGradient(name);
            assertTrue(ExpressionGraph.relativeError(analytic, numerical) < 1e-9, name);
        }
        assertEquals(0, ExpressionGraph.relativeError(0, 0), 0.0);
        assertEquals(0.5, ExpressionGraph.relativeError(1, 2), 0.0);
        assertEquals(0.73, Math.round(graph.outputValue() * 100) / 100.0, 0.0, "the state was not touched");
    }

    @Test
    void aConstantOrASingleVariableStillSteps() {
        ExpressionGraph constant = ExpressionGraph.build("2*3", false);
        assertEquals(6, constant.outputValue(), 0.0);
        assertEquals(1, constant.backwardTotal());
        assertTrue(constant.stepBackward().seeded());
        assertTrue(constant.backwardComplete());
        ExpressionGraph variable = ExpressionGraph.build("x", false);
        variable.backwardAll();
        assertEquals(1, variable.gradient("x"), 0.0);
    }
}
