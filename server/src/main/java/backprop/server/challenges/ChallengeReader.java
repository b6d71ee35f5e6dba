package backprop.server.challenges;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Feature;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecProblem;
import backprop.server.experiments.ImportedPoints;
import backprop.server.experiments.TextChecks;
import backprop.server.problems.Problem;
import backprop.ui.challenge.ChallengeRules;
import backprop.ui.challenge.Constraints;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.GoalMetric;
import backprop.ui.challenge.SpecValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A challenge's JSON, field by field, into a {@link ChallengeContent}, collecting every problem
 * with the field's name (dotted inside objects: {@code goal.byEpoch}) and what is allowed.
 */
final class ChallengeReader {
    static final int MAX_TITLE_CHARS = 120;
    /** About two pages of text: instructions, not a lecture. */
    static final int MAX_INSTRUCTIONS_CHARS = 8000;

    static final List<String> FIELDS =
            List.of("title", "instructions", "spec", "dataset", "locked", "constraints", "goal");
    static final List<String> CONSTRAINT_FIELDS =
            List.of("maxHiddenLayers", "maxUnitsPerLayer", "maxTotalUnits", "maxEpochs", "features", "maxPoints");
    static final List<String> GOAL_FIELDS = List.of("metric", "atLeast", "atMost", "byEpoch");

    /** What a {@code dataset} field holds. */
    static final String POINTS = "the points of data=imported as CSV text (x1,x2,label or target[,split])";

    private final List<Problem> problems = new ArrayList<>();

    private ChallengeReader() {}

    /** The content, or null with {@code problems} filled. */
    static ChallengeContent read(JsonNode body, List<Problem> problems) {
        ChallengeReader reader = new ChallengeReader();
        ChallengeContent content = reader.read(body);
        problems.addAll(reader.problems);
        return problems.isEmpty() ? content : null;
    }

    private ChallengeContent read(JsonNode body) {
        unknown(body, "", FIELDS);
        String title = text(body, "title");
        if (title != null) {
            title = title.strip();
            int chars = title.codePointCount(0, title.length());
            if (chars < 1 || chars > MAX_TITLE_CHARS || !TextChecks.wellFormed(title, false)) {
                problems.add(Problem.shown(
                        "title",
                        title,
                        "1 to " + MAX_TITLE_CHARS + " characters of plain text on one line; this one has " + chars));
            }
        } else if (!body.has("title")) {
            problems.add(Problem.missing("title", "1 to " + MAX_TITLE_CHARS + " characters of plain text"));
        }
        String instructions = body.has("instructions") ? text(body, "instructions") : "";
        if (instructions != null) {
            instructions =
                    instructions.replace("\r\n", "\n").replace('\r', '\n').strip();
            int chars = instructions.codePointCount(0, instructions.length());
            if (chars > MAX_INSTRUCTIONS_CHARS) {
                problems.add(Problem.shown(
                        "instructions",
                        instructions,
                        "0 to " + MAX_INSTRUCTIONS_CHARS + " characters of plain text; this one has " + chars));
            } else if (!TextChecks.wellFormed(instructions, true)) {
                problems.add(Problem.shown(
                        "instructions", instructions, "plain text: no control characters other than line breaks"));
            }
        }
        Dataset points = null;
        JsonNode datasetNode = body.get("dataset");
        boolean hasDataset = datasetNode != null && !datasetNode.isNull();
        if (hasDataset) {
            if (!datasetNode.isTextual()) {
                problems.add(Problem.shown("dataset", datasetNode.toString(), "a string: " + POINTS));
            } else {
                points = ImportedPoints.check(datasetNode.textValue(), problems);
            }
        }
        Spec spec = null;
        String specText = text(body, "spec");
        if (specText != null && ImportedSpec.namesImported(specText)) {
            if (points != null) {
                ParseResult parsed = ImportedSpec.parse(specText, points);
                for (SpecProblem p : parsed.problems()) {
                    problems.add(Problem.of(p));
                }
                spec = parsed.problems().isEmpty() ? parsed.spec() : null;
            } else if (!hasDataset) {
                problems.add(Problem.missing("dataset", POINTS));
            }
        } else if (specText != null) {
            try {
                spec = SpecCodec.parseStrict(specText);
            } catch (SpecException e) {
                for (SpecProblem p : e.problems()) {
                    problems.add(Problem.of(p));
                }
            }
            if (hasDataset) {
                problems.add(Problem.shown(
                        "spec",
                        specText,
                        "data=imported when the challenge has a dataset (the points replace the spec's data)"));
                spec = null;
            }
        } else if (!body.has("spec")) {
            problems.add(
                    Problem.missing("spec", "the starting experiment in the spec format, e.g. " + Spec.DEFAULT_TEXT));
        }
        List<String> locked = locked(body.get("locked"));
        Constraints constraints = constraints(body.get("constraints"));
        Goal goal = goal(body.get("goal"));
        if (!problems.isEmpty() || spec == null || goal == null || constraints == null) {
            return null;
        }
        ChallengeRules rules = new ChallengeRules(locked, constraints, goal);
        for (SpecProblem p : rules.problemsWith(spec, points)) {
            problems.add(Problem.of(p));
        }
        return points == null
                ? new ChallengeContent(title, instructions, SpecCodec.print(spec), rules)
                : new ChallengeContent(title, instructions, ImportedSpec.print(spec), DatasetCsv.write(points), rules);
    }

