package backprop.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphQuery;
import backprop.engine.graph.GraphText;
import backprop.engine.graph.VectorizedExample;
import backprop.engine.kink.KinkLens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explorer's model on the JVM: predict-then-reveal, the stale table, the kink lens, the digits. */
class GraphSessionTest {
    private static GraphSession session(String query) {
        return new GraphSession(GraphQuery.parse(query));
    }

    private static String cell(String rows, String testId) {
        int at = rows.indexOf("data-testid=\"" + testId + "\"");
        assertTrue(at >= 0, testId + " in " + rows);
        int start = rows.indexOf('>', at) + 1;
        return rows.substring(start, rows.indexOf("</td>", start));
    }

    @Test
    void theNumericalCheckAppearsOnlyOnceTheBackwardPassHasFinishedWithTheInput() {
        GraphSession s = session("expr=(x+y)*z&x=-2&y=5&z=-4");
        ExpressionGraph g = s.graph();
        String before = GradientTable.rows(g, s.stale());
        for (String name : List.of("x", "y", "z")) {
            assertEquals("\u2013", cell(before, "graph-numgrad-" + name), name);
            assertEquals("\u2013", cell(before, "grad-" + name), name);
        }
        s.stepBackward(); // the * gate: z gets its gradient, final
        String afterOne = GradientTable.rows(g, s.stale());
        assertTrue(GradientTable.revealed(g, "z"));
        assertFalse(GradientTable.revealed(g, "x"));
        assertEquals("3", cell(afterOne, "grad-z"));
        assertEquals("3", cell(afterOne, "graph-numgrad-z"));
        assertEquals("\u2013", cell(afterOne, "graph-numgrad-x"));
        s.stepBackward();
        String done = GradientTable.rows(g, s.stale());
        assertEquals("-4", cell(done, "graph-numgrad-x"));
        assertTrue(done.contains("data-value=\"" + GraphText.exact(g.numericalGradient("x")) + "\""));
    }

    @Test
    void aVariableUsedTwiceIsRevealedOnlyAfterBothGatesSentTheirGradient() {
        GraphSession s = session("expr=(x+y)*(x-y)&x=3&y=2");
        ExpressionGraph g = s.graph();
        s.stepBackward(); // * gate
        s.stepBackward(); // the - gate (runs before + in backward order)
        assertTrue(g.node(g.variableNode("x")).gradientKnown(), "x already holds a part of its gradient");
        assertFalse(GradientTable.revealed(g, "x"), "but its check waits for the other use");
        s.stepBackward();
        assertTrue(GradientTable.revealed(g, "x"));
    }

    @Test
    void tableNumbersHaveFourSignificantDigitsAndTheFullValueOnHover() {
        GraphSession s = session("expr=1/(1%2Bexp(-(w0*x0%2Bw1*x1%2Bw2)))&w0=2&x0=-1&w1=-3&x1=-2&w2=-3");
        s.runAll();
        String rows = GradientTable.rows(s.graph(), false);
        double dw0 = s.graph().gradient("w0");
        assertEquals("-0.1966", cell(rows, "grad-w0"));
        assertTrue(rows.contains("title=\"" + GraphText.exact(dw0) + "\""), rows);
        assertTrue(GraphText.exact(dw0).length() > 10, "the full value has more digits than the cell");
    }

    @Test
    void afterAParseErrorTheTableShowsNoStaleGradients() {
        GraphSession s = session("expr=(x+y)*z&x=-2&y=5&z=-4");
        s.runAll();
        s.setExpression("(x+y");
        assertTrue(s.stale());
        String rows = GradientTable.rows(s.graph(), s.stale());
        assertTrue(rows.contains("graph-gradients-stale"), rows);
        assertFalse(rows.contains("grad-x"), "the previous expression's gradients are gone");
        s.setExpression("(x+y)*z");
        assertFalse(GradientTable.rows(s.graph(), s.stale()).contains("graph-gradients-stale"));
    }

    @Test
    void predictionsAreCheckedWhenTheStepRuns() {
        GraphSession s = session("expr=(x+y)*z&x=-2&y=5&z=-4");
        assertEquals(List.of("the + gate", "z"), s.predictionTargets());
        assertEquals("the * gate", s.predictionGate());
        s.setPrediction(0, "-4");
        s.setPrediction(1, "2");
        String markup = PredictionMarkup.markup(s);
        assertTrue(markup.contains("data-testid=\"graph-predict-1\""), markup);
        assertTrue(markup.contains("value=\"2\""), markup);
        s.stepBackward();
        List<String> lines = s.explanation();
        assertTrue(lines.contains("Your prediction for the + gate, -4, is right: -4."), lines.toString());
        assertTrue(
                lines.contains("Your prediction for z, 2, is off: upstream \u00d7 local gives 3."), lines.toString());
        assertEquals("", s.prediction(0), "predictions are for one step");
        assertEquals(List.of("x", "y"), s.predictionTargets());
        s.setPrediction(0, "abc");
        s.stepBackward();
        assertTrue(s.explanation().contains("Your prediction for x (\"abc\") is not a number."));
        assertTrue(s.predictionTargets().isEmpty(), "the pass is complete");
        assertEquals("", PredictionMarkup.markup(s));
    }

