package backprop.ui.graph;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphText;
import backprop.engine.graph.Preset;
import backprop.ui.text.Html;

/**
 * The SVM preset read the lecture's way, beside its (wide) scalar graph: x, W → scores → hinge →
 * + λR → L, each stage with its numbers (CS231n's cat image: scores 3.2, 5.1, −1.7, hinge 2.9),
 * and, once the backward pass is done, ∂L/∂W as the 3×2 matrix it is:
 * ∂L/∂W_j = ∂L/∂s_j · xᵀ + 2λW_j, with ∂L/∂s_j = 1 for a class whose margin is positive,
 * −(their number) for the correct class, 0 otherwise.
 */
public final class SvmReadout {
    /** Rows of W: the correct class first (cat), then car and frog, as in the lecture. */
    static final String[] CLASSES = {"cat", "car", "frog"};

    /**
     * What each column of the SVM preset's picture computes (see {@code GraphLayout.treeOrder}),
     * left to right, one or two lines each; the regularization's squares and partial sums share
     * columns 1 to 6 in the lower band.
     */
    static final String[] STAGES = {
        "inputs\nx, W",
        "w\u00b7x, w\u00b2",
        "scores s",
        "margins\ns_j \u2212 s_y",
        "+ 1",
        "hinge\nmax(0, \u00b7)",
        "data loss\n\u03a3 hinges",
        "\u03bbR(W)",
        "+ \u03bbR\nL"
    };

    private SvmReadout() {}

    /** True when the graph is the SVM preset's expression. */
    public static boolean applies(ExpressionGraph graph) {
        Preset preset = graph == null ? null : Preset.matching(graph.expression());
        return preset != null && preset.id().equals("svm");
    }

    /** The scores W·x, cat first. */
    public static double[] scores(ExpressionGraph graph) {
        double x1 = graph.value("x1");
        double x2 = graph.value("x2");
        double[] s = new double[3];
        for (int j = 0; j < 3; j++) {
            s[j] = graph.value("w" + j + "0") * x1 + graph.value("w" + j + "1") * x2;
        }
        return s;
    }

    /** The hinge terms max(0, s_j − s_cat + 1) for car and frog. */
    public static double[] hinges(double[] scores) {
        return new double[] {Math.max(0, scores[1] - scores[0] + 1), Math.max(0, scores[2] - scores[0] + 1)};
    }

    /** R(W) = Σ w². */
    public static double penalty(ExpressionGraph graph) {
        double r = 0;
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 2; k++) {
                double w = graph.value("w" + j + k);
                r += w * w;
            }
        }
        return r;
    }

    /** The readout, or "" when the graph is not the SVM preset. */
    public static String markup(ExpressionGraph graph) {
        if (!applies(graph)) {
            return "";
        }
        double[] s = scores(graph);
        double[] hinge = hinges(s);
        double dataLoss = hinge[0] + hinge[1];
        double lambda = graph.value("lam");
        double r = penalty(graph);
        double total = dataLoss + lambda * r;
        StringBuilder out = new StringBuilder();
        out.append("<h3>The SVM loss, stage by stage</h3>");
        out.append("<p class=\"formula\">L = \u03a3<sub>j\u2260y</sub> max(0, s<sub>j</sub> \u2212 s<sub>y</sub> + 1)")
                .append(" + \u03bb\u00b7R(W), R(W) = \u03a3 w\u00b2; s = W\u00b7x, the correct class y = cat.</p>");
        out.append("<ol class=\"svm-flow\" data-testid=\"graph-svm\">");
        out.append("<li><strong>x, W</strong> x = (")
                .append(n(graph.value("x1")))
                .append(", ")
                .append(n(graph.value("x2")))
                .append("), W is 3\u00d72 (one row per class)</li>");
        out.append("<li><strong>scores</strong> ");
        for (int j = 0; j < 3; j++) {
            out.append(j > 0 ? ", " : "")
                    .append(CLASSES[j])
                    .append(" <span data-testid=\"graph-svm-score-")
                    .append(CLASSES[j])
                    .append("\">")
                    .append(n(s[j]))
                    .append("</span>");
        }
        out.append("</li><li><strong>hinge</strong> max(0, ")
                .append(n(s[1]))
                .append(" \u2212 ")
                .append(n(s[0]))
                .append(" + 1) + max(0, ")
                .append(n(s[2]))
                .append(" \u2212 ")
                .append(n(s[0]))
                .append(" + 1) = ")
                .append(n(hinge[0]))
                .append(" + ")
                .append(n(hinge[1]))
                .append(" = <span data-testid=\"graph-svm-hinge\">")
                .append(n(dataLoss))
                .append("</span></li>");
        out.append("<li><strong>+ \u03bbR</strong> ")
                .append(n(lambda))
                .append(" \u00d7 ")
                .append(n(r))
                .append(" = <span data-testid=\"graph-svm-penalty\">")
                .append(n(lambda * r))
                .append("</span></li>");
        out.append("<li><strong>L</strong> <span data-testid=\"graph-svm-total\">")
                .append(n(total))
                .append("</span></li></ol>");
        if (graph.backwardComplete()) {
            double[] dW = new double[6];
            double[] dScores = new double[3];
            for (int j = 1; j < 3; j++) {
                if (s[j] - s[0] + 1 > 0) {
                    dScores[j] = 1;
                    dScores[0] -= 1;
                }
            }
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    dW[j * 2 + k] = graph.gradient("w" + j + k);
                }
            }
            out.append("<p class=\"shapes\">Backward: \u2202L/\u2202s = (")
                    .append(n(dScores[0]))
                    .append(", ")
                    .append(n(dScores[1]))
                    .append(", ")
                    .append(n(dScores[2]))
                    .append(") (cat, car, frog): 1 for each class inside the margin, minus their count for the ")
                    .append(
                            "correct class. \u2202L/\u2202W = \u2202L/\u2202s\u00b7x\u1d40 + 2\u03bbW, the same numbers the ")
                    .append("graph's gates add up at w00 \u2026 w21.</p><div class=\"matrices\">");
            MatrixMarkup.matrix(out, "\u2202L/\u2202W (rows cat, car, frog)", dW, 2, "graph-svm-dw");
            out.append("</div>");
        }
        return out.toString();
    }

    private static String n(double v) {
        return Html.escape(GraphText.significant(v, 4));
    }
}
