package backprop.server.http;

import backprop.server.experiments.ExperimentService;
import backprop.server.pages.PlaygroundView;
import backprop.server.preview.PreviewRenderer;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import backprop.server.store.Experiment;
import backprop.ui.text.EmbedSnippet;
import backprop.ui.text.Links;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /oembed?url=...&maxwidth=...&maxheight=...&format=json} (oEmbed 1.0, type
 * {@code rich}): a course platform that is given an experiment link gets the iframe that embeds
 * it. {@code url} must be this site's {@code {base}/e/{id}} or {@code {base}/embed/{id}}, or the
 * explorer's {@code {base}/graph} or {@code {base}/graph/embed}, or the activation lab's
 * {@code {base}/activations#<race spec>} or {@code {base}/activations/embed#...}, where base is the
 * {@link PublicUrls} one; the scheme may be http or https, host, port and path must be the base's.
 *
 * <p>The iframe shows the panels of the url's {@code show=} (default {@code output,loss}: what fits
 * a course page's frame) and keeps its {@code autoplay} and {@code epochs}; the explorer's keeps
 * its whole query (the expression and its inputs), the race its fragment (the spec). Its size is 720 x 560 within
 * {@code maxwidth} x {@code maxheight}, but never below the smallest embed (320 x 240); the
 * thumbnail is drawn at the largest square within both limits.
 *
 * <p>Answers: 200 {@code {version, type, provider_name, provider_url, title, html, width, height,
 * thumbnail_url, thumbnail_width, thumbnail_height}} (no thumbnail for the explorer); 400 for a
 * missing {@code url} or a {@code maxwidth} / {@code maxheight} that is not a positive integer;
 * 404 for another site's address or an unknown id; 410 for an experiment taken down; 501 for a
 * format other than json. Errors are {@code {"error": ...}}.
 */
public final class OEmbed {
    static final String PROVIDER_NAME = "Backprop Playground";
    /** The iframe's size when the consumer sets no maximum. */
    static final int DEFAULT_WIDTH = EmbedSnippet.DEFAULT_WIDTH;

    static final int DEFAULT_HEIGHT = EmbedSnippet.DEFAULT_HEIGHT;
    /** Below these the embed's layout does not fit (the share dialog has the same minimums): smaller maximums get these. */
    static final int MIN_WIDTH = EmbedSnippet.MIN_WIDTH;

    static final int MIN_HEIGHT = EmbedSnippet.MIN_HEIGHT;
    /** Larger maximums are allowed but change nothing; beyond this a number is surely a mistake. */
    static final int MAX_DIMENSION = 100_000;
    /** The panels of an oEmbed iframe whose url names none. */
    static final List<String> DEFAULT_PANELS = List.of("output", "loss");

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
        int maxWidth = dimension(ctx, "maxwidth");
        int maxHeight = dimension(ctx, "maxheight");
        int width = Math.max(MIN_WIDTH, Math.min(DEFAULT_WIDTH, maxWidth));
        int height = Math.max(MIN_HEIGHT, Math.min(DEFAULT_HEIGHT, maxHeight));
        int thumbnail =
                Math.max(PreviewRenderer.MIN_SIZE, Math.min(PreviewRenderer.SIZE, Math.min(maxWidth, maxHeight)));
        String base = urls.base(ctx);
        String graphQuery = graphQuery(url, base);
        if (graphQuery != null) {
            ctx.json(pageResponse("Backprop explorer", new Links(base).graphEmbed(graphQuery), base, width, height));
            return;
        }
        String raceSpec = raceFragment(url, base);
        if (raceSpec != null) {
            ctx.json(pageResponse("Activation race", new Links(base).raceEmbed(raceSpec), base, width, height));
            return;
        }
        String id = experimentId(url, base);
        if (id == null) {
            throw ApiError.notFound("url: \"" + Problem.shorten(url) + "\" is not an experiment on this site; allowed: "
                    + base + "/e/<id>, " + base + "/embed/<id> or " + base + "/graph?...");
        }
        Experiment e = service.find(id); // 404 unknown, 410 taken down
        ctx.json(response(e, base, width, height, embedQuery(url), thumbnail));
    }

    /** The oEmbed object, fields in the order of the oEmbed specification. */
    static Map<String, Object> response(
            Experiment e, String base, int width, int height, String embedQuery, int thumbnail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "1.0");
        json.put("type", "rich");
        json.put("provider_name", PROVIDER_NAME);
        json.put("provider_url", new Links(base).home());
        json.put("title", e.title());
        Links links = new Links(base);
        json.put("html", EmbedSnippet.iframe(links.embed(e.id(), embedQuery), width, height, e.title()));
        json.put("width", width);
        json.put("height", height);
        json.put(
                "thumbnail_url",
                thumbnail == PreviewRenderer.SIZE ? links.preview(e.id()) : links.preview(e.id(), thumbnail));
        json.put("thumbnail_width", thumbnail);
        json.put("thumbnail_height", thumbnail);
        return json;
    }

    /** The oEmbed object of a page without a saved experiment (the explorer, the race): its framable form at {@code src}. */
    static Map<String, Object> pageResponse(String title, String src, String base, int width, int height) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "1.0");
        json.put("type", "rich");
        json.put("provider_name", PROVIDER_NAME);
        json.put("provider_url", new Links(base).home());
        json.put("title", title);
        json.put("html", EmbedSnippet.iframe(src, width, height, title));
        json.put("width", width);
        json.put("height", height);
        return json;
    }

    /**
     * The embed query for an experiment url: its {@code show=} panels when they are valid (else
     * {@link #DEFAULT_PANELS}), {@code autoplay=1} and {@code epochs=N} when it has them.
     */
    static String embedQuery(String url) {
        Map<String, List<String>> params = queryParameters(url);
        List<String> panels = DEFAULT_PANELS;
        List<String> show = params.getOrDefault("show", List.of());
        if (!show.isEmpty()) {
            try {
                Set<String> named = EmbedRoutes.panels(show);
                panels = PlaygroundView.ALL_PANELS.stream()
                        .filter(named::contains)
                        .toList();
            } catch (IllegalArgumentException e) {
                panels = DEFAULT_PANELS;
            }
        }
        boolean autoplay = params.getOrDefault("autoplay", List.of()).contains("1");
        int epochs = -1;
        for (String text : params.getOrDefault("epochs", List.of())) {
            try {
                epochs = Math.max(-1, Math.min(EPOCHS_LIMIT, Integer.parseInt(text)));
            } catch (NumberFormatException ignored) {
                // the embed would ignore it too
            }
        }
        return EmbedSnippet.query(panels, autoplay, epochs);
    }

    private static final int EPOCHS_LIMIT = 10_000_000;

    /** The query of an absolute url, decoded, in order. */
    private static Map<String, List<String>> queryParameters(String url) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String raw;
        try {
            raw = new URI(url.strip()).getRawQuery();
        } catch (URISyntaxException e) {
            return params;
        }
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException malformed) {
                // a broken escape: that parameter is not there
            }
        }
        return params;
    }

    /**
     * The fragment (the race's spec, possibly empty) when {@code url} is this site's
     * {@code /activations} or {@code /activations/embed}, else null.
     */
    static String raceFragment(String url, String base) {
        String rest = pathOnSite(url, base);
        if (rest == null || !(rest.equals("/activations") || rest.equals("/activations/embed"))) {
            return null;
        }
        try {
            String fragment = new URI(url.strip()).getRawFragment();
            return fragment == null ? "" : fragment;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The query (possibly empty) when {@code url} is this site's {@code /graph} or
     * {@code /graph/embed}, else null.
     */
    static String graphQuery(String url, String base) {
        String rest = pathOnSite(url, base);
        if (rest == null || !(rest.equals("/graph") || rest.equals("/graph/embed"))) {
            return null;
        }
        try {
            String query = new URI(url.strip()).getRawQuery();
            return query == null ? "" : query;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * {@code maxwidth} / {@code maxheight}: absent means no limit ({@link Integer#MAX_VALUE}).
     *
     * @throws ApiError 400 naming the parameter, the value and the allowed range
     */
    private static int dimension(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return Integer.MAX_VALUE;
        }
        int min = 1;
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
        String rest = pathOnSite(url, base);
        if (rest == null) {
            return null;
        }
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

    /**
     * The raw path of {@code url} after the base's path when it is an address on this site (http
     * or https; same host, port and path prefix as the base; no user info), else null.
     */
    private static String pathOnSite(String url, String base) {
        URI page;
        URI home;
        try {
            page = new URI(url.strip());
            home = new URI(base);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = page.getScheme() == null ? "" : page.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || page.getHost() == null
                || page.getRawUserInfo() != null
                || page.getRawPath() == null) {
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
        return path.substring(homePath.length());
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
