package backprop.ui.graph;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphText;
import backprop.engine.graph.Node;
import backprop.ui.text.Html;

/**
 * The explorer's gradient table, predict-then-reveal: a variable's analytic gradient appears once
 * the backward pass has sent it something, and its numerical check (the central difference and
 * the relative error) only once every gate that uses the variable has done its backward step, so
 * the table never gives the answer away before the chain rule has produced it. Numbers have
 * {@link #DIGITS} significant digits; the full value is the cell's title (shown on hover) and its
 * {@code data-value}.
 */
public final class GradientTable {
    /** Significant digits of the table's numbers. */
    public static final int DIGITS = 4;

    private static final String DASH = "\u2013";

    private GradientTable() {}

    /**
     * True when {@code name}'s gradient is final: every gate that uses the variable has done its
     * backward step (a variable that no gate uses is final once the pass is complete).
     */
    public static boolean revealed(ExpressionGraph graph, String name) {
        int v = graph.variableNode(name);
        if (v < 0) {
            return false;
        }
        boolean used = false;
        for (int id = 0; id < graph.nodeCount(); id++) {
            Node node = graph.node(id);
            for (int s = 0; s < node.inputCount(); s++) {
                if (node.input(s) == v) {
                    used = true;
                    if (!node.backwardDone()) {
                        return false;
                    }
                }
            }
        }
        return used || graph.backwardComplete();
    }

    /** A number as the table shows it: 4 significant digits, the exact value on hover and in {@code data-value}. */
    public static String cell(String testId, double value) {
        String exact = Html.escape(GraphText.exact(value));
        return "<td data-testid=\"" + testId + "\" data-value=\"" + exact + "\" title=\"" + exact + "\">"
                + Html.escape(GraphText.significant(value, DIGITS)) + "</td>";
    }

    private static String pending(String testId, String why) {
        return "<td data-testid=\"" + testId + "\" title=\"" + Html.escape(why) + "\">" + DASH + "</td>";
    }

    /**
     * The rows: input, value, analytic ∂f/∂input, numerical, relative error. When {@code stale}
     * (the expression or a value has an error) the previous graph's numbers are not shown: one
     * row says why the table is empty.
     */
    public static String rows(ExpressionGraph graph, boolean stale) {
        if (graph == null || stale) {
            return "<tr class=\"stale-row\" data-testid=\"graph-gradients-stale\"><td colspan=\"5\">"
                    + "No gradients: fix the expression or the value marked in red, and the table comes back.</td></tr>";
        }
        StringBuilder out = new StringBuilder();
        for (String name : graph.variables()) {
            Node input = graph.node(graph.variableNode(name));
            String id = Html.escape(name);
            boolean revealed = revealed(graph, name);
            out.append("<tr><th scope=\"row\">").append(id).append("</th>");
            out.append(cell("graph-input-value-" + id, input.value()));
            if (input.gradientKnown()) {
                out.append(cell("grad-" + id, input.gradient()));
            } else {
                out.append(pending("grad-" + id, "Step backward until the chain rule reaches " + name));
            }
            if (revealed) {
                double numerical = graph.numericalGradient(name);
                out.append(cell("graph-numgrad-" + id, numerical));
                double error = ExpressionGraph.relativeError(input.gradient(), numerical);
                boolean kink = KinkNotes.lensAt(graph, name) != null;
                out.append("<td data-testid=\"graph-relerr-")
                        .append(id)
                        .append("\" data-value=\"")
                        .append(Html.escape(GraphText.exact(error)))
                        .append("\" title=\"")
                        .append(Html.escape(GraphText.exact(error)))
                        .append("\">")
                        .append(Html.escape(GraphText.significant(error, 2)))
                        .append(kink ? " <a class=\"kink-mark\" href=\"#graph-kink-" + id + "\">kink</a>" : "")
                        .append("</td>");
            } else {
                String why = "Hidden until the backward pass has finished with " + name + ": predict it first";
                out.append(pending("graph-numgrad-" + id, why));
                out.append(pending("graph-relerr-" + id, why));
            }
            out.append("</tr>");
        }
        return out.toString();
    }
}
