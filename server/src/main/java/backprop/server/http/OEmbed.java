package backprop.server.http;

import backprop.server.experiments.ExperimentService;
import backprop.server.preview.PreviewRenderer;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import backprop.server.store.Experiment;

import backprop.ui.text.EmbedSnippet;
import backprop.ui.text.Links;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /oembed?url=...&maxwidth=...&maxheight=...&format=json} (oEmbed 1.0, type
 * {@code rich}): a course platform that is given an experiment link gets the iframe that embeds
 * it. {@code url} must be this site's {@code {base}/e/{id}} or {@code {base}/embed/{id}} (query
 * and fragment ignored), where base is {@code BACKPROP_PUBLIC_URL}, else the request's own
 * scheme and host; the scheme may be http or https, host, port and path must be the base's.
 *
 * <p>Answers: 200 {@code {version, type, provider_name, provider_url, title, html, width, height,
 * thumbnail_url, thumbnail_width, thumbnail_height}}; 400 for a missing {@code url} or a bad
 * {@code maxwidth} / {@code maxheight}; 404 for another site's address or an unknown id; 410 for
 * an experiment taken down; 501 for a format other than json. Errors are {@code {"error": ...}}.
 */
public final class OEmbed {
    static final String PROVIDER_NAME = "Backprop Playground";
    /** The iframe's size when the consumer sets no maximum. */
    static final int DEFAULT_WIDTH = EmbedSnippet.DEFAULT_WIDTH;
    static final int DEFAULT_HEIGHT = EmbedSnippet.DEFAULT_HEIGHT;
    /** Below these the embed's layout does not fit (the share dialog has the same minimums). */
    static final int MIN_WIDTH = EmbedSnippet.MIN_WIDTH;
    static final int MIN_HEIGHT = EmbedSnippet.MIN_HEIGHT;
    /** Larger maximums are allowed but change nothing; beyond this a number is surely a mistake. */
    static final int MAX_DIMENSION = 100_000;

    private final ExperimentService service;
    private final PublicUrls urls;

    OEmbed(ExperimentService service, PublicUrls urls) {
        this.service = service;
        this.urls = urls;
    }

    void answer(Context ctx) {
        // Public data, read by browser-side consumers too.
        ctx.header("Access-Control-Allow-Origin", "*");
        String format = ctx.queryParam("format");
        if (format != null && !format.isEmpty() && !format.equals("json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "format: \"" + Problem.shorten(format) + "\" is not supported; allowed: json");
            ctx.status(501).json(body);
            return;
        }
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) {
            throw ApiError.badRequest("url: missing; allowed: the address of an experiment on this site, e.g. "
                    + urls.base(ctx) + "/e/<id>");
        }
        int width = Math.min(DEFAULT_WIDTH, dimension(ctx, "maxwidth", MIN_WIDTH));
        int height = Math.min(DEFAULT_HEIGHT, dimension(ctx, "maxheight", MIN_HEIGHT));
        String base = urls.base(ctx);
        String id = experimentId(url, base);
        if (id == null) {
            throw ApiError.notFound("url: \"" + Problem.shorten(url) + "\" is not an experiment on this site; allowed: "
                    + base + "/e/<id> or " + base + "/embed/<id>");
        }
        Experiment e = service.find(id); // 404 unknown, 410 taken down
        ctx.json(response(e, base, width, height));
    }

    /** The oEmbed object, fields in the order of the oEmbed specification. */
    static Map<String, Object> response(Experiment e, String base, int width, int height) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "1.0");
        json.put("type", "rich");
        json.put("provider_name", PROVIDER_NAME);
        json.put("provider_url", new Links(base).home());
        json.put("title", e.title());
        Links links = new Links(base);
        json.put("html", EmbedSnippet.iframe(links.embed(e.id(), null), width, height, e.title()));
        json.put("width", width);
        json.put("height", height);
        json.put("thumbnail_url", links.preview(e.id()));
        json.put("thumbnail_width", PreviewRenderer.SIZE);
        json.put("thumbnail_height", PreviewRenderer.SIZE);
        return json;
    }

    /**
     * {@code maxwidth} / {@code maxheight}: absent means no limit ({@link Integer#MAX_VALUE}).
     *
     * @throws ApiError 400 naming the parameter, the value and the allowed range
     */
    private static int dimension(Context ctx, String name, int min) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return Integer.MAX_VALUE;
        }
        String allowed = "; allowed: an integer from " + min + " to " + MAX_DIMENSION + " (pixels)";
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + ": \"" + Problem.shorten(text) + "\" is not an integer" + allowed);
        }
        if (value < min || value > MAX_DIMENSION) {
            throw ApiError.badRequest(name + ": " + value + " is out of range" + allowed);
        }
        return value;
    }

    /**
     * The id in {@code url} when it is {@code base/e/{id}} or {@code base/embed/{id}} (http or
     * https; same host, port and path as the base; any query or fragment), else null. The id is
     * not checked here: {@link ExperimentService#find} answers 404 for a malformed one.
     */
    static String experimentId(String url, String base) {
        URI page;
        URI home;
        try {
            page = new URI(url.strip());
            home = new URI(base);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = page.getScheme() == null ? "" : page.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || page.getHost() == null
                || page.getRawUserInfo() != null || page.getRawPath() == null) {
            return null;
        }
        if (!page.getHost().equalsIgnoreCase(home.getHost()) || explicitPort(page) != explicitPort(home)) {
            return null;
        }
        String homePath = home.getRawPath() == null ? "" : home.getRawPath();
        String path = page.getRawPath();
        if (!path.startsWith(homePath + "/")) {
            return null;
        }
        String rest = path.substring(homePath.length());
        for (String prefix : new String[] {Links.EXPERIMENT_PATH, Links.EMBED_PATH}) {
            if (rest.startsWith(prefix)) {
                String id = rest.substring(prefix.length());
                if (id.endsWith("/")) {
                    id = id.substring(0, id.length() - 1);
                }
                return id.isEmpty() || id.contains("/") ? null : id;
            }
        }
        return null;
    }

    /** The port as written, with each scheme's default port counted as none (-1). */
    private static int explicitPort(URI uri) {
        int port = uri.getPort();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            return -1;
        }
        return port;
    }
}
