package backprop.ui.activations;

import java.util.ArrayList;
import java.util.List;

/**
 * What the dying-ReLU runs show, in words from their own numbers (never asserted in advance):
 * dead units, units off on every point, and training accuracy per run; then whether a run with
 * no dead unit still failed to learn, and what batch normalization changed for ReLU.
 */
public final class DyingVerdict {
    /** Accuracy within this of 1/classes counts as chance level. */
    public static final double CHANCE_MARGIN = 0.05;

    private DyingVerdict() {}

    public static List<String> describe(Race race) {
        List<String> lines = new ArrayList<>();
        int classes = Math.max(2, race.settings().base().classes());
        double chance = 1.0 / classes;
        for (RaceRun run : race.runs()) {
            RunHistory h = run.history();
            int last = h.last();
            int off = h.offUnits(last);
            lines.add(run.activation() + ": " + h.deadUnits(last) + " of " + run.hiddenUnits() + " units dead"
                    + (off < 0 ? "" : ", " + off + " off on every training point")
                    + "; training accuracy " + percent(h.trainAccuracy(last))
                    + (atChance(h.trainAccuracy(last), chance) ? " (chance level)" : "") + ".");
        }
        for (RaceRun run : race.runs()) {
            RunHistory h = run.history();
            int last = h.last();
            if (!run.activation().startsWith("relu")
                    && h.deadUnits(last) == 0
                    && atChance(h.trainAccuracy(last), chance)) {
                lines.add(run.activation() + " has no dead unit, yet its network is at chance level: a unit that still "
                        + "passes a gradient can come back, but that alone does not make the network learn at this "
                        + "learning rate. Dead units are one way to fail, not the only one.");
            }
        }
        RaceRun plain = race.run("relu");
        RaceRun normalized = race.run("relu:bn");
        if (plain != null && normalized != null) {
            int without = plain.history().deadUnits(plain.history().last());
            int with = normalized.history().deadUnits(normalized.history().last());
            lines.add(
                    "Batch normalization (relu:bn): " + with + (with == 1 ? " dead unit" : " dead units") + " against "
                            + without + " without it. "
                            + (with < without
                                    ? "Normalizing each unit's input over every batch keeps it from staying below 0 on every "
                                            + "point, so fewer units die"
                                    : "Here it did not save more units")
                            + (with == 0 ? "" : "; \u201cdead neurons will not exist\u201d is too strong for this run")
                            + ".");
        }
        return lines;
    }

    private static boolean atChance(double accuracy, double chance) {
        return accuracy == accuracy && accuracy <= chance + CHANCE_MARGIN;
    }

    private static String percent(double fraction) {
        return fraction != fraction ? "\u2013" : Digits.significant(Math.round(fraction * 1000) / 10.0, 3) + " %";
    }
}
