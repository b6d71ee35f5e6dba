package backprop.server.http;

import backprop.server.problems.ApiError;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes come from our own pages or from programs, never from a form on another site: a write
 * with a body must be {@code application/json} (415 otherwise: a cross-site form can only send
 * form or text types without a CORS preflight), and a write whose {@code Origin} header is present
 * must come from the public address or the request's own host (403 otherwise; programs send no
 * Origin). Routes meant for sandboxed embeds are exempt from the Origin check ({@link #EMBED_WRITES}).
 */
final class WriteGuard {
    /**
     * Writes a sandboxed embed may make from its opaque origin ({@code Origin: null}) or a course
     * site's: challenge attempts ({@code POST /api/challenges/{id}/attempts}: the server verifies
     * an attempt by training it itself, so its origin proves nothing). Still JSON only.
     */
    static final List<Pattern> EMBED_WRITES = List.of(Pattern.compile("/api/challenges/[0-9A-Za-z]+/attempts"));

    private final ServerConfig config;
    private final PublicUrls urls;

    WriteGuard(ServerConfig config) {
        this.config = config;
        this.urls = new PublicUrls(config);
    }

    /** As a before-handler on {@code /api/*}. */
    void check(Context ctx) {
        String method = ctx.method().name();
        boolean write =
                method.equals("POST") || method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE");
        if (!write) {
            return;
        }
        if (!method.equals("DELETE") || ctx.contentLength() > 0) {
            String type = ctx.header("Content-Type");
            String bare = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!bare.equals("application/json")) {
                throw ApiError.unsupportedMediaType("Content-Type: " + (type == null ? "missing" : "\"" + type + "\"")
                        + " is not accepted; allowed: application/json");
            }
        }
        String origin = ctx.header("Origin");
        if (origin != null && !isEmbedWrite(ctx.path()) && !sameSite(origin, ctx)) {
            throw ApiError.forbidden("writes from the origin \"" + origin + "\" are not accepted; allowed: "
                    + originOf(urls.base(ctx)) + " (this site's pages), or no Origin header (programs)");
        }
    }

    private static boolean isEmbedWrite(String path) {
        for (Pattern allowed : EMBED_WRITES) {
            if (allowed.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    private boolean sameSite(String origin, Context ctx) {
        String given = origin.trim().toLowerCase(Locale.ROOT);
        if (config.publicUrl() != null && given.equals(originOf(config.publicUrl()))) {
            return true;
        }
        String host = ctx.host();
        return host != null
                && (given.equals("http://" + host.toLowerCase(Locale.ROOT))
                        || given.equals("https://" + host.toLowerCase(Locale.ROOT)));
    }

    /** {@code scheme://host[:port]} of an address, lowercase, as browsers send it in Origin. */
    static String originOf(String url) {
        URI uri = URI.create(url);
        String origin =
                uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? origin : origin + ":" + uri.getPort();
    }
}
