package backprop.ui.challenge;

import backprop.engine.spec.Feature;
import backprop.engine.spec.SpecNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules as one line of {@code key=value} pairs, the form the server writes into the student
 * page ({@code data-rules}) and the page reads back:
 * {@code locked=lr,layers&maxHiddenLayers=1&features=x1,x2&metric=testAccuracy&atLeast=0.95&byEpoch=300}.
 * Limits left out are absent; reals are printed as in the spec (shortest plain decimal).
 */
public final class RulesText {
    private RulesText() {}

    public static String print(ChallengeRules rules) {
        StringBuilder out = new StringBuilder();
        out.append("locked=").append(String.join(",", rules.locked()));
        Constraints c = rules.constraints();
        limit(out, "maxHiddenLayers", c.maxHiddenLayers());
        limit(out, "maxUnitsPerLayer", c.maxUnitsPerLayer());
        limit(out, "maxTotalUnits", c.maxTotalUnits());
        limit(out, "maxEpochs", c.maxEpochs());
        if (c.limitsFeatures()) {
            out.append("&features=").append(rules.featureList());
        }
        limit(out, "maxPoints", c.maxPoints());
        Goal g = rules.goal();
        out.append("&metric=").append(g.metric().key());
        out.append('&').append(g.comparisonKey()).append('=').append(SpecNumbers.formatReal(g.threshold()));
        out.append("&byEpoch=").append(g.byEpoch());
        return out.toString();
    }

    private static void limit(StringBuilder out, String key, int value) {
        if (value != Constraints.NONE) {
            out.append('&').append(key).append('=').append(value);
        }
    }

    /**
     * Reads what {@link #print} wrote.
     *
     * @throws IllegalArgumentException naming the pair that is wrong
     */
    public static ChallengeRules parse(String text) {
        List<String> locked = new ArrayList<>();
        int maxLayers = Constraints.NONE;
        int maxUnits = Constraints.NONE;
        int maxTotal = Constraints.NONE;
        int maxEpochs = Constraints.NONE;
        int maxPoints = Constraints.NONE;
        List<Feature> features = new ArrayList<>();
        GoalMetric metric = null;
        Boolean atLeast = null;
        double threshold = Double.NaN;
        int byEpoch = -1;
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("rules: \"" + pair + "\" is not key=value");
            }
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            switch (key) {
                case "locked" -> {
                    for (String k : value.split(",", -1)) {
                        if (!k.isEmpty()) {
                            locked.add(k);
                        }
                    }
                }
                case "maxHiddenLayers" -> maxLayers = integer(key, value);
                case "maxUnitsPerLayer" -> maxUnits = integer(key, value);
                case "maxTotalUnits" -> maxTotal = integer(key, value);
                case "maxEpochs" -> maxEpochs = integer(key, value);
                case "maxPoints" -> maxPoints = integer(key, value);
                case "features" -> {
                    for (String f : value.split(",", -1)) {
                        Feature feature = Feature.fromKey(f);
                        if (feature == null) {
                            throw new IllegalArgumentException("rules: features: \"" + f + "\" is no feature");
                        }
                        features.add(feature);
                    }
                }
                case "metric" -> {
                    metric = GoalMetric.fromKey(value);
                    if (metric == null) {
                        throw new IllegalArgumentException(
                                "rules: metric: \"" + value + "\"; allowed: " + GoalMetric.allKeys());
                    }
                }
                case "atLeast", "atMost" -> {
                    atLeast = key.equals("atLeast");
                    threshold = SpecNumbers.parseReal(value);
                }
                case "byEpoch" -> byEpoch = integer(key, value);
                default -> throw new IllegalArgumentException("rules: unknown key \"" + key + "\"");
            }
        }
        if (metric == null || atLeast == null || Double.isNaN(threshold) || byEpoch < 0) {
            throw new IllegalArgumentException("rules: the goal needs metric, atLeast or atMost, and byEpoch");
        }
        return new ChallengeRules(
                locked,
                new Constraints(maxLayers, maxUnits, maxTotal, maxEpochs, features, maxPoints),
                new Goal(metric, atLeast, threshold, byEpoch));
    }

    private static int integer(String key, String value) {
        long n = SpecNumbers.parseInteger(value);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rules: " + key + ": \"" + value + "\" is not an integer");
        }
        return (int) n;
    }
}
