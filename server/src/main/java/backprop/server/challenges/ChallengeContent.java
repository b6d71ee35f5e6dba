package backprop.server.challenges;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Feature;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.ui.challenge.ChallengeRules;
import backprop.ui.challenge.Constraints;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.GoalMetric;
import backprop.ui.challenge.SpecValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid challenge: title, instructions (plain text), the starting experiment (canonical spec)
 * and its rules. Its canonical JSON is the stored body and what its id hashes: fields in the
 * order {@code title, instructions, spec, locked, constraints, goal}; {@code locked} in the
 * spec's key order without repeats; only the constraints given, in the order
 * {@code maxHiddenLayers, maxUnitsPerLayer, maxTotalUnits, maxEpochs, features, maxPoints}
 * (features in the spec's order); the goal as {@code metric}, {@code atLeast} or {@code atMost},
 * {@code byEpoch}. A challenge on imported points (issue 18) has its spec say {@code data=imported}
 * and its {@code dataset} (the points' canonical CSV, {@link DatasetCsv}) right after {@code spec};
 * without one there is no {@code dataset} field at all, so every earlier challenge's JSON and id
 * are unchanged.
 */
public record ChallengeContent(String title, String instructions, String spec, String dataset, ChallengeRules rules) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A challenge on the spec's own data. */
    public ChallengeContent(String title, String instructions, String spec, ChallengeRules rules) {
        this(title, instructions, spec, null, rules);
    }

    /** The spec the engine runs: the carrier spec on the imported points ({@link ImportedSpec}) when there are some. */
    public Spec parsedSpec() {
        Dataset points = points();
        return points == null
                ? SpecCodec.parseStrict(spec)
                : ImportedSpec.parse(spec, points).spec();
    }

    /** The imported points, or null when the spec's own data is used. */
    public Dataset points() {
        return dataset == null ? null : CsvImport.parse(dataset).dataset();
    }

    /** The JSON fields in canonical order (the API answers them plus {@code id} and {@code url}). */
    public Map<String, Object> fields() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("instructions", instructions);
        body.put("spec", spec);
        if (dataset != null) {
            body.put("dataset", dataset);
        }
        List<String> locked = new ArrayList<>();
        for (String key : SpecValues.LOCKABLE) {
            if (rules.isLocked(key)) {
                locked.add(key);
            }
        }
        body.put("locked", locked);
        Map<String, Object> constraints = new LinkedHashMap<>();
        Constraints c = rules.constraints();
        limit(constraints, "maxHiddenLayers", c.maxHiddenLayers());
        limit(constraints, "maxUnitsPerLayer", c.maxUnitsPerLayer());
        limit(constraints, "maxTotalUnits", c.maxTotalUnits());
        limit(constraints, "maxEpochs", c.maxEpochs());
        if (c.limitsFeatures()) {
            List<String> features = new ArrayList<>();
            for (Feature f : Feature.values()) {
                if (c.features().contains(f)) {
                    features.add(f.key());
                }
            }
            constraints.put("features", features);
        }
        limit(constraints, "maxPoints", c.maxPoints());
        body.put("constraints", constraints);
        Map<String, Object> goal = new LinkedHashMap<>();
        Goal g = rules.goal();
        goal.put("metric", g.metric().key());
        goal.put(g.comparisonKey(), g.threshold());
        goal.put("byEpoch", g.byEpoch());
        body.put("goal", goal);
        return body;
    }

    private static void limit(Map<String, Object> out, String key, int value) {
        if (value != Constraints.NONE) {
            out.put(key, value);
        }
    }

    /** The canonical JSON text (see the class comment). */
    public String canonicalJson() {
        try {
            return JSON.writeValueAsString(fields());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("strings and numbers always serialize", impossible);
        }
    }

    /** The content id: the first 10 base-62 digits of the SHA-256 of the canonical JSON. */
    public String id() {
        return backprop.server.experiments.ExperimentId.ofText(canonicalJson());
    }

    /** Reads a stored body back (it was valid when written). */
    public static ChallengeContent fromStored(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored challenge is not JSON: " + e.getOriginalMessage(), e);
        }
        List<String> locked = new ArrayList<>();
        root.path("locked").forEach(n -> locked.add(n.asText()));
        JsonNode c = root.path("constraints");
        List<Feature> features = new ArrayList<>();
        c.path("features").forEach(n -> features.add(Feature.fromKey(n.asText())));
        Constraints constraints = new Constraints(
                c.path("maxHiddenLayers").asInt(Constraints.NONE),
                c.path("maxUnitsPerLayer").asInt(Constraints.NONE),
                c.path("maxTotalUnits").asInt(Constraints.NONE),
                c.path("maxEpochs").asInt(Constraints.NONE),
                features,
                c.path("maxPoints").asInt(Constraints.NONE));
        JsonNode g = root.path("goal");
        boolean atLeast = g.has("atLeast");
        Goal goal = new Goal(
                GoalMetric.fromKey(g.path("metric").asText()),
                atLeast,
                g.path(atLeast ? "atLeast" : "atMost").asDouble(),
                g.path("byEpoch").asInt());
        return new ChallengeContent(
                root.path("title").asText(),
                root.path("instructions").asText(),
                root.path("spec").asText(),
                root.hasNonNull("dataset") ? root.get("dataset").asText() : null,
                new ChallengeRules(locked, constraints, goal));
    }
}
