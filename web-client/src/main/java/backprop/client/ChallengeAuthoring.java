package backprop.client;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Feature;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecNumbers;
import backprop.engine.spec.SpecProblem;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import backprop.ui.challenge.ChallengeRules;
import backprop.ui.challenge.Constraints;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.GoalMetric;
import backprop.ui.challenge.InstructionsMarkup;
import backprop.ui.challenge.RulesSummary;
import backprop.ui.challenge.SpecValues;
import backprop.ui.text.EmbedSnippet;
import backprop.ui.text.Html;
import backprop.ui.text.Json;
import backprop.ui.text.Links;
import java.util.ArrayList;
import java.util.List;

/**
 * "Make a challenge" on the playground: the dialog picks the locks, constraints and goal for the
 * current experiment, previews what a student sees (with the same checks the server makes), saves
 * it through {@code POST /api/challenges} and gives the link and the iframe snippet.
 */
final class ChallengeAuthoring {
    private final ShareDialog.Source source;
    private boolean saving;

    ChallengeAuthoring(ShareDialog.Source source) {
        this.source = source;
    }

    void bind() {
        if (Browser.byTestId("challenge-create") == null) {
            return;
        }
        Browser.onTestId("challenge-create", "click", this::open);
        Browser.onTestId("challenge-close", "click", () -> Browser.closeModal("challenge-dialog"));
        Browser.onTestId("challenge-preview", "click", this::preview);
        Browser.onTestId("challenge-save", "click", this::save);
    }

    /** Prefilled from the experiment as it is now: its features, a goal on its own metric and epoch. */
    private void open() {
        Trainer trainer = source.trainer();
        Spec spec = trainer.spec();
        boolean regression = spec.data().isRegression();
        Browser.setValue("challenge-metric", regression ? "testLoss" : "testAccuracy");
        Browser.setValue("challenge-comparison", regression ? "atMost" : "atLeast");
        if (trainer.epoch() > 0) {
            Metrics m = trainer.evaluate();
            double value = regression ? m.testLoss() : m.testAccuracy();
            if (!Double.isNaN(value)) {
                // two decimals, rounded towards the easier side: the experiment as it is reaches it
                double scaled = regression ? Math.ceil(value * 100) : Math.floor(value * 100);
                Browser.setValue("challenge-threshold", SpecNumbers.formatReal(scaled / 100));
            }
            Browser.setValue("challenge-by-epoch", Integer.toString(Math.min(trainer.epoch(), Goal.MAX_BY_EPOCH)));
        }
        for (Feature f : Feature.values()) {
            Browser.setChecked("challenge-feature-" + f.key(), spec.features().contains(f));
        }
        Browser.setHidden(Browser.byTestId("challenge-error"), true);
        Browser.setHidden(Browser.byTestId("challenge-result"), true);
        Browser.setHidden(Browser.byTestId("challenge-preview-area"), true);
        Browser.showModal("challenge-dialog");
    }

    /** The rules the form describes, or null after showing what is wrong. */
    private ChallengeRules rules() {
        List<String> problems = new ArrayList<>();
        List<String> locked = new ArrayList<>();
        for (String key : SpecValues.LOCKABLE) {
            if (Browser.checked("challenge-lock-" + key)) {
                locked.add(key);
            }
        }
        List<Feature> features = new ArrayList<>();
        if (Browser.checked("challenge-limit-features")) {
            for (Feature f : Feature.values()) {
                if (Browser.checked("challenge-feature-" + f.key())) {
                    features.add(f);
                }
            }
            if (features.isEmpty()) {
                problems.add("constraints.features: pick at least one feature, or untick \"Only these features\"");
            }
        }
        Constraints constraints = new Constraints(
                limit("challenge-max-layers", "constraints.maxHiddenLayers", problems),
                limit("challenge-max-units", "constraints.maxUnitsPerLayer", problems),
                limit("challenge-max-total-units", "constraints.maxTotalUnits", problems),
                limit("challenge-max-epochs", "constraints.maxEpochs", problems),
                features,
                limit("challenge-max-points", "constraints.maxPoints", problems));
        GoalMetric metric = GoalMetric.fromKey(Browser.value("challenge-metric"));
        boolean atLeast = "atLeast".equals(Browser.value("challenge-comparison"));
        String thresholdText = Browser.value("challenge-threshold").trim();
        double threshold = SpecNumbers.parseReal(thresholdText);
        if (Double.isNaN(threshold)) {
            problems.add("goal." + (atLeast ? "atLeast" : "atMost") + ": \"" + thresholdText + "\" is not a number");
        }
        int byEpoch = limit("challenge-by-epoch", "goal.byEpoch", problems);
        if (byEpoch == Constraints.NONE) {
            problems.add("goal.byEpoch: an epoch from 1 to " + Goal.MAX_BY_EPOCH + " is required");
        }
        if (!problems.isEmpty()) {
            showError(problems);
            return null;
        }
        ChallengeRules rules = new ChallengeRules(locked, constraints, new Goal(metric, atLeast, threshold, byEpoch));
        List<String> checks = new ArrayList<>();
        for (SpecProblem p :
                rules.problemsWith(source.trainer().spec(), source.trainer().imported())) {
            checks.add(p.message());
        }
        if (!checks.isEmpty()) {
            showError(checks);
            return null;
        }
        Browser.setHidden(Browser.byTestId("challenge-error"), true);
        return rules;
    }

