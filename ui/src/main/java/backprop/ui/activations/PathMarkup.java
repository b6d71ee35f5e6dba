package backprop.ui.activations;

import backprop.engine.graph.GraphText;
import backprop.engine.spec.Feature;
import backprop.engine.spec.Spec;
import backprop.ui.text.Html;
import backprop.ui.text.OptionLabels;
import java.util.List;

/**
 * The race's product of local derivatives as HTML tables, one per run (test id
 * {@code race-path-<name>}): each layer of the run's strongest path (see {@link PathProduct}) with
 * its unit, its pre-activation z, f′(z), the weight into it, the factor w·f′(z) and the running
 * product; the caption names the path and its product. Every text is escaped.
 */
public final class PathMarkup {
    private PathMarkup() {}

    private static String number(double v) {
        return v != v ? "\u2013" : Html.escape(GraphText.significant(v, 3));
    }

    /** The input feature's name as maths (x₁, sin x₂). */
    static String inputName(Spec spec, int input) {
        List<Feature> features = spec.features();
        return input < features.size() ? OptionLabels.of(features.get(input)) : "input " + (input + 1);
    }

    /** "x₂ → unit 3 of layer 1 → unit 5 of layer 2 → score": the path in words, units counted from 1. */
    static String route(RaceRun run) {
        PathProduct path = run.path();
        StringBuilder out = new StringBuilder(inputName(run.spec(), path.input()));
        List<PathProduct.Step> steps = path.steps();
        for (int l = 0; l < steps.size() - 1; l++) {
            out.append(" \u2192 unit ")
                    .append(steps.get(l).unit() + 1)
                    .append(" of layer ")
                    .append(l + 1);
        }
        out.append(" \u2192 score");
        if (run.trainer().outputs() > 1) {
            out.append(" of class ").append(path.output());
        }
        return out.toString();
    }

    /** The point the paths are measured at, for the section's lead: "(0.52, −1.3)". */
    public static String point(RaceRun run) {
        double[] p = run.pathPoint();
        return "(" + GraphText.significant(p[0], 3) + ", " + GraphText.significant(p[1], 3) + ")";
    }

    /** One table per run of the race's first seed. */
    public static String tables(Race race) {
        StringBuilder out = new StringBuilder();
        List<RaceRun> runs = race.runs();
        for (int r = 0; r < runs.size(); r++) {
            out.append(table(runs.get(r), r));
        }
        return out.toString();
    }

    private static String table(RaceRun run, int index) {
        String name = Html.escape(run.activation());
        PathProduct path = run.path();
        List<PathProduct.Step> steps = path.steps();
        StringBuilder out = new StringBuilder();
        // a region that may scroll sideways on a phone: focusable, so a keyboard can scroll it
        out.append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Path of ")
                .append(name)
                .append("\"><table class=\"lab-table path-table\" data-testid=\"race-path-")
                .append(name)
                .append("\"><caption>")
                .append(LabMarkup.swatch(index))
                .append("<strong>")
                .append(name)
                .append("</strong>: ")
                .append(Html.escape(route(run)))
                .append("; product <span data-testid=\"race-path-product-")
                .append(name)
                .append("\">")
                .append(number(path.product()))
                .append("</span></caption><thead><tr>")
                .append("<th scope=\"col\">Layer</th><th scope=\"col\">Unit</th><th scope=\"col\">z</th>")
                .append("<th scope=\"col\">f\u2032(z)</th><th scope=\"col\">w in</th>")
                .append("<th scope=\"col\">factor w\u00b7f\u2032(z)</th><th scope=\"col\">product so far</th>")
                .append("</tr></thead><tbody>");
        for (int l = 0; l < steps.size(); l++) {
            PathProduct.Step step = steps.get(l);
            boolean output = l == steps.size() - 1;
            out.append("<tr data-testid=\"race-path-")
                    .append(name)
                    .append('-')
                    .append(l + 1)
                    .append("\"><th scope=\"row\">")
                    .append(output ? "output" : "layer " + (l + 1))
                    .append("</th><td>")
                    .append(output ? "score" : Integer.toString(step.unit() + 1))
                    .append("</td><td>")
                    .append(number(step.preActivation()))
                    .append("</td><td>")
                    .append(output ? "1 (linear)" : number(step.derivative()))
                    .append("</td><td>")
                    .append(number(step.weight()))
                    .append("</td><td data-testid=\"race-path-factor-")
                    .append(name)
                    .append('-')
                    .append(l + 1)
                    .append("\">")
                    .append(number(step.factor()))
                    .append("</td><td>")
                    .append(number(step.product()))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }
}
