package backprop.server.pages;

import backprop.server.store.Attempt;
import backprop.ui.challenge.ChallengeRules;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.InstructionsMarkup;
import backprop.ui.challenge.RulesSummary;
import backprop.ui.challenge.RulesText;
import backprop.ui.text.Links;
import java.util.List;

/**
 * What the playground template adds on a challenge's pages: the challenge panel (title,
 * instructions as {@link InstructionsMarkup} HTML, the goal, constraints and locks in words) and
 * the rules for the page's script ({@code data-rules}, {@link RulesText}). On an attempt's page
 * ({@code /c/{id}/a/{attemptId}}) also the attempt as verified. On imported points the page
 * fetches them from {@link #pointsUrl()}.
 */
public record ChallengeView(
        String id,
        String title,
        String instructions,
        ChallengeRules rules,
        Attempt attempt,
        String publicUrl,
        boolean imported) {
    /**
     * Where the page fetches the imported points it trains on (the challenge's JSON, or the
     * attempt's, which names its own or the challenge's), root-relative; null when the spec uses
     * its own data ({@code data-points} on the page's body).
     */
    public String pointsUrl() {
        if (!imported) {
            return null;
        }
        Links api = new Links("");
        return attempt == null ? api.apiChallenge(id) : api.apiAttempt(id, attempt.id());
    }

    public String instructionsHtml() {
        return InstructionsMarkup.html(instructions);
    }

    public String rulesText() {
        return RulesText.print(rules);
    }

    public String goalText() {
        return RulesSummary.goal(rules);
    }

    public List<String> constraintLines() {
        return RulesSummary.constraints(rules);
    }

    /** Null when nothing is locked. */
    public String lockedText() {
        return RulesSummary.locked(rules);
    }

    public boolean isAttempt() {
        return attempt != null;
    }

    /** The verified metric as the page shows it ("0.9640", "diverged"). */
    public String verifiedValue() {
        return attempt.metric() == null ? "diverged (not a number)" : Goal.shown(attempt.metric());
    }

    /** The exact verified metric (shortest round-trip decimal), for the page's data and tests. */
    public String verifiedExact() {
        return attempt.metric() == null ? "" : Double.toString(attempt.metric());
    }

    public String verdict() {
        return attempt.meetsGoal()
                ? "Verified: meets the goal at epoch " + attempt.epoch()
                : "Verified: does not meet the goal at epoch " + attempt.epoch();
    }

    public String challengeUrl() {
        return new Links(publicUrl).challengePage(id);
    }
}
