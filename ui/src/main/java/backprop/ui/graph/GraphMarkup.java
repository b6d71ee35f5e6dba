package backprop.ui.graph;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphLayout;
import backprop.engine.graph.GraphText;
import backprop.engine.graph.Node;
import backprop.engine.graph.Op;
import backprop.engine.graph.VectorizedExample;
import backprop.engine.spec.SpecNumbers;
import backprop.ui.text.Html;
import java.util.List;

/**
 * The explorer's markup, built as text from a snapshot of the graph (no DOM here): the SVG
 * picture in the lecture's style (inputs left, one node per gate, the output right; each edge
 * with its value above and, once known, its gradient below), the variable inputs, the gradient
 * table and the vectorized example. Every text is escaped.
 */
public final class GraphMarkup {
    private static final int COLUMN = 122;
    private static final int ROW = 96;
    private static final int LEFT = 88;
    private static final int TOP = 44;
    private static final int RIGHT = 92;
    private static final int HALF_HEIGHT = 17;
    /** Room above the picture for the stage names of a staged picture (the SVM loss). */
    private static final int STAGE_HEADER = 40;
    /** Extra room on the left of a staged picture, whose variables show their values. */
    private static final int STAGE_SHIFT = 48;

    private GraphMarkup() {}

    private static int width(Node node) {
        if (node.op() == Op.INPUT) {
            return 0;
        }
        return Math.max(40, node.label().length() * 9 + 18);
    }

    private static double x(GraphLayout layout, int id) {
        return LEFT + layout.column(id) * COLUMN;
    }

    private static double y(GraphLayout layout, int id) {
        return TOP + layout.row(id) * ROW;
    }

    private static String n(double v) {
        // coordinates to one decimal, enough for SVG and the same in every runtime
        return SpecNumbers.formatReal(Math.floor(v * 10 + 0.5) / 10);
    }

