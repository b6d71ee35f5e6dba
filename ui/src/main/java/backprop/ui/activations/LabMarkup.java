package backprop.ui.activations;

import backprop.engine.graph.GraphText;
import backprop.engine.spec.RegularizationKind;
import backprop.engine.spec.Spec;
import backprop.engine.train.Metrics;
import backprop.ui.raster.Palette;
import backprop.ui.text.Formulas;
import backprop.ui.text.Html;
import java.util.List;

/**
 * The lab's table rows and lists as HTML text (no DOM here), every text escaped. Swatches carry
 * their colour in {@code data-rgb}; the page paints them from script (the CSP allows no inline
 * style).
 */
public final class LabMarkup {
    private LabMarkup() {}

    /** The playground address that trains {@code run}'s spec to the run's epoch and pauses. */
    public static String playgroundLink(RaceRun run) {
        return "/?epochs=" + run.epoch() + "#" + run.specText();
    }

    /** The run's colour mark (hidden from screen readers: the name follows it). */
    static String swatch(int index) {
        return "<span class=\"swatch" + (RaceCharts.dashed(index) ? " dashed" : "") + "\" data-rgb=\""
                + Palette.css(RaceCharts.rgb(index)) + "\" aria-hidden=\"true\"></span>";
    }

    private static String percent(double fraction) {
        return fraction != fraction ? "\u2013" : Digits.significant(Math.round(fraction * 1000) / 10.0, 3) + "%";
    }

    /** The race table's body: one row per run (test id {@code race-row-<name>}). */
    public static String raceRows(Race race) {
        StringBuilder out = new StringBuilder();
        List<RaceRun> runs = race.runs();
        RaceRun relu = race.run("relu");
        int max = race.settings().maxEpochs();
        boolean penalized = penalized(race);
        for (int r = 0; r < runs.size(); r++) {
            RaceRun run = runs.get(r);
            String name = Html.escape(run.activation());
            RunHistory h = run.history();
            int last = h.last();
            String toTarget;
            if (h.reachedTarget()) {
                toTarget = Integer.toString(h.epochsToTarget());
            } else if (run.diverged()) {
                toTarget = "diverged at " + run.epoch();
            } else {
                toTarget = (run.epoch() >= max ? "not in " : "not yet, ") + run.epoch();
            }
            String ratio = "\u2013";
            if (relu != null
                    && run != relu
                    && relu.history().reachedTarget()
                    && relu.history().epochsToTarget() > 0) {
                if (h.reachedTarget()) {
                    ratio = Digits.significant(
                                    (double) h.epochsToTarget() / relu.history().epochsToTarget(), 3) + "\u00d7";
                } else if (run.epoch() > relu.history().epochsToTarget()) {
                    ratio = "> "
                            + Digits.significant(
                                    (double) run.epoch() / relu.history().epochsToTarget(), 3) + "\u00d7";
                }
            } else if (run == relu && h.reachedTarget()) {
                ratio = "1\u00d7";
            }
            out.append("<tr data-testid=\"race-row-")
                    .append(name)
                    .append("\">")
                    .append("<th scope=\"row\">")
                    .append(swatch(r))
                    .append(name)
                    .append("</th>")
                    .append("<td data-testid=\"race-epochs-")
                    .append(name)
                    .append("\">")
                    .append(toTarget)
                    .append("</td>")
                    .append("<td data-testid=\"race-ms-")
                    .append(name)
                    .append("\">")
                    .append(RaceVerdict.milliseconds(h.msToTarget()))
                    .append("</td>")
                    .append("<td data-testid=\"race-ratio-")
                    .append(name)
                    .append("\">")
                    .append(ratio)
                    .append("</td>")
                    .append("<td data-testid=\"race-epoch-")
                    .append(name)
                    .append("\">")
                    .append(run.epoch())
                    .append("</td>")
                    .append(lossCells(run, penalized, name))
                    .append("<td data-testid=\"race-accuracy-")
                    .append(name)
                    .append("\">")
                    .append(h.testAccuracy(last) != h.testAccuracy(last) ? "\u2013" : percent(h.testAccuracy(last)))
                    .append("</td>")
                    .append("<td data-testid=\"race-dead-")
                    .append(name)
                    .append("\">")
                    .append(percent(h.deadFraction(last)))
                    .append(" <span class=\"peak\">(peak ")
                    .append(percent(h.peakDeadFraction()))
                    .append(")</span></td>")
                    .append("<td data-testid=\"race-saturated-")
                    .append(name)
                    .append("\">")
                    .append(percent(h.saturatedFraction(last)))
                    .append(" <span class=\"peak\">(peak ")
                    .append(percent(h.peakSaturatedFraction()))
                    .append(")</span></td>")
                    .append("<td><code data-testid=\"race-fingerprint-")
                    .append(name)
                    .append("\">")
                    .append(Html.escape(run.fingerprint()))
                    .append("</code></td>")
                    .append("<td><a data-testid=\"race-link-")
                    .append(name)
                    .append("\" href=\"")
                    .append(Html.escape(playgroundLink(run)))
                    .append("\">Open<span class=\"visually-hidden\"> the ")
                    .append(name)
                    .append(" run in the playground</span></a></td>")
                    .append("</tr>");
        }
        return out.toString();
    }

