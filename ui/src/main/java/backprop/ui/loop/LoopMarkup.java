package backprop.ui.loop;

import backprop.engine.graph.GraphText;
import backprop.engine.loop.LineResult;
import backprop.engine.loop.LoopLine;
import backprop.engine.loop.NumpyLoop;
import backprop.ui.graph.MatrixMarkup;
import backprop.ui.text.Html;
import java.util.List;

/**
 * The stepper's markup, built as text from a {@link LoopStepper} (no DOM here): the lecture's
 * code with the line run last and the next one marked, what that line computed (shape and
 * values), every array of the loop, the losses so far, the gradient checks, and at line 17 the
 * diagonal Jacobian of the element-wise sigmoid. Every text is escaped.
 */
public final class LoopMarkup {
    /** Arrays in the order the panel shows them. */
    static final String[] ARRAYS = {"x", "y", "w1", "w2", "h", "y_pred", "grad_y_pred", "grad_w2", "grad_h", "grad_w1"};

    private LoopMarkup() {}

    /** The code, lines 1 to 20 as on the slide, the setup with the small shapes. */
    public static String code(LoopStepper stepper) {
        NumpyLoop loop = stepper.loop();
        LineResult last = stepper.last();
        LoopLine next = loop.nextLine();
        String[] text = new String[21];
        text[1] = "import numpy as np";
        text[2] = "from numpy.random import randn";
        text[3] = "";
        text[4] = "N, D_in, H, D_out = " + NumpyLoop.SMALL_N + ", " + NumpyLoop.SMALL_D_IN + ", " + NumpyLoop.SMALL_H
                + ", " + NumpyLoop.SMALL_D_OUT;
        text[5] = "x, y = randn(N, D_in), randn(N, D_out)";
        text[6] = "w1, w2 = randn(D_in, H), randn(H, D_out)";
        text[7] = "";
        text[8] = "for t in range(2000):";
        text[12] = "    print(t, loss)";
        text[13] = "";
        text[18] = "";
        for (LoopLine line : LoopLine.values()) {
            text[line.number()] = "    " + line.source(loop.learningRateText());
        }
        StringBuilder out = new StringBuilder("<ol class=\"loop-code\" data-testid=\"loop-code\">");
        for (int n = 1; n <= 20; n++) {
            boolean isLast = last != null && last.line().number() == n;
            boolean isNext = next.number() == n;
            out.append("<li value=\"")
                    .append(n)
                    .append("\" data-line=\"")
                    .append(n)
                    .append('"')
                    .append(isLast ? " class=\"ran\" aria-current=\"step\"" : isNext ? " class=\"next\"" : "")
                    .append("><code>")
                    .append(Html.escape(text[n]))
                    .append("</code>")
                    .append(isLast ? " <span class=\"marker\">\u2190 ran</span>" : "")
                    .append(isNext ? " <span class=\"marker\">\u2190 next</span>" : "")
                    .append("</li>");
        }
        return out.append("</ol>").toString();
    }

    /** What the line run last computed, in words, with its shape and values. */
    public static String lastLine(LoopStepper stepper) {
        LineResult last = stepper.last();
        NumpyLoop loop = stepper.loop();
        StringBuilder out = new StringBuilder();
        if (last == null) {
            out.append(
                            "<p data-testid=\"loop-last-line\">Nothing has run yet: x, y, w1 and w2 are drawn (standard normal, seed ")
                    .append(stepper.seed())
                    .append("). Step to run line ")
                    .append(loop.nextLine().number())
                    .append(".</p>");
            return out.toString();
        }
        LoopLine line = last.line();
        out.append("<p data-testid=\"loop-last-line\">t = ")
                .append(last.iteration())
                .append(", line ")
                .append(line.number())
                .append(": <code>")
                .append(Html.escape(line.source(loop.learningRateText())))
                .append("</code> \u2192 ")
                .append(Html.escape(line.result()))
                .append(", shape <span data-testid=\"loop-last-shape\">")
                .append(Html.escape(last.shape()))
                .append("</span>. ")
                .append(Html.escape(meaning(line)))
                .append("</p>");
        if (line == LoopLine.LOSS) {
            out.append("<p class=\"loop-loss\">loss = <span data-testid=\"loop-last-loss\" title=\"")
                    .append(Html.escape(GraphText.exact(last.values()[0])))
                    .append("\">")
                    .append(Html.escape(GraphText.significant(last.values()[0], 6)))
                    .append("</span></p>");
        } else {
            out.append("<div class=\"matrices\">");
            MatrixMarkup.matrix(
                    out, line.result() + " " + last.shape(), last.values(), last.cols(), "loop-last-values", 3);
            out.append("</div>");
        }
        if (line == LoopLine.GRAD_W1) {
            jacobian(out, stepper);
        }
        return out.toString();
    }