    /** The whole picture. {@code highlighted} is the gate of the last step, or -1. */
    public static String svg(ExpressionGraph graph, int highlighted, boolean stale) {
        // the SVM loss is large: laid out as a tree from the output, with its stages named on top
        String[] stages = SvmReadout.applies(graph) ? SvmReadout.STAGES : null;
        GraphLayout layout = stages != null ? GraphLayout.treeOrder(graph) : GraphLayout.of(graph);
        if (stages != null && stages.length != layout.columns()) {
            stages = null;
        }
        double header = stages == null ? 0 : STAGE_HEADER;
        // room on the left for "w21 = -0.70"
        double shift = stages == null ? 0 : STAGE_SHIFT;
        int output = graph.output();
        double width = LEFT + (layout.columns() - 1) * COLUMN + width(graph.node(output)) / 2.0 + RIGHT + shift;
        double height = TOP + (layout.rows() - 1) * ROW + 56 + header;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph-svg")
                .append(stale ? " stale" : "")
                .append("\" viewBox=\"0 0 ")
                .append(n(width))
                .append(' ')
                .append(n(height))
                .append("\" width=\"")
                .append(n(width))
                .append("\" height=\"")
                .append(n(height))
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(
                        "Computational graph of f = " + graph.expression() + ": " + graph.gateCount() + " gates"))
                .append("\">");
        if (stages != null) {
            stageHeaders(svg, stages, shift);
            svg.append("<g transform=\"translate(")
                    .append(n(shift))
                    .append(',')
                    .append(n(header))
                    .append(")\">");
        }
        StringBuilder labels = new StringBuilder();
        for (int id = 0; id < graph.nodeCount(); id++) {
            Node node = graph.node(id);
            for (int s = 0; s < node.inputCount(); s++) {
                edge(svg, labels, graph, layout, node, s, id == highlighted, stages != null);
            }
        }
        outputWire(svg, labels, graph, layout);
        svg.append(labels);
        for (int id = 0; id < graph.nodeCount(); id++) {
            Node node = graph.node(id);
            if (node.op() == Op.INPUT) {
                input(svg, node, layout, stages != null);
            } else {
                gate(svg, node, layout, id == highlighted, id == output);
            }
        }
        if (stages != null) {
            svg.append("</g>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /**
     * The stage of each column, on two lines above the picture: what the column computes, so the
     * lecture's structure reads left to right.
     */
    private static void stageHeaders(StringBuilder svg, String[] stages, double shift) {
        svg.append("<g class=\"stages\" data-testid=\"graph-stages\">");
        for (int c = 0; c < stages.length; c++) {
            String[] lines = stages[c].split("\n");
            double cx = shift + LEFT + c * COLUMN;
            svg.append("<text class=\"stage\" data-testid=\"graph-stage\" x=\"")
                    .append(n(cx))
                    .append("\" y=\"18\" text-anchor=\"middle\">");
            for (int k = 0; k < lines.length; k++) {
                svg.append("<tspan x=\"")
                        .append(n(cx))
                        .append(k == 0 ? "\">" : "\" dy=\"15\">")
                        .append(Html.escape(lines[k]))
                        .append("</tspan>");
            }
            svg.append("</text>");
        }
        svg.append("</g>");
    }

    private static void edge(
            StringBuilder svg,
            StringBuilder labels,
            ExpressionGraph graph,
            GraphLayout layout,
            Node target,
            int slot,
            boolean active,
            boolean staged) {
        Node source = graph.node(target.input(slot));
        double sx = x(layout, source.id()) + width(source) / 2.0;
        double sy = y(layout, source.id());
        double tx = x(layout, target.id()) - width(target) / 2.0;
        double ty = y(layout, target.id()) + (target.inputCount() == 2 ? (slot == 0 ? -7 : 7) : 0);
        double bendX = sx;
        StringBuilder points = new StringBuilder();
        points.append(n(sx)).append(',').append(n(sy));
        if (layout.column(target.id()) - layout.column(source.id()) > 1) {
            // run level until the column before the target, then turn towards it
            bendX = x(layout, target.id()) - COLUMN + 34;
            points.append(' ').append(n(bendX)).append(',').append(n(sy));
        }
        points.append(' ').append(n(tx)).append(',').append(n(ty));
        svg.append("<polyline class=\"edge")
                .append(active ? " active" : "")
                .append("\" points=\"")
                .append(points)
                .append("\"/>");
        // labels two thirds along the last segment: clear of crossings in the middle, and
        // edges meeting at a gate from neighbouring rows keep theirs apart
        double mx = bendX + (tx - bendX) * 0.66;
        double my = sy + (ty - sy) * 0.66;
        if (staged && source.op() == Op.INPUT) {
            // a staged picture's variables fan out to many gates: the value is written beside the
            // name and the summed gradient under it, so these crowded wires carry no labels
            return;
        }
        if (source.valueKnown()) {
            label(labels, "edge-value", mx, my - 7, GraphText.brief(source.value()));
        }
        if (target.backwardDone()) {
            label(
                    labels,
                    "edge-grad" + (active ? " active" : ""),
                    mx,
                    my + 16,
                    GraphText.brief(target.downstream(slot)));
        }
    }

    private static void outputWire(StringBuilder svg, StringBuilder labels, ExpressionGraph graph, GraphLayout layout) {
        Node out = graph.node(graph.output());
        double sx = x(layout, out.id()) + width(out) / 2.0;
        double sy = y(layout, out.id());
        double ex = sx + RIGHT - 30;
        svg.append("<polyline class=\"edge output\" points=\"")
                .append(n(sx))
                .append(',')
                .append(n(sy))
                .append(' ')
                .append(n(ex))
                .append(',')
                .append(n(sy))
                .append("\"/>");
        svg.append("<text class=\"output-name\" x=\"")
                .append(n(ex + 6))
                .append("\" y=\"")
                .append(n(sy + 5))
                .append("\">f</text>");
        double mx = (sx + ex) / 2;
        if (out.valueKnown()) {
            label(labels, "edge-value", mx, sy - 7, GraphText.brief(out.value()));
        }
        if (out.gradientKnown()) {
            label(labels, "edge-grad", mx, sy + 16, GraphText.brief(out.gradient()));
        }
    }

    private static void label(StringBuilder out, String cssClass, double x, double y, String text) {
        out.append("<text class=\"")
                .append(cssClass)
                .append("\" x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" text-anchor=\"middle\">")
                .append(Html.escape(text))
                .append("</text>");
    }

    private static void input(StringBuilder svg, Node node, GraphLayout layout, boolean staged) {
        double cx = x(layout, node.id());
        double cy = y(layout, node.id());
        svg.append("<g class=\"input")
                .append(node.isCopy() ? " copy" : "")
                .append("\" data-testid=\"graph-input\" data-name=\"")
                .append(Html.escape(node.name()))
                .append("\">");
        svg.append("<circle cx=\"")
                .append(n(cx))
                .append("\" cy=\"")
                .append(n(cy))
                .append("\" r=\"3.5\"/>");
        svg.append("<text class=\"input-name\" x=\"")
                .append(n(cx - 8))
                .append("\" y=\"")
                .append(n(cy + 5))
                .append("\" text-anchor=\"end\">")
                .append(Html.escape(node.name()))
                .append(staged && node.valueKnown() ? " = " + Html.escape(GraphText.brief(node.value())) : "")
                .append("</text>");
        if (node.isCopy()) {
            svg.append("<text class=\"pattern\" x=\"")
                    .append(n(cx - 8))
                    .append("\" y=\"")
                    .append(n(cy + 20))
                    .append("\" text-anchor=\"end\">copy: adds</text>");
            if (node.gradientKnown()) {
                svg.append("<text class=\"edge-grad\" x=\"")
                        .append(n(cx - 8))
                        .append("\" y=\"")
                        .append(n(cy + 34))
                        .append("\" text-anchor=\"end\">\u03a3 ")
                        .append(Html.escape(GraphText.brief(node.gradient())))
                        .append("</text>");
            }
        }
        svg.append("</g>");
    }

    private static void gate(StringBuilder svg, Node node, GraphLayout layout, boolean active, boolean isOutput) {
        double cx = x(layout, node.id());
        double cy = y(layout, node.id());
        int w = width(node);
        StringBuilder classes = new StringBuilder("gate");
        if (!node.valueKnown()) {
            classes.append(" pending");
        }
        if (node.backwardDone()) {
            classes.append(" done");
        }
        if (active) {
            classes.append(" active");
        }
        if (node.problem() != null) {
            classes.append(" problem");
        }
        String description = node.label() + " gate"
                + (node.valueKnown() ? ", value " + GraphText.brief(node.value()) : ", not evaluated")
                + (node.gradientKnown() ? ", gradient " + GraphText.brief(node.gradient()) : "")
                + (node.pattern() != null ? " (" + node.pattern() + ")" : "");
        svg.append("<g class=\"")
                .append(classes)
                .append("\" data-testid=\"graph-gate\" data-op=\"")
                .append(node.op().name().toLowerCase())
                .append("\" data-label=\"")
                .append(Html.escape(node.label()))
                .append("\"><title>")
                .append(Html.escape(description))
                .append("</title>");
        svg.append("<rect x=\"")
                .append(n(cx - w / 2.0))
                .append("\" y=\"")
                .append(n(cy - HALF_HEIGHT))
                .append("\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(2 * HALF_HEIGHT)
                .append("\" rx=\"")
                .append(HALF_HEIGHT)
                .append("\"/>");
        svg.append("<text class=\"gate-label\" x=\"")
                .append(n(cx))
                .append("\" y=\"")
                .append(n(cy + 5))
                .append("\" text-anchor=\"middle\">")
                .append(Html.escape(node.label()))
                .append("</text>");
        String pattern = shortPattern(node);
        if (pattern != null) {
            // above and to the right, where the gate's own output labels are not (they sit near the next gate)
            svg.append("<text class=\"pattern\" x=\"")
                    .append(n(cx - 8))
                    .append("\" y=\"")
                    .append(n(cy - HALF_HEIGHT - 6))
                    .append("\">")
                    .append(Html.escape(pattern))
                    .append("</text>");
        }
        svg.append("</g>");
    }

    /** The lecture's short name: "distributor", "swap multiplier", "router"; "+ copy" on a gate that feeds two edges. */
    private static String shortPattern(Node node) {
        String pattern = node.pattern();
        String name = pattern == null
                ? null
                : pattern.substring(pattern.indexOf(':') + 2).replace("gradient ", "");
        if (node.isCopy()) {
            return name == null ? "copy: adds" : name + " + copy";
        }
        return name;
    }

    // ---- the controls' markup ----

    /** One labelled input per variable, as the server renders them. */
    public static String variables(List<String> names, GraphSession session) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            String id = "graph-var-" + Html.escape(name);
            out.append("<div class=\"graph-var\"><label for=\"")
                    .append(id)
                    .append("\">")
                    .append(Html.escape(name))
                    .append(" =</label><input id=\"")
                    .append(id)
                    .append("\" data-testid=\"")
                    .append(id)
                    .append("\" data-name=\"")
                    .append(Html.escape(name))
                    .append("\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" autocomplete=\"off\" value=\"")
                    .append(Html.escape(session.text(name)))
                    .append("\"></div>");
        }
        return out.toString();
    }

    public static String listItems(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append("<li>").append(Html.escape(line)).append("</li>");
        }
        return out.toString();
    }