    @Test
    void theLecturesRoundedAnswersCountAsRight() {
        assertTrue(PredictionCheck.matches(0.20, 0.19661193324148185));
        assertTrue(PredictionCheck.matches(-0.39, -0.3932238664829637));
        assertFalse(PredictionCheck.matches(0.39, -0.3932238664829637));
        assertTrue(PredictionCheck.matches(1010, 1000));
        assertFalse(PredictionCheck.matches(0.01, 0));
    }

    @Test
    void theKinkLensExplainsReluAndMaxAtZeroTheSameWay() {
        for (String expression : List.of("relu(x)", "max(0,x)", "max(x,0)")) {
            GraphSession s = session("expr=" + expression + "&x=0");
            s.runAll();
            ExpressionGraph g = s.graph();
            assertEquals(0, g.gradient("x"), expression + ": the left-hand derivative");
            KinkLens lens = KinkNotes.lensAt(g, "x");
            assertNotNull(lens, expression);
            assertEquals(0, lens.leftDerivative());
            assertEquals(1, lens.rightDerivative());
            assertEquals(KinkLens.Side.LEFT, lens.side());
            String markup = KinkNotes.markup(g);
            assertTrue(markup.contains("data-testid=\"graph-kink-left-x\" title=\"0\">0<"), markup);
            assertTrue(markup.contains("data-testid=\"graph-kink-right-x\" title=\"1\">1<"), markup);
            assertTrue(markup.contains("data-testid=\"graph-kink-numerical-x\" title=\"0.5"), markup);
            assertTrue(markup.contains("the numerical check fails"), markup);
            String rows = GradientTable.rows(g, false);
            assertTrue(cell(rows, "graph-relerr-x").startsWith("1 <a class=\"kink-mark\""), rows);
        }
        GraphSession smooth = session("expr=relu(x)&x=1");
        smooth.runAll();
        assertNull(KinkNotes.lensAt(smooth.graph(), "x"));
        assertEquals("", KinkNotes.markup(smooth.graph()));
    }

    @Test
    void theKinkLensWaitsForTheReveal() {
        GraphSession s = session("expr=relu(x)&x=0");
        assertEquals("", KinkNotes.markup(s.graph()), "before the backward pass it would give the answer away");
        s.stepBackward();
        assertTrue(KinkNotes.markup(s.graph()).contains("graph-kink-x"));
    }

    @Test
    void theSvmPresetReadsStageByStageWithTheLecturesNumbers() {
        GraphSession s = session("");
        s.loadPreset("svm");
        ExpressionGraph g = s.graph();
        assertTrue(SvmReadout.applies(g));
        double[] scores = SvmReadout.scores(g);
        assertEquals(3.2, scores[0], 1e-12);
        assertEquals(5.1, scores[1], 1e-12);
        assertEquals(-1.7, scores[2], 1e-12);
        double[] hinge = SvmReadout.hinges(scores);
        assertEquals(2.9, hinge[0] + hinge[1], 1e-12);
        assertEquals(8.39, SvmReadout.penalty(g), 1e-12);
        assertEquals(3.739, g.outputValue(), 1e-12);
        String markup = SvmReadout.markup(g);
        assertTrue(markup.contains("data-testid=\"graph-svm-hinge\">2.9<"), markup);
        assertTrue(markup.contains("data-testid=\"graph-svm-total\">3.739<"), markup);
        assertFalse(markup.contains("graph-svm-dw"), "no gradients before the backward pass");
        s.runAll();
        // dL/dW_j = dL/ds_j x^T + 2 lambda W_j, x = (2, 1): cat -x, car +x, frog 0
        double[][] expected = {{-1.8, -0.76}, {2.4, 1.22}, {-0.1, -0.14}};
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(expected[j][k], g.gradient("w" + j + k), 1e-12, "w" + j + k);
            }
        }
        String after = SvmReadout.markup(g);
        assertTrue(after.contains("data-testid=\"graph-svm-dw\""), after);
        assertTrue(after.contains("\">-1.8</td>"), after);
        assertEquals("", SvmReadout.markup(session("expr=x*y").graph()));
    }

    @Test
    void theVectorizedViewShowsTheDiagonalJacobianOfTheSquareGate() {
        VectorizedExample v = VectorizedExample.of(new double[] {0.1, 0.5, -0.3, 0.8}, new double[] {0.2, 0.4});
        String markup = GraphMarkup.vectorized(v);
        assertTrue(markup.contains("data-testid=\"graph-vec-jacobian\""), markup);
        // q = (0.22, 0.26): diag(0.44, 0.52), zero off the diagonal
        assertTrue(
                markup.replaceAll(" title=\"[^\"]*\"", "")
                        .contains("<table data-testid=\"graph-vec-jacobian\"><tr><td>0.44</td><td>0</td></tr>"
                                + "<tr><td>0</td><td>0.52</td></tr></table>"),
                markup);
    }
}
