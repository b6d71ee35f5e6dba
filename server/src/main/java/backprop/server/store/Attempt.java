package backprop.server.store;

/**
 * A verified attempt at a challenge: the canonical spec the server retrained, the epoch the metric
 * was taken at, the metric it measured (null when the run diverged), the parameters' fingerprint
 * there, whether that meets the goal, when it was saved, and the imported points it trained on when
 * they are its own (canonical CSV; null: the challenge's points or the spec's data). Never changed once written.
 */
public record Attempt(
        String id,
        String challengeId,
        String spec,
        int epoch,
        Double metric,
        String fingerprint,
        boolean meetsGoal,
        long createdAt,
        String dataset) {}