    /** The vectorized view of ‖W·x‖²: shapes, q, and the two gradients as matrices with their checks. */
    public static String vectorized(VectorizedExample v) {
        StringBuilder out = new StringBuilder();
        out.append("<h3>As matrices: f(x, W) = \u2016W\u00b7x\u2016\u00b2</h3>");
        out.append(
                        "<p class=\"shapes\">W is 2\u00d72, x is 2\u00d71, q = W\u00b7x is 2\u00d71, f = q\u2081\u00b2 + q\u2082\u00b2 is a scalar. ")
                .append(
                        "\u2202f/\u2202q = 2q; \u2202f/\u2202W = 2q\u00b7x\u1d40 (2\u00d72, like W); \u2202f/\u2202x = 2W\u1d40\u00b7q (2\u00d71, like x).</p>");
        out.append("<div class=\"matrices\">");
        MatrixMarkup.matrix(out, "W", v.w(), 2, "graph-vec-w");
        MatrixMarkup.matrix(out, "x", v.x(), 1, "graph-vec-x");
        MatrixMarkup.matrix(out, "q = W\u00b7x", v.q(), 1, "graph-vec-q");
        MatrixMarkup.matrix(out, "\u2202f/\u2202W = 2q\u00b7x\u1d40", v.dW(), 2, "graph-vec-dw");
        MatrixMarkup.matrix(out, "\u2202f/\u2202x = 2W\u1d40\u00b7q", v.dx(), 1, "graph-vec-dx");
        MatrixMarkup.matrix(out, "numerical \u2202f/\u2202W", v.numericalDW(), 2, "graph-vec-num-dw");
        MatrixMarkup.matrix(out, "numerical \u2202f/\u2202x", v.numericalDx(), 1, "graph-vec-num-dx");
        out.append("</div><p>f = <span data-testid=\"graph-vec-f\">")
                .append(Html.escape(GraphText.exact(v.f())))
                .append(
                        "</span>; largest relative error against central differences: <span data-testid=\"graph-vec-error\">")
                .append(Html.escape(GraphText.brief(v.largestRelativeError())))
                .append("</span></p>");
        jacobian(out, v.q());
        return out.toString();
    }

