package backprop.client;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecLimits;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import backprop.ui.challenge.ChallengeRules;
import backprop.ui.challenge.Constraints;
import backprop.ui.challenge.GoalProgress;
import backprop.ui.challenge.GoalReport;
import backprop.ui.challenge.GoalWatch;
import backprop.ui.challenge.RulesSummary;
import backprop.ui.challenge.RulesText;
import backprop.ui.playground.PlaygroundSession;
import backprop.ui.text.Json;

/**
 * A challenge's student page ({@code /c/{id}}, its embed) and an attempt's page
 * ({@code /c/{id}/a/{attemptId}}) on top of the playground: the rules gate every change (the
 * session refuses what breaks a lock or a constraint), every change restarts the run, Play stops
 * at the goal's epoch, locked controls are disabled with the reason, the status follows the goal
 * at each epoch boundary, and Submit sends the attempt for the server to verify.
 */
final class ChallengePage {
    private final String challengeId;
    private final ChallengeRules rules;
    /** The challenge's start: on imported points the carrier spec once they arrived ({@link #pointsArrived}). */
    private Spec start;
    /** The challenge's imported points, null for the spec's own data (or before they arrived). */
    private Dataset startPoints;

    private final PlaygroundSession session;
    private final GoalProgress progress;
    private final GoalReport report = new GoalReport();
    private final boolean attemptPage;
    private String statusShown = "";
    private boolean submitting;

    private ChallengePage(
            String challengeId, ChallengeRules rules, Spec start, PlaygroundSession session, boolean attemptPage) {
        this.challengeId = challengeId;
        this.rules = rules;
        this.start = start;
        this.session = session;
        this.progress = new GoalProgress(rules.goal());
        this.attemptPage = attemptPage;
    }

    /** True on an attempt's page: the attempt is shown, trained to its epoch, not judged again. */
    boolean attemptPage() {
        return attemptPage;
    }

    /** True on a challenge's pages ({@code data-challenge-id} on the body). */
    static boolean onPage() {
        return !Browser.bodyData("challengeId").isEmpty();
    }

    /**
     * The spec the page opens with: the attempt's on its page; on the student page the address's
     * fragment when it is valid and keeps the rules (a reload keeps the student's changes), else
     * the challenge's start.
     */
    static ParseResult startingSpec(String fragment, String startText) {
        if (waitsForPoints()) {
            // The points come from the API (Client.loadChallengePoints), the address's spec after them.
            return ImportedSpec.parse(startText, null);
        }
        ParseResult start = SpecCodec.parse(startText);
        if (fragment.isEmpty() || !Browser.bodyData("attemptEpoch").isEmpty()) {
            return start;
        }
        ParseResult parsed = SpecCodec.parse(fragment);
        ChallengeRules rules = RulesText.parse(Browser.bodyData("rules"));
        if (!parsed.problems().isEmpty()
                || !rules.changeProblems(start.spec(), parsed.spec()).isEmpty()) {
            return start;
        }
        return parsed;
    }

    /**
     * True when the page's run is on imported points ({@code data-points}: where the API gives
     * them): the page opens once they arrived.
     */
    static boolean waitsForPoints() {
        return !Browser.bodyData("points").isEmpty();
    }

    /** Binds the page once the playground is up. */
    static ChallengePage start(PlaygroundSession session) {
        ChallengeRules rules = RulesText.parse(Browser.bodyData("rules"));
        String epoch = Browser.bodyData("attemptEpoch");
        String startText = Browser.bodyData("spec");
        Spec start = ImportedSpec.namesImported(startText)
                ? ImportedSpec.parse(startText, null).spec()
                : SpecCodec.parse(startText).spec();
        ChallengePage page =
                new ChallengePage(Browser.bodyData("challengeId"), rules, start, session, !epoch.isEmpty());
        if (page.attemptPage) {
            if (!waitsForPoints()) {
                session.trainUntil(epoch);
            }
            return page;
        }
        session.challengeMode(
                (next, points) -> rules.changeProblems(page.start, page.startPoints, next, points),
                rules.goal().byEpoch());
        // Every epoch boundary the training passes, in a frame or in the worker: the first that meets the goal.
        session.loop().watchEpochs(new GoalWatch(page.progress));
        Browser.onTestId("challenge-submit", "click", page::submit);
        return page;
    }

    /**
     * The imported points arrived with the spec they go with (the challenge's start, or the
     * attempt's): the rules compare with them from now on. The points' problem, or null.
     */
    String pointsArrived(String specText, String pointsText) {
        CsvImport.Result points = CsvImport.parse(pointsText);
        if (!points.ok()) {
            return "The challenge's points are unreadable (" + points.problems().get(0) + ").";
        }
        if (!attemptPage) {
            start = ImportedSpec.parse(specText, points.dataset()).spec();
            startPoints = points.dataset();
        }
        return null;
    }

    /** After the points were loaded: the attempt's page trains to its epoch. */
    void pointsLoaded() {
        if (attemptPage) {
            session.trainUntil(Browser.bodyData("attemptEpoch"));
        }
    }

