package backprop.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of saved experiments; {@link ExperimentService} does the work.
 * <ul>
 *   <li>{@code POST /api/experiments} {@code {spec, title, description?, snapshot?}} &rarr; 201
 *       {@code {id, url}} (200 when the same content was saved before);</li>
 *   <li>{@code GET /api/experiments/{id}} &rarr; {@code {id, url, spec, title, description,
 *       snapshot, epoch, createdAt}};</li>
 *   <li>{@code DELETE /api/experiments/{id}} with {@code Authorization: Bearer <admin token>}
 *       &rarr; 204;</li>
 *   <li>{@code GET /e/{id}}: the playground loaded with it, or a 404 / 410 page.</li>
 * </ul>
 * API errors are JSON ({@link ApiError}).
 */
public final class ExperimentRoutes {
    public static final long MAX_BODY_BYTES = 2L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ExperimentService service;
    private final ServerConfig config;
    private final RateLimiter saveLimiter;
    private final TemplateEngine templates;

    private ExperimentRoutes(ExperimentService service, ServerConfig config, RateLimiter saveLimiter,
                             TemplateEngine templates) {
        this.service = service;
        this.config = config;
        this.saveLimiter = saveLimiter;
        this.templates = templates;
    }

    /** Adds the routes above, and the mapping of {@link ApiError} to its JSON answer. */
    public static void register(RoutesConfig routes, ExperimentService service, ServerConfig config, TemplateEngine templates) {
        ExperimentRoutes r = new ExperimentRoutes(service, config,
                new RateLimiter(config.saveLimitPerMinute(), System::nanoTime), templates);
        routes.post("/api/experiments", r::save);
        routes.get("/api/experiments/{id}", r::read);
        routes.delete("/api/experiments/{id}", r::takeDown);
        routes.get("/e/{id}", r::page);
        routes.exception(ApiError.class, (e, ctx) -> e.writeTo(ctx));
    }

    private void save(Context ctx) {
        long wait = saveLimiter.tryAcquire(clientAddress(ctx));
        if (wait > 0) {
            throw ApiError.tooManyRequests("too many saves from your address: at most " + config.saveLimitPerMinute()
                    + " a minute; try again in " + wait + " s", wait);
        }
        ExperimentService.Saved saved = service.save(readSaveRequest(readBody(ctx)));
        String id = saved.experiment().id();
        if (saved.created()) {
            ctx.status(201).header("Location", "/api/experiments/" + id);
        } else {
            ctx.status(200);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("url", pageUrl(ctx, id));
        ctx.json(body);
    }

    /**
     * The saved JSON, made once per cache entry and base address. A saved experiment never
     * changes, so the answer may be cached for long; {@link #API_CACHE_CONTROL} bounds how long a
     * take-down takes to reach caches. A client holding the current ETag gets a 304.
     */
    private void read(Context ctx) {
        ExperimentCache.Entry entry = service.findCached(ctx.pathParam("id"));
        String base = baseUrl(ctx);
        String etag = etag(entry.experiment().id(), base);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", API_CACHE_CONTROL);
        if (matches(ctx.header("If-None-Match"), etag)) {
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
            throw new java.io.UncheckedIOException("the client went away", e);
        }
    }

    /**
     * For a year of caching clients would keep showing a taken-down experiment for a year; an
     * hour bounds that, and {@code immutable} spares revalidation within it (the ETag serves
     * revalidation after).
     */
    static final String API_CACHE_CONTROL = "public, max-age=3600, immutable";

    /**
     * The entity tag: the id is derived from the content, and the base address is the one other
     * thing the answer holds ({@code url}). Weak, because the bytes on the wire may be gzipped or not.
     */
    static String etag(String id, String base) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(base.getBytes(StandardCharsets.UTF_8));
        return "W/\"" + id + "-" + Long.toHexString(crc.getValue()) + "\"";
    }