    /**
     * The diagonal Jacobian of the element-wise square gate q ↦ (q₁², q₂²): each output depends on
     * its own input only, so ∂(q²)/∂q is diag(2q); backprop multiplies element-wise instead of
     * building it (for a 4096-wide layer the matrix would have 16 million entries, all but 4096 zero).
     */
    static void jacobian(StringBuilder out, double[] q) {
        int n = q.length;
        double[] diagonal = new double[n * n];
        double[] local = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i * n + i] = 2 * q[i];
            local[i] = 2 * q[i];
        }
        out.append("<h3>The diagonal Jacobian of an element-wise gate</h3>");
        out.append(
                        "<p class=\"shapes\">The square gate acts on each entry of q alone (q\u1d62 \u21a6 q\u1d62\u00b2), so its ")
                .append("Jacobian \u2202(q\u00b2)/\u2202q is diagonal: diag(2q). Backprop never builds it: ")
                .append("upstream \u2218 2q, an element-wise product, gives the same \u2202f/\u2202q.</p>");
        out.append("<div class=\"matrices\">");
        MatrixMarkup.matrix(out, "Jacobian \u2202(q\u00b2)/\u2202q = diag(2q)", diagonal, n, "graph-vec-jacobian");
        MatrixMarkup.matrix(out, "\u2202f/\u2202q = 1 \u2218 2q", local, 1, "graph-vec-dq");
        out.append("</div>");
    }
}
