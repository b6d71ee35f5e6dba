package backprop.ui.challenge;

import java.util.ArrayList;
import java.util.List;

/** The rules in words, for the student page and the authoring preview: the goal, each constraint, each lock. */
public final class RulesSummary {
    private static final String[][] LABELS = {
        {"data", "dataset"},
        {"classes", "classes"},
        {"n", "points"},
        {"noise", "noise"},
        {"split", "training share"},
        {"seed", "seed"},
        {"features", "input features"},
        {"layers", "hidden layers"},
        {"loss", "loss"},
        {"opt", "optimizer"},
        {"lr", "learning rate"},
        {"batch", "batch size"},
        {"reg", "regularization"},
        {"lambda", "λ"},
        {"init", "initializer"},
        {"initseed", "initial weights"},
        {"points", "drawn points"}
    };

    private RulesSummary() {}

    /** "Goal: test accuracy at least 0.95 by epoch 300". */
    public static String goal(ChallengeRules rules) {
        return "Goal: " + rules.goal().describe();
    }

    /** One line per constraint ("At most 2 hidden layers"); empty without constraints. */
    public static List<String> constraints(ChallengeRules rules) {
        List<String> lines = new ArrayList<>();
        Constraints c = rules.constraints();
        if (c.maxHiddenLayers() == 0) {
            lines.add("No hidden layer");
        } else if (c.maxHiddenLayers() != Constraints.NONE) {
            lines.add(
                    "At most " + c.maxHiddenLayers() + (c.maxHiddenLayers() == 1 ? " hidden layer" : " hidden layers"));
        }
        if (c.maxUnitsPerLayer() != Constraints.NONE) {
            lines.add("At most " + c.maxUnitsPerLayer() + " units in a layer");
        }
        if (c.maxTotalUnits() != Constraints.NONE) {
            lines.add("At most " + c.maxTotalUnits() + " hidden units in all");
        }
        if (c.maxEpochs() != Constraints.NONE) {
            lines.add("At most " + c.maxEpochs() + " epochs");
        }
        if (c.limitsFeatures()) {
            lines.add("Features only from " + rules.featureList().replace(",", ", "));
        }
        if (c.maxPoints() != Constraints.NONE) {
            lines.add("At most " + c.maxPoints() + " points");
        }
        return lines;
    }

    /** "Locked: learning rate, hidden layers" or null when nothing is locked. */
    public static String locked(ChallengeRules rules) {
        if (rules.locked().isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("Locked by the challenge: ");
        boolean first = true;
        for (String key : SpecValues.LOCKABLE) {
            if (rules.isLocked(key)) {
                out.append(first ? "" : ", ").append(label(key));
                first = false;
            }
        }
        return out.toString();
    }

    /** Words for a spec key ("lr": "learning rate"). */
    public static String label(String key) {
        for (String[] pair : LABELS) {
            if (pair[0].equals(key)) {
                return pair[1];
            }
        }
        return key;
    }

    /** The tooltip of a locked control. */
    public static String lockReason(String key) {
        return "Locked by the challenge: the " + label(key) + " stays as the course set it.";
    }
}
