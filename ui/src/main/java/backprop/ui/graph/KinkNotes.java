package backprop.ui.graph;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphText;
import backprop.engine.kink.KinkLens;
import backprop.engine.kink.ScalarFunctions;
import backprop.ui.text.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * The kink lens in the explorer: for each variable whose numerical check is shown and that sits on
 * a kink of f (relu(x) at x = 0, max(0, x), |x|, two tied inputs of max), the slopes from the left
 * and from the right, the one backprop used (the engine's convention: the left-hand slope), the
 * central difference, and why the check fails there although the backward code is right.
 */
public final class KinkNotes {
    private KinkNotes() {}

    /** The lens on f along {@code name} at its value, or null when f is smooth there or a slope is not a number. */
    public static KinkLens lensAt(ExpressionGraph graph, String name) {
        KinkLens lens = KinkLens.at(ScalarFunctions.along(graph, name), graph.value(name));
        if (!lens.isKink()
                || !Double.isFinite(lens.leftDerivative())
                || !Double.isFinite(lens.rightDerivative())
                || !Double.isFinite(lens.convention())) {
            return null;
        }
        return lens;
    }

    /** The variables, among those whose check is revealed, that sit on a kink, with their lenses. */
    public static List<String> kinkedVariables(ExpressionGraph graph) {
        List<String> names = new ArrayList<>();
        for (String name : graph.variables()) {
            if (GradientTable.revealed(graph, name) && lensAt(graph, name) != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** The lens panel's content, or "" when no revealed variable sits on a kink. */
    public static String markup(ExpressionGraph graph) {
        StringBuilder out = new StringBuilder();
        for (String name : kinkedVariables(graph)) {
            KinkLens lens = lensAt(graph, name);
            String id = Html.escape(name);
            out.append("<section class=\"kink-lens\" id=\"graph-kink-")
                    .append(id)
                    .append("\" data-testid=\"graph-kink-")
                    .append(id)
                    .append("\" data-side=\"")
                    .append(lens.side().name().toLowerCase())
                    .append("\"><h3>Kink lens: f along ")
                    .append(id)
                    .append(" at ")
                    .append(id)
                    .append(" = ")
                    .append(Html.escape(GraphText.significant(lens.x(), 4)))
                    .append("</h3><dl class=\"kink-slopes\">");
            term(out, "slope from the left", lens.leftDerivative(), "graph-kink-left-" + id);
            term(out, "slope from the right", lens.rightDerivative(), "graph-kink-right-" + id);
            term(out, "backprop uses (" + convention(lens.side()) + ")", lens.convention(), "graph-kink-used-" + id);
            term(out, "central difference", lens.numerical(), "graph-kink-numerical-" + id);
            out.append("</dl><p>").append(Html.escape(lens.explanation())).append("</p></section>");
        }
        return out.toString();
    }

    private static String convention(KinkLens.Side side) {
        switch (side) {
            case LEFT:
                return "left-hand: the engine's convention";
            case RIGHT:
                return "right-hand here: each gate uses its own left-hand slope, which a sign flip or a tie in max turns into f's right-hand one";
            default:
                return "neither side";
        }
    }

    private static void term(StringBuilder out, String title, double value, String testId) {
        out.append("<dt>")
                .append(Html.escape(title))
                .append("</dt><dd data-testid=\"")
                .append(testId)
                .append("\" title=\"")
                .append(Html.escape(GraphText.exact(value)))
                .append("\">")
                .append(Html.escape(GraphText.significant(value, 4)))
                .append("</dd>");
    }
}
