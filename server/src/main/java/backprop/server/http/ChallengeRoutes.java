package backprop.server.http;

import backprop.engine.data.ImportedSpec;
import backprop.server.challenges.ChallengeService;
import backprop.server.challenges.Gallery;
import backprop.server.pages.ChallengeView;
import backprop.server.pages.GalleryItem;
import backprop.server.pages.PlaygroundView;
import backprop.server.pages.StatusPage;
import backprop.server.problems.ApiError;
import backprop.server.store.Attempt;
import backprop.ui.challenge.RulesSummary;
import backprop.ui.text.Links;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP side of challenges ({@link ChallengeService} does the work):
 * <ul>
 *   <li>{@code POST /api/challenges} &rarr; 201 {@code {id, url}} (200 when saved before);</li>
 *   <li>{@code GET /api/challenges/{id}} &rarr; the fields plus {@code id}, {@code url};</li>
 *   <li>{@code POST /api/challenges/{id}/attempts} &rarr; 201 {@code {id, url, meetsGoal, metric,
 *       epoch, fingerprint}}; answers any origin (a sandboxed embed's is {@code null}), with its
 *       CORS preflight;</li>
 *   <li>{@code GET /api/challenges/{id}/attempts/{attemptId}}: the stored attempt, with the
 *       {@code dataset} it trained on when its spec says {@code data=imported};</li>
 *   <li>{@code GET /c/{id}}, {@code GET /embed/c/{id}}: the student page and its embed;
 *       {@code GET /c/{id}/a/{attemptId}}: the attempt's page.</li>
 * </ul>
 */
public final class ChallengeRoutes {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ChallengeService service;
    private final ServerConfig config;
    private final RateLimiter writeLimiter;
    private final TemplateEngine templates;
    private final PublicUrls urls;

    private ChallengeRoutes(ChallengeService service, ServerConfig config, TemplateEngine templates) {
        this.service = service;
        this.config = config;
        this.writeLimiter = new RateLimiter(config.saveLimitPerMinute(), System::nanoTime);
        this.templates = templates;
        this.urls = new PublicUrls(config);
    }

    public static void register(
            RoutesConfig routes, ChallengeService service, ServerConfig config, TemplateEngine templates) {
        ChallengeRoutes r = new ChallengeRoutes(service, config, templates);
        routes.post("/api/challenges", r::create);
        routes.get("/api/challenges/{id}", r::read);
        routes.post("/api/challenges/{id}/attempts", r::submit);
        routes.options("/api/challenges/{id}/attempts", ChallengeRoutes::preflight);
        routes.get("/api/challenges/{id}/attempts/{attemptId}", r::readAttempt);
        routes.get("/c/{id}", ctx -> r.page(ctx, false));
        routes.get("/embed/c/{id}", ctx -> r.page(ctx, true));
        routes.get("/c/{id}/a/{attemptId}", r::attemptPage);
        routes.get("/challenges", r::gallery);
    }

    private void limit(Context ctx) {
        String client = ClientAddress.of(
                config.clientIpHeader() == null ? null : ctx.header(config.clientIpHeader()), ctx.ip());
        long wait = writeLimiter.tryAcquire(client);
        if (wait > 0) {
            throw ApiError.tooManyRequests(
                    "too many challenge writes from your address: at most " + config.saveLimitPerMinute()
                            + " a minute; try again in " + wait + " s",
                    wait);
        }
    }

    private static JsonNode body(Context ctx, String shape) {
        JsonNode node;
        try {
            node = JSON.readTree(RequestBodies.read(ctx));
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(JsonErrors.describe(e));
        } catch (IOException e) {
            throw ApiError.badRequest("the body could not be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object " + shape);
        }
        return node;
    }

    private void create(Context ctx) {
        limit(ctx);
        ChallengeService.Created created = service.create(body(
                ctx,
                "{\"title\", \"instructions\", \"spec\", \"dataset\" (optional), \"locked\": [...],"
                        + " \"constraints\": {...}, \"goal\": {...}}"));
        String id = created.challenge().id();
        ctx.status(created.created() ? 201 : 200);
        if (created.created()) {
            ctx.header("Location", "/api/challenges/" + id);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("url", urls.links(ctx).challengePage(id));
        ctx.json(answer);
    }

    private void read(Context ctx) {
        ChallengeService.Saved saved = service.find(ctx.pathParam("id"));
        String base = urls.base(ctx);
        String etag = EntityTags.of(saved.id(), base);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", ExperimentRoutes.API_CACHE_CONTROL);
        ctx.header("Access-Control-Allow-Origin", "*");
        if (EntityTags.matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", saved.id());
        answer.put("url", new Links(base).challengePage(saved.id()));
        answer.putAll(saved.content().fields());
        answer.put("createdAt", Instant.ofEpochMilli(saved.createdAt()).toString());
        ctx.json(answer);
    }

    /** Attempts come from embeds on any site (and sandboxed ones, origin {@code null}): the server checks them itself. */
    private static void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", "POST");
        ctx.header("Access-Control-Allow-Headers", "Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    private void submit(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        limit(ctx);
        String challengeId = ctx.pathParam("id");
        ChallengeService.Submitted submitted = service.submit(
                challengeId,
                body(
                        ctx,
                        "{\"spec\", \"epoch\", \"dataset\" (optional), \"claim\": {\"value\", \"fingerprint\"}"
                                + " (optional)}"));
        ctx.status(submitted.created() ? 201 : 200);
        ctx.json(attemptJson(submitted.attempt(), urls.links(ctx)));
    }

    private void readAttempt(Context ctx) {
        ChallengeService.Saved challenge = service.find(ctx.pathParam("id"));
        Attempt attempt = service.findAttempt(challenge.id(), ctx.pathParam("attemptId"));
        ctx.header("Cache-Control", ExperimentRoutes.API_CACHE_CONTROL);
        ctx.header("Access-Control-Allow-Origin", "*");
        Map<String, Object> answer = attemptJson(attempt, urls.links(ctx));
        answer.put("spec", attempt.spec());
        if (attempt.dataset() != null) {
            answer.put("dataset", attempt.dataset());
        } else if (ImportedSpec.namesImported(attempt.spec())
                && challenge.content().dataset() != null) {
            answer.put("dataset", challenge.content().dataset()); // the points it trained on: the challenge's
        }
        answer.put("challenge", attempt.challengeId());
        ctx.json(answer);
    }

    private static Map<String, Object> attemptJson(Attempt attempt, Links links) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", attempt.id());
        answer.put("url", links.attemptPage(attempt.challengeId(), attempt.id()));
        answer.put("meetsGoal", attempt.meetsGoal());
        answer.put("metric", attempt.metric());
        answer.put("epoch", attempt.epoch());
        answer.put("fingerprint", attempt.fingerprint());
        return answer;
    }

    private void page(Context ctx, boolean embed) {
        Set<String> panels = Set.copyOf(PlaygroundView.ALL_PANELS);
        if (embed) {
            try {
                panels = EmbedRoutes.panels(ctx.queryParams("show"));
            } catch (IllegalArgumentException e) {
                status(ctx, true, new StatusPage(400, "This embed cannot be shown", e.getMessage()));
                return;
            }
        }
        ChallengeService.Saved saved;
        try {
            saved = service.find(ctx.pathParam("id"));
        } catch (ApiError error) {
            status(ctx, embed, notFound("Challenge not found", "No challenge has this address. Check the link."));
            return;
        }
        render(ctx, saved, null, embed, panels);
    }

    private void attemptPage(Context ctx) {
        ChallengeService.Saved saved;
        Attempt attempt;
        try {
            saved = service.find(ctx.pathParam("id"));
            attempt = service.findAttempt(saved.id(), ctx.pathParam("attemptId"));
        } catch (ApiError error) {
            status(ctx, false, notFound("Attempt not found", "No attempt has this address. Check the link."));
            return;
        }
        render(ctx, saved, attempt, false, Set.copyOf(PlaygroundView.ALL_PANELS));
    }

    /** The built-in challenges ({@link Gallery}). */
    private void gallery(Context ctx) {
        List<GalleryItem> items = new ArrayList<>();
        for (Gallery.Entry entry : Gallery.ENTRIES) {
            items.add(new GalleryItem(
                    entry.id(),
                    entry.content().title(),
                    RulesSummary.goal(entry.content().rules())));
        }
        App.render(ctx, templates, "challenges.jte", Map.of("items", items));
    }

    private static StatusPage notFound(String heading, String message) {
        return new StatusPage(404, heading, message);
    }

    private void render(Context ctx, ChallengeService.Saved saved, Attempt attempt, boolean embed, Set<String> panels) {
        String base = urls.base(ctx);
        String spec = attempt == null ? saved.content().spec() : attempt.spec();
        PlaygroundView view = new PlaygroundView(spec, null, saved.content().title(), null, embed, panels, base);
        ChallengeView challenge = new ChallengeView(
                saved.id(),
                saved.content().title(),
                saved.content().instructions(),
                saved.content().rules(),
                attempt,
                base,
                ImportedSpec.namesImported(spec));
        App.render(ctx, templates, "playground.jte", Map.of("view", view, "challenge", challenge));
    }

    private void status(Context ctx, boolean embed, StatusPage page) {
        ctx.status(page.status());
        App.render(ctx, templates, embed ? "embed-status.jte" : "status-page.jte", Map.of("page", page));
    }
}