    private List<String> locked(JsonNode node) {
        Set<String> keys = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return List.of();
        }
        String allowed = "an array of spec keys among " + SpecValues.lockableList();
        if (!node.isArray()) {
            problems.add(Problem.shown("locked", node.toString(), allowed));
            return List.of();
        }
        for (JsonNode item : node) {
            if (!item.isTextual() || !SpecValues.LOCKABLE.contains(item.textValue())) {
                problems.add(Problem.shown("locked", item.toString(), allowed));
            } else {
                keys.add(item.textValue());
            }
        }
        return new ArrayList<>(keys);
    }

    private Constraints constraints(JsonNode node) {
        if (node == null || node.isNull()) {
            return Constraints.none();
        }
        if (!node.isObject()) {
            problems.add(Problem.shown(
                    "constraints", node.toString(), "an object with any of " + String.join(", ", CONSTRAINT_FIELDS)));
            return null;
        }
        unknown(node, "constraints.", CONSTRAINT_FIELDS);
        List<Feature> features = new ArrayList<>();
        JsonNode list = node.get("features");
        if (list != null && !list.isNull()) {
            String allowed = "a non-empty array of features among x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2";
            if (!list.isArray() || list.isEmpty()) {
                problems.add(Problem.shown("constraints.features", list.toString(), allowed));
            } else {
                for (JsonNode item : list) {
                    Feature f = item.isTextual() ? Feature.fromKey(item.textValue()) : null;
                    if (f == null) {
                        problems.add(Problem.shown("constraints.features", item.toString(), allowed));
                    } else if (!features.contains(f)) {
                        features.add(f);
                    }
                }
            }
        }
        return new Constraints(
                integer(node, "constraints.", "maxHiddenLayers"),
                integer(node, "constraints.", "maxUnitsPerLayer"),
                integer(node, "constraints.", "maxTotalUnits"),
                integer(node, "constraints.", "maxEpochs"),
                features,
                integer(node, "constraints.", "maxPoints"));
    }

    private Goal goal(JsonNode node) {
        String shape = "an object {\"metric\", \"atLeast\" or \"atMost\", \"byEpoch\"}";
        if (node == null || node.isNull()) {
            problems.add(Problem.missing("goal", shape));
            return null;
        }
        if (!node.isObject()) {
            problems.add(Problem.shown("goal", node.toString(), shape));
            return null;
        }
        unknown(node, "goal.", GOAL_FIELDS);
        GoalMetric metric = null;
        JsonNode m = node.get("metric");
        if (m != null && m.isTextual()) {
            metric = GoalMetric.fromKey(m.textValue());
        }
        if (metric == null) {
            problems.add(
                    m == null
                            ? Problem.missing("goal.metric", GoalMetric.allKeys())
                            : Problem.shown("goal.metric", m.toString(), GoalMetric.allKeys()));
        }
        boolean hasLeast = node.has("atLeast");
        boolean hasMost = node.has("atMost");
        if (hasLeast == hasMost) {
            problems.add(new Problem(
                    "goal", hasLeast ? "atLeast and atMost" : null, "exactly one of atLeast and atMost (a number)"));
            return null;
        }
        String comparison = hasLeast ? "atLeast" : "atMost";
        JsonNode t = node.get(comparison);
        if (!t.isNumber() || !Double.isFinite(t.doubleValue())) {
            problems.add(Problem.shown("goal." + comparison, t.toString(), "a number"));
            return null;
        }
        JsonNode e = node.get("byEpoch");
        if (e == null || !e.canConvertToInt() || !e.isIntegralNumber()) {
            problems.add(
                    e == null
                            ? Problem.missing("goal.byEpoch", "an epoch from 1 to " + Goal.MAX_BY_EPOCH)
                            : Problem.shown("goal.byEpoch", e.toString(), "an epoch from 1 to " + Goal.MAX_BY_EPOCH));
            return null;
        }
        return metric == null ? null : new Goal(metric, hasLeast, t.doubleValue(), e.intValue());
    }

    private int integer(JsonNode parent, String prefix, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Constraints.NONE;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            problems.add(Problem.shown(prefix + field, node.toString(), "a whole number (or leave it out: no limit)"));
            return Constraints.NONE;
        }
        return node.intValue();
    }

    private String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(Problem.shown(field, node.toString(), "a string"));
            return null;
        }
        return node.textValue();
    }

    private void unknown(JsonNode object, String prefix, List<String> allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                problems.add(Problem.shown(prefix + name, "...", "only the fields " + String.join(", ", allowed)));
            }
        }
    }
}
