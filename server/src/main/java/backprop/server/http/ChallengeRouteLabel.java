package backprop.server.http;

/** The challenge routes as metric labels ({@link RouteLabel}), never with an id; null for other paths. */
final class ChallengeRouteLabel {
    private ChallengeRouteLabel() {}

    static String of(String path) {
        if (path.equals("/api/challenges") || path.equals("/challenges")) {
            return path;
        }
        if (path.matches("/api/challenges/[^/]+")) {
            return "/api/challenges/{id}";
        }
        if (path.matches("/api/challenges/[^/]+/attempts")) {
            return "/api/challenges/{id}/attempts";
        }
        if (path.matches("/api/challenges/[^/]+/attempts/[^/]+")) {
            return "/api/challenges/{id}/attempts/{attemptId}";
        }
        if (path.matches("/c/[^/]+")) {
            return "/c/{id}";
        }
        if (path.matches("/c/[^/]+/a/[^/]+")) {
            return "/c/{id}/a/{attemptId}";
        }
        if (path.matches("/embed/c/[^/]+")) {
            return "/embed/c/{id}";
        }
        return null;
    }
}
