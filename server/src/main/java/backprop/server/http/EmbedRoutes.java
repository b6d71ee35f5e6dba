package backprop.server.http;

import backprop.engine.spec.Spec;
import backprop.server.experiments.ExperimentService;
import backprop.server.pages.PlaygroundView;
import backprop.server.pages.StatusPage;
import backprop.server.preview.PreviewCache;
import backprop.server.preview.PreviewRenderer;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import backprop.server.store.Experiment;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Embedding in other sites (issue 7):
 * <ul>
 *   <li>{@code GET /embed/{id}}: the saved experiment without site chrome; a small 404 / 410
 *       page that fits in the frame when there is none;</li>
 *   <li>{@code GET /embed}: the same for the default experiment (the client reads the fragment);</li>
 *   <li>{@code GET /api/experiments/{id}/preview.png}: the {@link PreviewRenderer} image, cached;</li>
 *   <li>{@code GET /oembed}: see {@link OEmbed}.</li>
 * </ul>
 * Both embed pages take {@code ?show=} (a comma list of {@link PlaygroundView#ALL_PANELS}; empty
 * or absent: all; anything else: a 400 page naming the allowed panels). {@code autoplay} and
 * {@code epochs} are the client's. Framing by any site is allowed for these paths in
 * {@link App}'s headers ({@link #isEmbedPath}).
 */
public final class EmbedRoutes {
    /** Previews kept per instance (about 10-40 KB each). */
    static final int PREVIEW_CACHE_ENTRIES = 256;

    static final String PREVIEW_CACHE_CONTROL = "public, max-age=86400";

    private final ExperimentService service;
    private final PublicUrls urls;
    private final TemplateEngine templates;
    private final PreviewCache previews = new PreviewCache(PREVIEW_CACHE_ENTRIES);

    private EmbedRoutes(ExperimentService service, ServerConfig config, TemplateEngine templates) {
        this.service = service;
        this.urls = new PublicUrls(config);
        this.templates = templates;
    }

    /** Adds the routes above. API errors are written by the {@link ApiError} mapping in {@link App}. */
    public static void register(
            RoutesConfig routes, ExperimentService service, ServerConfig config, TemplateEngine templates) {
        EmbedRoutes r = new EmbedRoutes(service, config, templates);
        routes.get("/embed", r::embedDefault);
        routes.get("/embed/{id}", r::embedSaved);
        routes.get("/api/experiments/{id}/preview.png", r::preview);
        OEmbed oembed = new OEmbed(service, r.urls);
        routes.get("/oembed", oembed::answer);
        routes.get(HOST_SCRIPT_PATH, EmbedRoutes::hostScript);
    }

    /**
     * The auto-height script course pages include ({@code <script src=".../static/embed.js">}): a
     * stable address with a short cache lifetime, so a fix reaches every page that pasted it
     * within minutes, whatever long-lived names the other assets get.
     */
    static final String HOST_SCRIPT_PATH = "/static/embed.js";

    static final String HOST_SCRIPT_CACHE_CONTROL = "public, max-age=300";
    private static final byte[] HOST_SCRIPT = readResource("/public/static/js/embed.js");

    private static void hostScript(Context ctx) {
        ctx.header("Cache-Control", HOST_SCRIPT_CACHE_CONTROL);
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.contentType("text/javascript; charset=utf-8").result(HOST_SCRIPT);
    }

    private static byte[] readResource(String name) {
        try (var in = EmbedRoutes.class.getResourceAsStream(name)) {
            return in == null
                    ? "/* embed.js is missing from this build */".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** True for {@code /embed} and everything under {@code /embed/}: the pages any site may frame. */
    public static boolean isEmbedPath(String path) {
        return path.equals("/embed") || path.startsWith("/embed/");
    }

    private void embedDefault(Context ctx) {
        Set<String> panels = panelsOrErrorPage(ctx);
        if (panels != null) {
            render(ctx, new PlaygroundView(Spec.DEFAULT_TEXT, null, null, null, true, panels, urls.base(ctx)));
        }
    }

    private void embedSaved(Context ctx) {
        Set<String> panels = panelsOrErrorPage(ctx);
        if (panels == null) {
            return;
        }
        Experiment e;
        try {
            e = service.find(ctx.pathParam("id"));
        } catch (ApiError error) {
            statusPage(
                    ctx,
                    error.status() == 410
                            ? new StatusPage(
                                    410,
                                    "Experiment taken down",
                                    "This experiment was taken down by the site's operator and is no longer available.")
                            : new StatusPage(
                                    404,
                                    "Experiment not found",
                                    "No saved experiment has this address. Check the link in the embed code."));
            return;
        }
        render(ctx, new PlaygroundView(e.spec(), e.id(), e.title(), e.description(), true, panels, urls.base(ctx)));
    }

    /** The preview, {@code ?size=} pixels square ({@link PreviewRenderer#MIN_SIZE} to {@link PreviewRenderer#SIZE}, default the largest). */
    private void preview(Context ctx) {
        int size = previewSize(ctx.queryParam("size"));
        Experiment e = service.find(ctx.pathParam("id")); // 404 / 410 as JSON
        byte[] png = previews.get(
                size == PreviewRenderer.SIZE ? e.id() : e.id() + "@" + size, id -> PreviewRenderer.render(e, size));
        ctx.header("Cache-Control", PREVIEW_CACHE_CONTROL);
        ctx.contentType("image/png").result(png);
    }

    private static int previewSize(String text) {
        if (text == null || text.isEmpty()) {
            return PreviewRenderer.SIZE;
        }
        String allowed =
                "; allowed: an integer from " + PreviewRenderer.MIN_SIZE + " to " + PreviewRenderer.SIZE + " (pixels)";
        try {
            int size = Integer.parseInt(text);
            if (size < PreviewRenderer.MIN_SIZE || size > PreviewRenderer.SIZE) {
                throw ApiError.badRequest("size: " + size + " is out of range" + allowed);
            }
            return size;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("size: \"" + Problem.shorten(text) + "\" is not an integer" + allowed);
        }
    }

    /**
     * True when the browser asks for the page to show in a frame ({@code Sec-Fetch-Dest: iframe}
     * or {@code frame}; browsers send it to https and loopback addresses).
     */
    static boolean requestedAsFrame(Context ctx) {
        String dest = ctx.header("Sec-Fetch-Dest");
        return "iframe".equals(dest) || "frame".equals(dest);
    }

    /** Embeds are meant for other sites' pages: any ancestor may frame this answer. */
    static void allowFraming(Context ctx) {
        ctx.header("Content-Security-Policy", App.EMBED_CONTENT_SECURITY_POLICY);
        ctx.res().setHeader("X-Frame-Options", null);
    }

    /** The panels of {@code ?show=}, or null after answering 400 with a page that names the allowed ones. */
    private Set<String> panelsOrErrorPage(Context ctx) {
        try {
            return panels(ctx.queryParams("show"));
        } catch (IllegalArgumentException e) {
            statusPage(ctx, new StatusPage(400, "This embed cannot be shown", e.getMessage()));
            return null;
        }
    }

    /**
     * The panels named by the {@code show} parameters (each a comma list; repeated parameters add
     * up): all of them when there is none or all are empty.
     *
     * @throws IllegalArgumentException naming the value and the allowed panels
     */
    static Set<String> panels(List<String> showValues) {
        Set<String> panels = new LinkedHashSet<>();
        for (String value : showValues) {
            for (String name : value.split(",", -1)) {
                String panel = name.strip();
                if (panel.isEmpty()) {
                    continue;
                }
                if (!PlaygroundView.ALL_PANELS.contains(panel)) {
                    throw new IllegalArgumentException(
                            "show: \"" + Problem.shorten(name) + "\" is not a panel; allowed: "
                                    + "a comma-separated list of " + String.join(", ", PlaygroundView.ALL_PANELS)
                                    + " (empty or absent: all of them)");
                }
                panels.add(panel);
            }
        }
        return panels.isEmpty() ? Set.copyOf(PlaygroundView.ALL_PANELS) : panels;
    }

    private void render(Context ctx, PlaygroundView view) {
        App.render(ctx, templates, "playground.jte", Map.of("view", view));
    }

    private void statusPage(Context ctx, StatusPage page) {
        ctx.status(page.status());
        App.render(ctx, templates, "embed-status.jte", Map.of("page", page));
    }
}