    /** True when the race's experiment has a penalty (reg is not none): the table then shows L's parts. */
    public static boolean penalized(Race race) {
        return race.settings().base().reg() != RegularizationKind.NONE;
    }

    /** The race table's header row: with a penalty, data loss, λR(W) and total L in place of the train loss. */
    public static String raceHeader(Race race) {
        String loss = penalized(race)
                ? "<th scope=\"col\">Data loss</th><th scope=\"col\">\u03bbR(W)</th>" + "<th scope=\"col\">Total L</th>"
                : "<th scope=\"col\">Train loss</th>";
        return "<tr><th scope=\"col\">Activation</th><th scope=\"col\">Epochs to target</th>"
                + "<th scope=\"col\">Time to target</th><th scope=\"col\">Epochs vs ReLU</th>"
                + "<th scope=\"col\">Epoch</th>" + loss + "<th scope=\"col\">Test accuracy</th>"
                + "<th scope=\"col\">Dead now</th><th scope=\"col\">Saturated now</th>"
                + "<th scope=\"col\">Fingerprint</th><th scope=\"col\">Playground</th></tr>";
    }

    /**
     * Beside the race table when the experiment has a penalty: how L's parts add up (the
     * playground's formula) and the penalty's own formula with its λ; "" without a penalty. The
     * target and the chart are on the data loss.
     */
    public static String totalNote(Race race) {
        if (!penalized(race)) {
            return "";
        }
        Spec base = race.settings().base();
        return Html.escape(Formulas.TOTAL + " Here " + Formulas.of(base.reg()) + ", with \u03bb = "
                + Digits.significant(base.lambda(), 4)
                + ". The target and the loss chart are on the data loss.");
    }

    /** The loss cells of one row, from the run's latest metrics: data loss, and with a penalty λR(W) and total L. */
    private static String lossCells(RaceRun run, boolean penalized, String name) {
        Metrics m = run.metrics();
        String data = "<td data-testid=\"race-loss-" + name + "\">" + Digits.significant(m.trainLoss(), 4) + "</td>";
        if (!penalized) {
            return data;
        }
        return data + "<td data-testid=\"race-penalty-" + name + "\">" + Digits.significant(m.regularization(), 4)
                + "</td><td data-testid=\"race-total-" + name + "\">" + Digits.significant(m.totalLoss(), 4)
                + "</td>";
    }

