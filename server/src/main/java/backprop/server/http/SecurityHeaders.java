package backprop.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every answer carries, also those written below Javalin (refusals of slow uploads,
 * Jetty's own errors), which {@link App}'s before-handler never sees.
 */
final class SecurityHeaders {
    private SecurityHeaders() {}

    /** The same headers {@link App} sets on the answer to {@code path}. */
    static Map<String, String> forPath(String path) {
        boolean embed = path != null && EmbedRoutes.isEmbedPath(path);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", embed ? App.EMBED_CONTENT_SECURITY_POLICY : App.CONTENT_SECURITY_POLICY);
        if (!embed) {
            headers.put("X-Frame-Options", "DENY");
        }
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return headers;
    }
}
