package backprop.engine.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lecture's examples, to the digits the lecture prints. */
class LecturePresetsTest {
    static ExpressionGraph load(Preset preset, boolean collapse) {
        ExpressionGraph graph = ExpressionGraph.build(preset.expression(), collapse);
        assertEquals(preset.names(), graph.variables(), "preset variables in order of appearance");
        for (int i = 0; i < preset.names().size(); i++) {
            graph.setValue(preset.names().get(i), preset.values()[i]);
        }
        return graph;
    }

    private static List<String> gateLabels(ExpressionGraph graph) {
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < graph.gateCount(); g++) {
            labels.add(graph.node(graph.gate(g)).label());
        }
        return labels;
    }

    private static String twoDecimals(double x) {
        return GraphText.fixed(Math.abs(x), 2).equals("0.00")
                ? "0.00"
                : (x < 0 ? "-" : "") + GraphText.fixed(Math.abs(x), 2);
    }

    @Test
    void xPlusYTimesZ() {
        ExpressionGraph graph = load(Preset.byId("lecture"), false);
        assertEquals(List.of("+", "*"), gateLabels(graph));
        Node q = graph.node(graph.gate(0));
        assertEquals(3, q.value(), 0.0, "q = x + y");
        assertEquals(-12, graph.outputValue(), 0.0, "f = q z");
        assertFalse(graph.node(graph.output()).gradientKnown(), "on load the backward pass is not done");

        BackwardStep first = graph.stepBackward();
        assertTrue(first.seeded());
        assertEquals(graph.gate(1), first.gate(), "the * gate first");
        assertArrayEquals(new double[] {-4, 3}, first.local(), 0.0, "mul swaps: df/dq = z, df/dz = q");
        assertArrayEquals(new double[] {-4, 3}, first.downstream(), 0.0);
        assertEquals(3, graph.gradient("z"), 0.0);

        BackwardStep second = graph.stepBackward();
        assertEquals(graph.gate(0), second.gate(), "then the + gate");
        assertEquals(-4, second.upstream(), 0.0);
        List<String> lines = Explanation.backward(graph, second);
        assertTrue(lines.get(0).contains("add gate: gradient distributor"), lines.toString());
        assertEquals("to x: -4 \u00d7 1 = -4", lines.get(1));
        assertEquals("to y: -4 \u00d7 1 = -4", lines.get(2));
        assertTrue(graph.backwardComplete());
        assertEquals(-4, graph.gradient("x"), 0.0);
        assertEquals(-4, graph.gradient("y"), 0.0);
        assertEquals(3, graph.gradient("z"), 0.0);
        assertEquals(null, graph.stepBackward(), "nothing left");
    }

    @Test
    void sigmoidNeuronHasTheLecturesEightGatesAndNumbers() {
        ExpressionGraph graph = load(Preset.byId("neuron"), false);
        List<String> labels = gateLabels(graph);
        assertEquals(8, graph.gateCount());
        assertEquals(List.of("*", "*", "+", "+", "*-1", "exp", "+1", "1/x"), labels);
        // forward values on the lecture's slide
        double[] forward = {-2, 6, 4, 1, -1, 0.37, 1.37, 0.73};
        for (int g = 0; g < 8; g++) {
            assertEquals(
                    twoDecimals(forward[g]),
                    twoDecimals(graph.node(graph.gate(g)).value()),
                    labels.get(g));
        }
        assertEquals("0.73", twoDecimals(graph.outputValue()));
        graph.backwardAll();
        // gradients flowing back, as on the slide: 1.00, -0.53, -0.53, -0.20, 0.20, 0.20, 0.20, 0.20
        assertEquals("-0.53", GraphText.brief(graph.node(graph.gate(6)).gradient()), "after 1/x");
        assertEquals("-0.53", GraphText.brief(graph.node(graph.gate(5)).gradient()), "after +1");
        assertEquals("-0.20", GraphText.brief(graph.node(graph.gate(4)).gradient()), "after exp");
        assertEquals("0.20", GraphText.brief(graph.node(graph.gate(3)).gradient()), "after *-1");
        assertEquals("-0.20", twoDecimals(graph.gradient("w0")));
        assertEquals("0.39", twoDecimals(graph.gradient("x0")));
        assertEquals("-0.39", twoDecimals(graph.gradient("w1")));
        assertEquals("-0.59", twoDecimals(graph.gradient("x1")));
        assertEquals("0.20", twoDecimals(graph.gradient("w2")));
    }

    @Test
    void collapsedSigmoidIsOneGateWithTheSameGradients() {
        ExpressionGraph full = load(Preset.byId("neuron"), false);
        ExpressionGraph collapsed = load(Preset.byId("neuron"), true);
        assertEquals(List.of("*", "*", "+", "+", "\u03c3"), gateLabels(collapsed));
        Node sigmoid = collapsed.node(collapsed.gate(4));
        assertEquals(Op.SIGMOID, sigmoid.op());
        assertEquals("(1-\u03c3(x))\u03c3(x)", sigmoid.op().localGradientFormula(0));
        double s = sigmoid.value();
        assertEquals((1 - s) * s, sigmoid.localGradient(0), 0.0);
        assertEquals("0.20", twoDecimals(sigmoid.localGradient(0)), "the lecture's (0.73)(1-0.73) = 0.2");
        full.backwardAll();
        collapsed.backwardAll();
        assertEquals(full.outputValue(), collapsed.outputValue(), 1e-15);
        for (String name : full.variables()) {
            assertEquals(full.gradient(name), collapsed.gradient(name), 1e-15, name);
        }
        // written with a product by -1 and the sum the other way round, it still collapses
        assertEquals(List.of("*", "\u03c3"), gateLabels(ExpressionGraph.build("1/(exp(-1*(a*b))+1)", true)));
        // a constant argument is folded, not a gate
        assertEquals(0, ExpressionGraph.build("1/(1+exp(-2))", true).gateCount());
    }

    @Test
    void patternsAddMulMaxAndCopy() {
        ExpressionGraph patterns = load(Preset.byId("patterns"), false);
        assertEquals(-20, patterns.outputValue(), 0.0);
        patterns.backwardAll();
        assertEquals(-8, patterns.gradient("x"), 0.0);
        assertEquals(6, patterns.gradient("y"), 0.0);
        assertEquals(2, patterns.gradient("z"), 0.0, "max routes the gradient to the larger input");
        assertEquals(0, patterns.gradient("w"), 0.0, "and nothing to the other");
        List<String> names = new ArrayList<>();
        for (int g = 0; g < patterns.gateCount(); g++) {
            names.add(String.valueOf(patterns.node(patterns.gate(g)).pattern()));
        }
        assertTrue(names.contains("mul gate: swap multiplier"), names.toString());
        assertTrue(names.contains("max gate: gradient router"), names.toString());
        assertTrue(names.contains("add gate: gradient distributor"), names.toString());

        ExpressionGraph copy = load(Preset.byId("copy"), false);
        assertTrue(copy.node(copy.variableNode("x")).isCopy());
        assertEquals(5, copy.outputValue(), 0.0);
        List<String> explanations = new ArrayList<>();
        while (!copy.backwardComplete()) {
            explanations.addAll(Explanation.backward(copy, copy.stepBackward()));
        }
        assertEquals(6, copy.gradient("x"), 0.0, "2x: the two uses add");
        assertEquals(-4, copy.gradient("y"), 0.0, "-2y");
        assertTrue(
                explanations.stream()
                        .anyMatch(l -> l.startsWith("to x: ")
                                && l.contains("added to the 5 already there: 6 (copy gate: gradient adder)")),
                explanations.toString());
    }

    @Test
    void localGradientTable() {
        ExpressionGraph graph = load(Preset.byId("local"), false);
        assertEquals(List.of("exp", "*2", "+3", "1/x"), gateLabels(graph));
        assertEquals(0.2, graph.outputValue(), 1e-16);
        graph.backwardAll();
        assertEquals(-0.08, graph.gradient("x"), 1e-16);
        assertEquals("e^x", graph.node(graph.gate(0)).op().localGradientFormula(1));
        assertEquals("2", graph.node(graph.gate(1)).op().localGradientFormula(2));
        assertEquals("1", graph.node(graph.gate(2)).op().localGradientFormula(3));
        assertEquals("-1/x^2", graph.node(graph.gate(3)).op().localGradientFormula(1));
    }

    @Test
    void vectorizedExample() {
        ExpressionGraph graph = load(Preset.byId("vectorized"), false);
        VectorizedExample v = VectorizedExample.of(graph);
        assertNotNull(v);
        assertArrayEquals(new double[] {0.22, 0.26}, v.q(), 1e-15);
        assertEquals(0.116, v.f(), 1e-15);
        assertEquals(v.f(), graph.outputValue(), 0.0);
        assertArrayEquals(new double[] {0.088, 0.176, 0.104, 0.208}, v.dW(), 1e-15, "2 q x^T");
        assertArrayEquals(new double[] {-0.112, 0.636}, v.dx(), 1e-15, "2 W^T q");
        assertTrue(v.largestRelativeError() < 1e-8, "numerical check " + v.largestRelativeError());
        graph.backwardAll();
        String[] w = {"w11", "w12", "w21", "w22"};
        for (int k = 0; k < 4; k++) {
            assertEquals(v.dW()[k], graph.gradient(w[k]), 1e-15, w[k]);
        }
        assertEquals(v.dx()[0], graph.gradient("x1"), 1e-15);
        assertEquals(v.dx()[1], graph.gradient("x2"), 1e-15);
        assertEquals(null, VectorizedExample.of(ExpressionGraph.build("(x+y)*z", false)));
    }

    @Test
    void svmLossOfTheCatImageIsTwoPointNineWithItsGradients() {
        Preset svm = Preset.byId("svm");
        ExpressionGraph graph = load(svm, false);
        double x1 = svm.value("x1");
        double x2 = svm.value("x2");
        double[] scores = new double[3];
        for (int j = 0; j < 3; j++) {
            scores[j] = svm.value("w" + j + "0") * x1 + svm.value("w" + j + "1") * x2;
        }
        // CS231n: cat 3.2 (correct), car 5.1, frog -1.7
        assertArrayEquals(new double[] {3.2, 5.1, -1.7}, scores, 1e-12);
        double lambda = svm.value("lam");
        double r = 0;
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 2; i++) {
                double w = svm.value("w" + j + i);
                r += w * w;
            }
        }
        double hinge = graph.outputValue() - lambda * r;
        assertEquals(2.9, hinge, 1e-12, "max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1) = 2.9 + 0");
        assertEquals("2.9", GraphText.significant(hinge, 4));
        assertEquals(8.39, r, 1e-12);
        assertEquals(3.739, graph.outputValue(), 1e-12);
        graph.backwardAll();
        // dL/ds_car = 1 (its margin is positive), dL/ds_frog = 0, dL/ds_cat = -1; plus 2λw from R
        double[] dLdScore = {-1, 1, 0};
        double[] x = {x1, x2};
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 2; i++) {
                String name = "w" + j + i;
                assertEquals(dLdScore[j] * x[i] + 2 * lambda * svm.value(name), graph.gradient(name), 1e-12, name);
            }
        }
        assertEquals(svm.value("w10") - svm.value("w00"), graph.gradient("x1"), 1e-12, "dL/dx = W_car - W_cat");
        assertEquals(svm.value("w11") - svm.value("w01"), graph.gradient("x2"), 1e-12);
        assertEquals(r, graph.gradient("lam"), 1e-12, "dL/dλ = R");
        for (String name : svm.names()) {
            double numerical = graph.numericalGradient(name);
            assertTrue(
                    ExpressionGraph.relativeError(graph.gradient(name), numerical) < 1e-8
                            || Math.abs(graph.gradient(name) - numerical) < 1e-9,
                    name + ": " + graph.gradient(name) + " vs " + numerical);
        }
    }

    @Test
    void presetsAreDistinctAndMatchByExpression() {
        for (Preset preset : Preset.all()) {
            assertEquals(
                    preset.id(),
                    Preset.matching(" " + preset.expression() + " ").id());
            assertEquals(preset.expression(), Preset.byId(preset.id()).expression());
            ExpressionGraph graph = load(preset, false);
            graph.backwardAll();
            assertTrue(graph.problems().isEmpty(), preset.id());
        }
        assertEquals("lecture", Preset.first().id());
    }
}