    /** The dying-ReLU table's body: one row per run (test id {@code dying-row-<name>}). */
    public static String dyingRows(Race race) {
        StringBuilder out = new StringBuilder();
        List<RaceRun> runs = race.runs();
        for (int r = 0; r < runs.size(); r++) {
            RaceRun run = runs.get(r);
            String name = Html.escape(run.activation());
            RunHistory h = run.history();
            int last = h.last();
            String state = run.diverged() ? "diverged at epoch " + run.epoch() : "epoch " + run.epoch();
            out.append("<tr data-testid=\"dying-row-")
                    .append(name)
                    .append("\">")
                    .append("<th scope=\"row\">")
                    .append(swatch(r))
                    .append(name)
                    .append("</th>")
                    .append("<td data-testid=\"dying-dead-")
                    .append(name)
                    .append("\">")
                    .append(h.deadUnits(last))
                    .append("</td>")
                    .append("<td>")
                    .append(h.peakDeadUnits())
                    .append("</td>")
                    .append("<td data-testid=\"dying-off-")
                    .append(name)
                    .append("\">")
                    .append(h.offUnits(last) < 0 ? "\u2013" : Integer.toString(h.offUnits(last)))
                    .append(" of ")
                    .append(run.hiddenUnits())
                    .append("</td>")
                    .append("<td>")
                    .append(h.trainAccuracy(last) != h.trainAccuracy(last) ? "\u2013" : percent(h.trainAccuracy(last)))
                    .append("</td>")
                    .append("<td data-testid=\"dying-state-")
                    .append(name)
                    .append("\">")
                    .append(state)
                    .append("</td>")
                    .append("<td><a href=\"")
                    .append(Html.escape(playgroundLink(run)))
                    .append("\">Open<span class=\"visually-hidden\"> the ")
                    .append(name)
                    .append(" run in the playground</span></a></td>")
                    .append("</tr>");
        }
        return out.toString();
    }

    /** List items, escaped. */
    public static String items(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append("<li>").append(Html.escape(line)).append("</li>");
        }
        return out.toString();
    }

    /** A legend: swatch and name per run. */
    public static String legend(List<RaceRun> runs) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < runs.size(); r++) {
            out.append("<li>")
                    .append(swatch(r))
                    .append(Html.escape(runs.get(r).activation()))
                    .append("</li>");
        }
        return out.toString();
    }

    /**
     * The race's per-layer gradient norms at the latest epoch: one row per run, one column per
     * layer (input side first), and the first hidden layer's norm over the output layer's: why
     * sigmoid learns slowly even with no saturated unit (each sigmoid layer multiplies the gradient
     * on its way back by σ′ ≤ 0.25).
     */
    public static String gradientNormTable(Race race) {
        List<RaceRun> runs = race.runs();
        int layers = runs.isEmpty() ? 0 : runs.get(0).gradientNorms().length;
        StringBuilder out = new StringBuilder("<table class=\"lab-table\" data-testid=\"race-gradient-table\">");
        out.append(
                        "<caption>\u2016\u2202L/\u2202W\u2016 per layer at the latest epoch, input side first</caption><thead><tr>")
                .append("<th scope=\"col\">Activation</th>");
        for (int l = 0; l < layers; l++) {
            out.append("<th scope=\"col\">")
                    .append(l == layers - 1 ? "output" : "layer " + (l + 1))
                    .append("</th>");
        }
        out.append("<th scope=\"col\">layer 1 \u00f7 output</th></tr></thead><tbody>");
        for (int r = 0; r < runs.size(); r++) {
            RaceRun run = runs.get(r);
            double[] norms = run.gradientNorms();
            String name = Html.escape(run.activation());
            out.append("<tr data-testid=\"race-gradient-")
                    .append(name)
                    .append("\"><th scope=\"row\">")
                    .append(swatch(r))
                    .append(name)
                    .append("</th>");
            for (double norm : norms) {
                out.append("<td>")
                        .append(Html.escape(GraphText.significant(norm, 3)))
                        .append("</td>");
            }
            double ratio =
                    norms.length > 1 && norms[norms.length - 1] > 0 ? norms[0] / norms[norms.length - 1] : Double.NaN;
            out.append("<td data-testid=\"race-gradient-ratio-")
                    .append(name)
                    .append("\">")
                    .append(ratio != ratio ? "\u2013" : Html.escape(GraphText.significant(ratio, 2)))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }
}
