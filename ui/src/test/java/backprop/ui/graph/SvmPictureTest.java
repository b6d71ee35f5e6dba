package backprop.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphLayout;
import backprop.engine.graph.GraphQuery;
import backprop.engine.graph.Node;
import backprop.engine.graph.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVM preset's picture: its stages left to right, no gate on another's wire, no label on another. */
class SvmPictureTest {
    private static ExpressionGraph svm() {
        GraphSession s = new GraphSession(GraphQuery.parse(""));
        s.loadPreset("svm");
        s.runAll();
        return s.graph();
    }

    private static List<Integer> gates(ExpressionGraph g, Op op) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < g.nodeCount(); id++) {
            if (g.node(id).op() == op) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void eachStageHasItsOwnColumnLeftToRight() {
        ExpressionGraph g = svm();
        GraphLayout layout = GraphLayout.treeOrder(g);
        assertEquals(SvmReadout.STAGES.length, layout.columns());
        for (int id : gates(g, Op.INPUT)) {
            assertEquals(0, layout.column(id));
        }
        for (int id : gates(g, Op.SUBTRACT)) {
            assertEquals(3, layout.column(id), "margins");
        }
        for (int id : gates(g, Op.ADD_CONSTANT)) {
            assertEquals(4, layout.column(id), "+ 1");
        }
        for (int id : gates(g, Op.MAX_CONSTANT)) {
            assertEquals(5, layout.column(id), "hinge");
        }
        for (int id : gates(g, Op.POWER_CONSTANT)) {
            assertEquals(1, layout.column(id), "w²");
        }
        assertEquals(8, layout.column(g.output()), "L");
    }

    @Test
    void theDataLossIsAboveTheRegularizationAndLambdaRunsUnderEverything() {
        ExpressionGraph g = svm();
        GraphLayout layout = GraphLayout.treeOrder(g);
        double lowestProduct = -1;
        for (int id : gates(g, Op.MULTIPLY)) {
            if (layout.column(id) == 1) {
                lowestProduct = Math.max(lowestProduct, layout.row(id));
            }
        }
        for (int id : gates(g, Op.POWER_CONSTANT)) {
            assertTrue(layout.row(id) > lowestProduct, "w² below every w·x");
        }
        int lam = g.variableNode("lam");
        for (int id = 0; id < g.nodeCount(); id++) {
            if (id != lam) {
                assertTrue(layout.row(id) < layout.row(lam), "λ's wire runs under node " + id);
            }
        }
    }

    @Test
    void noGateSharesAPlaceOrSitsOnALevelWire() {
        ExpressionGraph g = svm();
        GraphLayout layout = GraphLayout.treeOrder(g);
        for (int a = 0; a < g.nodeCount(); a++) {
            for (int b = a + 1; b < g.nodeCount(); b++) {
                if (layout.column(a) == layout.column(b)) {
                    assertTrue(Math.abs(layout.row(a) - layout.row(b)) >= 1, a + " and " + b + " overlap");
                }
            }
        }
        // a wire that skips columns runs level at its source's row until the column before its target
        for (int t = 0; t < g.nodeCount(); t++) {
            Node target = g.node(t);
            for (int s = 0; s < target.inputCount(); s++) {
                int source = target.input(s);
                for (int c = layout.column(source) + 1; c < layout.column(t); c++) {
                    for (int other = 0; other < g.nodeCount(); other++) {
                        if (layout.column(other) == c) {
                            assertTrue(
                                    Math.abs(layout.row(other) - layout.row(source)) >= 0.5,
                                    "node " + other + " sits on the wire " + source + " -> " + t);
                        }
                    }
                }
            }
        }
    }

    private record Box(String text, double x, double y) {}

    @Test
    void noLabelOfThePictureOverlapsAnother() {
        String svg = GraphMarkup.svg(svm(), -1, false);
        assertTrue(svg.contains("data-testid=\"graph-stages\""), "the stages are named");
        assertTrue(svg.contains(">hinge<"), svg);
        Matcher m = Pattern.compile("<text class=\"(edge-value|edge-grad)[^\"]*\" x=\"([-0-9.]+)\" y=\"([-0-9.]+)\""
                        + " text-anchor=\"middle\">([^<]*)</text>")
                .matcher(svg);
        List<Box> labels = new ArrayList<>();
        while (m.find()) {
            labels.add(new Box(m.group(4), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
        }
        assertTrue(labels.size() > 40, "values and gradients on the gates' wires: " + labels.size());
        // 12 px text: about 7 px per character, 12 px tall
        for (int a = 0; a < labels.size(); a++) {
            for (int b = a + 1; b < labels.size(); b++) {
                Box p = labels.get(a);
                Box q = labels.get(b);
                double halfWidths = (p.text().length() + q.text().length()) * 7 / 2.0;
                boolean overlap = Math.abs(p.x() - q.x()) < halfWidths && Math.abs(p.y() - q.y()) < 12;
                assertFalse(overlap, p + " overlaps " + q);
            }
        }
    }

    @Test
    void otherGraphsKeepTheLecturesLayout() {
        GraphSession s = new GraphSession(GraphQuery.parse("expr=(x+y)*z&x=-2&y=5&z=-4"));
        String svg = GraphMarkup.svg(s.graph(), -1, false);
        assertFalse(svg.contains("graph-stages"));
        GraphLayout layout = GraphLayout.of(s.graph());
        assertEquals(0.5, layout.row(g(s.graph(), Op.ADD)), 1e-12, "+ between x and y");
    }

    private static int g(ExpressionGraph graph, Op op) {
        return gates(graph, op).get(0);
    }
}
