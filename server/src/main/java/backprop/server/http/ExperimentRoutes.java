package backprop.server.http;

import backprop.server.experiments.ExperimentCache;
import backprop.server.experiments.ExperimentService;
import backprop.server.pages.PlaygroundView;
import backprop.server.pages.StatusPage;
import backprop.server.problems.ApiError;
import backprop.server.store.Experiment;
import backprop.ui.text.Links;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP side of saved experiments; {@link ExperimentService} does the work.
 * <ul>
 *   <li>{@code POST /api/experiments} {@code {spec, title, description?, snapshot?, dataset?}} &rarr; 201
 *       {@code {id, url}} (200 when the same content was saved before);</li>
 *   <li>{@code GET /api/experiments/{id}} &rarr; {@code {id, url, spec, title, description,
 *       snapshot, epoch, createdAt}}, and {@code dataset} (CSV text) for imported points;</li>
 *   <li>{@code DELETE /api/experiments/{id}} with {@code Authorization: Bearer <admin token>}
 *       &rarr; 204;</li>
 *   <li>{@code GET /e/{id}}: the playground loaded with it, or a 404 / 410 page.</li>
 * </ul>
 * API errors are JSON ({@link ApiError}, mapped in {@link App}).
 */
public final class ExperimentRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentService service;
    private final ServerConfig config;
    private final RateLimiter saveLimiter;
    private final TemplateEngine templates;
    private final PublicUrls urls;
    private final AdminAuth admin;

    private ExperimentRoutes(
            ExperimentService service, ServerConfig config, RateLimiter saveLimiter, TemplateEngine templates) {
        this.service = service;
        this.config = config;
        this.saveLimiter = saveLimiter;
        this.templates = templates;
        this.urls = new PublicUrls(config);
        this.admin = new AdminAuth(config.adminToken());
    }

    /** Adds the routes above. */
    public static void register(
            RoutesConfig routes, ExperimentService service, ServerConfig config, TemplateEngine templates) {
        ExperimentRoutes r = new ExperimentRoutes(
                service, config, new RateLimiter(config.saveLimitPerMinute(), System::nanoTime), templates);
        routes.post("/api/experiments", r::save);
        routes.get("/api/experiments/{id}", r::read);
        routes.delete("/api/experiments/{id}", r::takeDown);
        routes.get("/e/{id}", r::page);
    }

    private void save(Context ctx) {
        long wait = saveLimiter.tryAcquire(clientAddress(ctx));
        if (wait > 0) {
            throw ApiError.tooManyRequests(
                    "too many saves from your address: at most " + config.saveLimitPerMinute()
                            + " a minute; try again in " + wait + " s",
                    wait);
        }
        ExperimentService.Saved saved = service.save(SaveRequestReader.read(RequestBodies.read(ctx)));
        String id = saved.experiment().id();
        if (saved.created()) {
            ctx.status(201).header("Location", "/api/experiments/" + id);
        } else {
            ctx.status(200);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("url", urls.links(ctx).experimentPage(id));
        ctx.json(body);
    }

    /**
     * The saved JSON, made once per cache entry and base address. A saved experiment never
     * changes, so the answer may be cached for long; {@link #API_CACHE_CONTROL} bounds how long a
     * take-down takes to reach caches. A client holding the current ETag gets a 304.
     */
    private void read(Context ctx) {
        ExperimentCache.Entry entry = service.findCached(ctx.pathParam("id"));
        String base = urls.base(ctx);
        String etag = EntityTags.of(entry.experiment().id(), base);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", API_CACHE_CONTROL);
        if (EntityTags.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        byte[] json = entry.answer("api " + base, () -> apiJson(entry.experiment(), base));
        send(ctx, "application/json", json);
    }

    /**
     * Writes kept bytes straight to the response stream (gzipped when the client asks, as any
     * answer). Javalin's {@code result(bytes)} would copy them through a fresh 32 KB buffer per
     * request: about 15% of the server threads' CPU samples on cached reads (JFR).
     */
    private static void send(Context ctx, String contentType, byte[] body) {
        ctx.contentType(contentType);
        try {
            ctx.outputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }

    /**
     * For a year of caching clients would keep showing a taken-down experiment for a year; an
     * hour bounds that, and {@code immutable} spares revalidation within it (the ETag serves
     * revalidation after).
     */
    static final String API_CACHE_CONTROL = "public, max-age=3600, immutable";

    private static byte[] apiJson(Experiment e, String base) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", e.id());
        body.put("url", new Links(base).experimentPage(e.id()));
        body.put("spec", e.spec());
        body.put("title", e.title());
        body.put("description", e.description());
        body.put("snapshot", e.snapshot() == null ? null : Base64.getEncoder().encodeToString(e.snapshot()));
        body.put("epoch", ExperimentService.epochOf(e));
        body.put("createdAt", Instant.ofEpochMilli(e.createdAt()).toString());
        if (e.dataset() != null) {
            body.put("dataset", e.dataset()); // only when present: answers without points stay as they were
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("strings and numbers always serialize", impossible);
        }
    }

    private void takeDown(Context ctx) {
        admin.requireForTakeDown(ctx);
        service.takeDown(ctx.pathParam("id"));
        ctx.status(204);
    }

    /**
     * The experiment's page; requested as a frame ({@code Sec-Fetch-Dest: iframe}: an LMS that
     * frames a pasted link, as Canvas's "External URL" and Moodle's URL resource do), its embed
     * with every panel instead of a refused frame. Both are cached per base address and kind, and
     * say {@code Vary: Sec-Fetch-Dest} so that no cache hands one to the other.
     */
    private void page(Context ctx) {
        ctx.header("Vary", "Sec-Fetch-Dest");
        boolean framed = EmbedRoutes.requestedAsFrame(ctx);
        if (framed) {
            EmbedRoutes.allowFraming(ctx);
        }
        ExperimentCache.Entry entry;
        try {
            entry = service.findCached(ctx.pathParam("id"));
        } catch (ApiError error) {
            StatusPage page = error.status() == 410
                    ? new StatusPage(
                            410,
                            "Experiment taken down",
                            "This experiment was taken down by the site's operator and is no longer available.")
                    : new StatusPage(
                            404,
                            "Experiment not found",
                            "No saved experiment has this address. Check the link, or start a new experiment.");
            ctx.status(page.status());
            App.render(ctx, templates, framed ? "embed-status.jte" : "status-page.jte", Map.of("page", page));
            return;
        }
        Experiment e = entry.experiment();
        String base = urls.base(ctx);
        String root = urls.root(ctx);
        byte[] html = entry.answer(
                (framed ? "framed page " : "page ") + base,
                () -> App.renderBytes(
                        templates,
                        "playground.jte",
                        Map.of(
                                "view",
                                new PlaygroundView(
                                        e.spec(),
                                        e.id(),
                                        e.title(),
                                        e.description(),
                                        framed,
                                        Set.copyOf(PlaygroundView.ALL_PANELS),
                                        base),
                                "root",
                                root)));
        send(ctx, "text/html", html);
    }

    /** The client's address: the peer's, or the last entry of the trusted proxy's header when one is configured. */
    private String clientAddress(Context ctx) {
        return ClientAddress.of(config.clientIpHeader() == null ? null : ctx.header(config.clientIpHeader()), ctx.ip());
    }
}