    /** True when an {@code If-None-Match} value names this tag (weak comparison, RFC 9110 13.1.2) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] apiJson(Experiment e, String base) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", e.id());
        body.put("url", base + "/e/" + e.id());
        body.put("spec", e.spec());
        body.put("title", e.title());
        body.put("description", e.description());
        body.put("snapshot", e.snapshot() == null ? null : Base64.getEncoder().encodeToString(e.snapshot()));
        body.put("epoch", ExperimentService.epochOf(e));
        body.put("createdAt", Instant.ofEpochMilli(e.createdAt()).toString());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("strings and numbers always serialize", impossible);
        }
    }

    private void takeDown(Context ctx) {
        if (config.adminToken() == null) {
            throw ApiError.forbidden("taking experiments down is disabled: the server was started without BACKPROP_ADMIN_TOKEN");
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized("taking an experiment down needs the header Authorization: Bearer <admin token>");
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, config.adminToken().getBytes(StandardCharsets.UTF_8))) {
            throw ApiError.forbidden("wrong admin token");
        }
        service.takeDown(ctx.pathParam("id"));
        ctx.status(204);
    }

    private void page(Context ctx) {
        ExperimentCache.Entry entry;
        try {
            entry = service.findCached(ctx.pathParam("id"));
        } catch (ApiError error) {
            StatusPage page = error.status() == 410
                    ? new StatusPage(410, "Experiment taken down",
                            "This experiment was taken down by the site's operator and is no longer available.")
                    : new StatusPage(404, "Experiment not found",
                            "No saved experiment has this address. Check the link, or start a new experiment.");
            ctx.status(page.status());
            App.render(ctx, templates, "status-page.jte", Map.of("page", page));
            return;
        }
        Experiment e = entry.experiment();
        String base = baseUrl(ctx);
        byte[] html = entry.answer("page " + base, () -> App.renderBytes(templates, "playground.jte",
                Map.of("view", new PlaygroundView(e.spec(), e.id(), e.title(), e.description(), false,
                        java.util.Set.copyOf(PlaygroundView.ALL_PANELS), base))));
        send(ctx, "text/html", html);
    }

    /**
     * The body, at most {@link #MAX_BODY_BYTES}: 413 beyond, whether or not a length was declared.
     * An oversized body is read to its end (discarded, up to {@link #MAX_DRAINED_BYTES}) before the
     * answer goes out: a server that answers and closes while the client is still sending makes the
     * client's socket reset, and the client never sees the 413, only a broken connection.
     */
    private static byte[] readBody(Context ctx) {
        String tooLarge = "the request body is larger than " + MAX_BODY_BYTES + " bytes";
        long declared = ctx.contentLength();
        try {
            InputStream in = ctx.req().getInputStream();
            if (declared > MAX_BODY_BYTES) {
                drainOversized(ctx, in, declared);
                throw ApiError.tooLarge(tooLarge);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(
                    declared > 0 ? (int) declared : 8192);
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) != -1; ) {
                body.write(buffer, 0, read);
                if (body.size() > MAX_BODY_BYTES) {
                    drainOversized(ctx, in, -1);
                    throw ApiError.tooLarge(tooLarge);
                }
            }
            return body.toByteArray();
        } catch (IOException e) {
            throw ApiError.badRequest("the request body could not be read");
        }
    }

    /** Oversized bodies are read and discarded up to this many bytes; beyond, the connection is cut. */
    static final long MAX_DRAINED_BYTES = 16L * 1024 * 1024;

    private static void drainOversized(Context ctx, InputStream in, long declared) throws IOException {
        ctx.header("Connection", "close");
        if (declared > MAX_DRAINED_BYTES) {
            return;
        }
        byte[] buffer = new byte[8192];
        long drained = 0;
        for (int read; drained <= MAX_DRAINED_BYTES && (read = in.read(buffer)) != -1; ) {
            drained += read;
        }
    }

    /** The JSON object's fields; unknown fields and wrong types become problems. */
    static SaveRequest readSaveRequest(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("the body could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object {\"spec\": ..., \"title\": ..., "
                    + "\"description\": ... (optional), \"snapshot\": ... (optional)}");
        }
        List<Problem> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SaveRequest.FIELDS.contains(name)) {
                problems.add(Problem.shown(name, root.get(name).toString(),
                        "only the fields spec, title, description (optional) and snapshot (optional)"));
            }
        }
        return new SaveRequest(text(root, "spec", false, problems), text(root, "title", false, problems),
                text(root, "description", true, problems), text(root, "snapshot", true, problems), problems);
    }

    private static String text(JsonNode root, String field, boolean optional, List<Problem> problems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(Problem.shown(field, node.toString(), optional ? "a string or null" : "a string"));
            return null;
        }
        return node.textValue();
    }

    /** The client's address: the peer's, or the last entry of the trusted proxy's header when one is configured. */
    private String clientAddress(Context ctx) {
        if (config.clientIpHeader() != null) {
            String forwarded = ctx.header(config.clientIpHeader());
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        return ctx.ip();
    }

    /** The absolute address of the experiment's page: on BACKPROP_PUBLIC_URL, else on the request's own. */
    private String pageUrl(Context ctx, String id) {
        return baseUrl(ctx) + "/e/" + id;
    }

    private String baseUrl(Context ctx) {
        return baseUrl(ctx, config);
    }

    /** BACKPROP_PUBLIC_URL when set, else the request's scheme and host (no trailing slash). */
    static String baseUrl(Context ctx, ServerConfig config) {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String host = ctx.host();
        if (host == null || host.isBlank()) {
            host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
        }
        return ctx.scheme() + "://" + host;
    }
}