    /** What each line means, for the sentence under the code. */
    static String meaning(LoopLine line) {
        switch (line) {
            case HIDDEN:
                return "Forward: the hidden layer, a sigmoid of x\u00b7w1, element-wise.";
            case PREDICTION:
                return "Forward: the output layer is linear, h\u00b7w2.";
            case LOSS:
                return "The loss is the plain sum of squared errors, as in the lecture's code (the playground's "
                        + "squared error is \u00bd\u00b7mean instead: same gradient direction, another scale).";
            case GRAD_Y_PRED:
                return "Backward starts: \u2202loss/\u2202y_pred = 2(y_pred \u2212 y), the same shape as y_pred.";
            case GRAD_W2:
                return "y_pred = h\u00b7w2, so \u2202loss/\u2202w2 = h\u1d40\u00b7grad_y_pred: the shape of w2.";
            case GRAD_H:
                return "And \u2202loss/\u2202h = grad_y_pred\u00b7w2\u1d40: the shape of h.";
            case GRAD_W1:
                return "Through the sigmoid, element-wise (\u03c3\u2032 = h(1 \u2212 h)), then x\u1d40\u00b7(\u2026): "
                        + "the shape of w1.";
            case UPDATE_W1:
                return "Gradient descent on w1.";
            default:
                return "Gradient descent on w2: the iteration is complete.";
        }
    }

    /** Line 17's element-wise gate h = σ(z) for the first example: its Jacobian diag(h(1 − h)), H×H. */
    static void jacobian(StringBuilder out, LoopStepper stepper) {
        NumpyLoop loop = stepper.loop();
        double[] h = loop.array("h");
        int units = loop.cols("h");
        double[] diagonal = new double[units * units];
        for (int j = 0; j < units; j++) {
            diagonal[j * units + j] = h[j] * (1 - h[j]);
        }
        out.append(
                        "<p class=\"shapes\">The sigmoid acts on each entry alone, so for one example its Jacobian \u2202h/\u2202z is ")
                .append("diagonal, diag(h(1 \u2212 h)), ")
                .append(units)
                .append("\u00d7")
                .append(units)
                .append(". Line 17 never builds it: <code>grad_h * h * (1 - h)</code> multiplies element-wise, ")
                .append(
                        "which is the same product. Every entry is at most 0.25, the reason deep sigmoid nets learn slowly.</p>")
                .append("<div class=\"matrices\">");
        MatrixMarkup.matrix(
                out, "\u2202h/\u2202z for example 1 = diag(h(1 \u2212 h))", diagonal, units, "loop-jacobian", 3);
        out.append("</div>");
    }

    /** Every array of the loop with its shape; the one the last line wrote is marked. */
    public static String arrays(LoopStepper stepper) {
        NumpyLoop loop = stepper.loop();
        String written = stepper.last() == null ? "" : stepper.last().line().result();
        StringBuilder out = new StringBuilder("<div class=\"matrices loop-arrays\">");
        for (String name : ARRAYS) {
            String title = name + " (" + loop.rows(name) + ", " + loop.cols(name) + ")"
                    + (name.equals(written) ? " \u2190 just written" : "");
            MatrixMarkup.matrix(out, title, loop.array(name), loop.cols(name), "loop-array-" + name, 3);
        }
        return out.append("</div>").toString();
    }

    /** The losses so far (the last ten), and the gradient checks. */
    public static String progress(LoopStepper stepper) {
        List<Double> losses = stepper.losses();
        StringBuilder out = new StringBuilder();
        out.append("<dl class=\"metrics\"><dt>t</dt><dd data-testid=\"loop-t\">")
                .append(stepper.loop().iteration())
                .append("</dd><dt>loss</dt><dd data-testid=\"loop-loss\"")
                .append(
                        losses.isEmpty()
                                ? ">\u2013"
                                : " title=\"" + Html.escape(GraphText.exact(losses.get(losses.size() - 1))) + "\">"
                                        + Html.escape(GraphText.significant(losses.get(losses.size() - 1), 6)))
                .append("</dd>");
        check(out, "w2", "line 15", stepper);
        check(out, "w1", "line 17", stepper);
        out.append("</dl>");
        if (!losses.isEmpty()) {
            out.append("<ol class=\"loop-losses\" data-testid=\"loop-losses\" aria-label=\"Loss of each iteration\">");
            for (int t = Math.max(0, losses.size() - 10); t < losses.size(); t++) {
                out.append("<li value=\"")
                        .append(t)
                        .append("\">t = ")
                        .append(t)
                        .append(": ")
                        .append(Html.escape(GraphText.significant(losses.get(t), 6)))
                        .append("</li>");
            }
            out.append("</ol>");
        }
        return out.toString();
    }

    private static void check(StringBuilder out, String weights, String line, LoopStepper stepper) {
        double error = stepper.largestError(weights);
        out.append("<dt>grad_")
                .append(weights)
                .append(" vs central differences</dt><dd data-testid=\"loop-check-")
                .append(weights)
                .append("\">")
                .append(
                        error != error
                                ? "after " + line
                                : "largest relative error " + Html.escape(GraphText.significant(error, 2)))
                .append("</dd>");
    }
}
