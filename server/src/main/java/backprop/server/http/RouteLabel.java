package backprop.server.http;

import backprop.server.pages.Assets;

/** A request's path as its route, for metric labels: a few dozen values at most, never an id. */
final class RouteLabel {
    private RouteLabel() {}

    static String of(String path) {
        if (path.equals("/")
                || path.equals("/healthz")
                || path.equals("/metrics")
                || path.equals("/graph")
                || path.equals("/graph/embed")
                || path.equals("/graph/loop")
                || path.equals("/activations")
                || path.equals("/bench")
                || path.equals("/embed")
                || path.equals("/oembed")
                || path.equals("/api/experiments")
                || path.equals("/favicon.ico")) {
            return path;
        }
        if (path.startsWith("/static/")) {
            return "/static/*";
        }
        if (path.startsWith("/client/")) {
            return "/client/*";
        }
        if (path.startsWith(Assets.SCRIPTS_PREFIX)) {
            return VersionedAssets.ROUTE;
        }
        if (path.matches("/e/[^/]+")) {
            return "/e/{id}";
        }
        if (path.matches("/embed/[^/]+")) {
            return "/embed/{id}";
        }
        if (path.matches("/api/experiments/[^/]+")) {
            return "/api/experiments/{id}";
        }
        String challenge = ChallengeRouteLabel.of(path);
        if (challenge != null) {
            return challenge;
        }
        if (path.matches("/api/experiments/[^/]+/preview\\.png")) {
            return "/api/experiments/{id}/preview.png";
        }
        if (path.matches("/api/experiments/[^/]+/(numpy\\.py|pytorch\\.py|points\\.csv|weights\\.json)")) {
            return "/api/experiments/{id}/" + path.substring(path.lastIndexOf('/') + 1);
        }
        return "other";
    }
}