    /** After the controls showed a spec: locks and constraint limits on top of their own states. */
    void applyLocks(Spec spec) {
        for (String key : rules.locked()) {
            String reason = RulesSummary.lockReason(key);
            switch (key) {
                case "data" -> {
                    for (DatasetKind kind : DatasetKind.values()) {
                        ChallengeDom.lock("dataset-" + kind.key(), reason);
                    }
                    lockDrawing(reason);
                    ChallengeDom.lock("import-file", reason);
                    ChallengeDom.lock("import-paste", reason);
                    ChallengeDom.lock("import-drop", reason);
                }
                case "points" -> lockDrawing(reason);
                case "seed" -> {
                    ChallengeDom.lock("seed", reason);
                    ChallengeDom.lock("regenerate", reason);
                }
                case "initseed" -> {
                    ChallengeDom.lock("new-weights", reason);
                    ChallengeDom.lock("regenerate", reason);
                }
                case "features" -> {
                    for (Feature f : Feature.values()) {
                        ChallengeDom.lock("feature-" + f.key(), reason);
                    }
                }
                case "layers" -> {
                    ChallengeDom.lock("add-layer", reason);
                    ChallengeDom.lock("remove-layer", reason);
                    ChallengeDom.lockWithin("layers", reason);
                }
                default -> ChallengeDom.lock(key, reason);
            }
        }
        Constraints c = rules.constraints();
        if (c.limitsFeatures()) {
            for (Feature f : Feature.values()) {
                if (!c.features().contains(f)) {
                    ChallengeDom.lock(
                            "feature-" + f.key(), "Not among the challenge's features (" + rules.featureList() + ").");
                }
            }
        }
        if (c.maxHiddenLayers() != Constraints.NONE
                && spec.layers().size() >= Math.min(c.maxHiddenLayers(), SpecLimits.MAX_LAYERS)) {
            ChallengeDom.lock("add-layer", "The challenge allows at most " + c.maxHiddenLayers() + " hidden layers.");
        }
    }

    private static void lockDrawing(String reason) {
        ChallengeDom.lock("draw-mode", reason);
        ChallengeDom.lock("clear-points", reason);
        ChallengeDom.lock("undo", reason);
        ChallengeDom.lock("dataset-custom", reason);
    }

    /** A new run started (a change, Reset): the goal is judged afresh. */
    void restarted() {
        progress.restart();
        Browser.setHidden(Browser.byTestId("challenge-attempt-link"), true);
    }

    /** Once per drawn frame: judges the goal at each new epoch boundary, shows it, tells the host page. */
    void frame(Trainer trainer, boolean playing, double nowMs) {
        if (attemptPage) {
            return;
        }
        if (trainer.epoch() < progress.lastEpoch()) {
            progress.restart();
        }
        if (trainer.position() == 0 && trainer.epoch() != progress.lastEpoch()) {
            Metrics metrics = trainer.evaluate();
            progress.observe(trainer.epoch(), metrics, trainer.fingerprint());
        }
        String status = progress.status();
        if (!status.equals(statusShown)) {
            statusShown = status;
            Browser.setText("challenge-status", status);
            Browser.setAttribute(
                    Browser.byTestId("challenge-status"), "data-reached", Boolean.toString(progress.reached()));
        }
        String message = report.next(nowMs, playing, progress);
        if (message != null) {
            ChallengeDom.postToHost(message);
        }
    }

    /** Sends the spec and the epoch (with the figures seen there) for the server to verify. */
    private void submit() {
        if (submitting) {
            return;
        }
        session.loop().pause();
        StringBuilder body = new StringBuilder("{\"spec\":")
                .append(Json.quote(session.canonicalSpec()))
                .append(",\"epoch\":")
                .append(progress.attemptEpoch());
        double value = progress.attemptValue();
        Dataset points = session.dataset();
        if (points != null && (startPoints == null || !ChallengeRules.samePoints(points, startPoints))) {
            // Points of the student's own (the data is not locked); the challenge's stay on the server.
            body.append(",\"dataset\":").append(Json.quote(DatasetCsv.write(points)));
        }
        if ((progress.reached() || progress.lastEpoch() >= 0) && !Double.isNaN(value) && !Double.isInfinite(value)) {
            body.append(",\"claim\":{\"value\":")
                    .append(GoalReport.number(value))
                    .append(",\"fingerprint\":")
                    .append(Json.quote(progress.attemptFingerprint()))
                    .append('}');
        }
        body.append('}');
        submitting = true;
        Browser.setDisabled("challenge-submit", true);
        Browser.setText("challenge-submit", "Verifying…");
        Browser.fetch("POST", "/api/challenges/" + challengeId + "/attempts", body.toString(), (status, text) -> {
            submitting = false;
            Browser.setDisabled("challenge-submit", false);
            Browser.setText("challenge-submit", "Submit");
            String url = status == 200 || status == 201 ? Browser.jsonString(text, "url") : null;
            if (url == null) {
                Browser.setText(
                        "challenge-submit-error",
                        status == 0 ? "Could not reach the server: " + text : Browser.jsonErrors(text));
                Browser.setHidden(Browser.byTestId("challenge-submit-error"), false);
                return;
            }
            boolean meets = ChallengeDom.jsonTrue(text, "meetsGoal");
            Browser.setHidden(Browser.byTestId("challenge-submit-error"), true);
            Browser.setText(
                    "challenge-attempt-link",
                    (meets ? "Verified: meets the goal. " : "Verified: does not meet the goal yet. ") + url);
            Browser.setLink("challenge-attempt-link", url);
            Browser.setAttribute(
                    Browser.byTestId("challenge-attempt-link"), "data-meets-goal", Boolean.toString(meets));
            Browser.setHidden(Browser.byTestId("challenge-attempt-link"), false);
            ChallengeDom.postToHost(GoalReport.attempt(Browser.jsonString(text, "id"), url, meets));
        });
    }
}
