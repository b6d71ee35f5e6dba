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
 * ({@code /c/{id}/a/{attemptId}}) also the attempt as verified.
 */
public record ChallengeView(
        String id, String title, String instructions, ChallengeRules rules, Attempt attempt, String publicUrl) {
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