    private static int limit(String testId, String field, List<String> problems) {
        String text = Browser.value(testId).trim();
        if (text.isEmpty()) {
            return Constraints.NONE;
        }
        long n = SpecNumbers.parseInteger(text);
        if (n < 0 || n > Integer.MAX_VALUE) {
            problems.add(field + ": \"" + text + "\" is not a whole number");
            return Constraints.NONE;
        }
        return (int) n;
    }

    /** What a student will see above the playground. */
    private void preview() {
        ChallengeRules rules = rules();
        if (rules == null) {
            return;
        }
        StringBuilder html = new StringBuilder("<h3>")
                .append(Html.escape(Browser.value("challenge-title-input").trim()))
                .append("</h3>")
                .append(InstructionsMarkup.html(Browser.value("challenge-instructions-input")))
                .append("<p><strong>")
                .append(Html.escape(RulesSummary.goal(rules)))
                .append("</strong></p>");
        List<String> lines = RulesSummary.constraints(rules);
        if (!lines.isEmpty()) {
            html.append("<ul>");
            for (String line : lines) {
                html.append("<li>").append(Html.escape(line)).append("</li>");
            }
            html.append("</ul>");
        }
        String locked = RulesSummary.locked(rules);
        if (locked != null) {
            html.append("<p>").append(Html.escape(locked)).append("</p>");
        }
        ChallengeDom.setHtml("challenge-preview-area", html.toString());
        Browser.setHidden(Browser.byTestId("challenge-preview-area"), false);
    }

    private void save() {
        if (saving) {
            return;
        }
        String title = Browser.value("challenge-title-input").trim();
        if (title.isEmpty()) {
            showError(List.of("title: a title is required (1 to 120 characters)"));
            return;
        }
        ChallengeRules rules = rules();
        if (rules == null) {
            return;
        }
        preview();
        // On imported points the challenge carries them: the spec says data=imported, the points follow.
        Dataset points = source.trainer().imported();
        String spec = points == null
                ? SpecCodec.print(source.trainer().spec())
                : ImportedSpec.print(source.trainer().spec());
        String body = "{\"title\":" + Json.quote(title) + ",\"instructions\":"
                + Json.quote(Browser.value("challenge-instructions-input")) + ",\"spec\":"
                + Json.quote(spec)
                + (points == null ? "" : ",\"dataset\":" + Json.quote(DatasetCsv.write(points))) + ","
                + rulesJson(rules) + "}";
        saving = true;
        Browser.setDisabled("challenge-save", true);
        Browser.fetch("POST", "/api/challenges", body, (status, text) -> {
            saving = false;
            Browser.setDisabled("challenge-save", false);
            String url = status == 200 || status == 201 ? Browser.jsonString(text, "url") : null;
            if (url == null) {
                showError(List.of(status == 0 ? "Could not reach the server: " + text : Browser.jsonErrors(text)));
                return;
            }
            String id = Browser.jsonString(text, "id");
            Links links = new Links(url.substring(0, url.length() - ("/c/" + id).length()));
            Browser.setValue("challenge-link", url);
            Browser.setValue(
                    "challenge-iframe",
                    EmbedSnippet.iframe(
                            links.challengeEmbed(id, ""),
                            EmbedSnippet.DEFAULT_WIDTH,
                            EmbedSnippet.DEFAULT_HEIGHT,
                            title));
            Browser.setHidden(Browser.byTestId("challenge-result"), false);
            Browser.focusAndSelect("challenge-link");
        });
    }

    /** {@code "locked": [...], "constraints": {...}, "goal": {...}} as the API takes them. */
    static String rulesJson(ChallengeRules rules) {
        StringBuilder out = new StringBuilder("\"locked\":[");
        for (int i = 0; i < rules.locked().size(); i++) {
            out.append(i == 0 ? "" : ",").append(Json.quote(rules.locked().get(i)));
        }
        out.append("],\"constraints\":{");
        Constraints c = rules.constraints();
        List<String> fields = new ArrayList<>();
        add(fields, "maxHiddenLayers", c.maxHiddenLayers());
        add(fields, "maxUnitsPerLayer", c.maxUnitsPerLayer());
        add(fields, "maxTotalUnits", c.maxTotalUnits());
        add(fields, "maxEpochs", c.maxEpochs());
        if (c.limitsFeatures()) {
            StringBuilder list = new StringBuilder("\"features\":[");
            for (int i = 0; i < c.features().size(); i++) {
                list.append(i == 0 ? "" : ",")
                        .append(Json.quote(c.features().get(i).key()));
            }
            fields.add(list.append(']').toString());
        }
        add(fields, "maxPoints", c.maxPoints());
        out.append(String.join(",", fields)).append("},\"goal\":{\"metric\":");
        Goal g = rules.goal();
        out.append(Json.quote(g.metric().key()))
                .append(",\"")
                .append(g.comparisonKey())
                .append("\":")
                .append(SpecNumbers.formatReal(g.threshold()))
                .append(",\"byEpoch\":")
                .append(g.byEpoch())
                .append('}');
        return out.toString();
    }

    private static void add(List<String> fields, String key, int value) {
        if (value != Constraints.NONE) {
            fields.add("\"" + key + "\":" + value);
        }
    }

    private static void showError(List<String> messages) {
        Browser.setText("challenge-error", String.join("\n", messages));
        Browser.setHidden(Browser.byTestId("challenge-error"), false);
    }
}
