package backprop.server.http;

import backprop.engine.spec.Spec;
import backprop.server.Main;
import backprop.server.challenges.AttemptVerifier;
import backprop.server.challenges.ChallengeService;
import backprop.server.experiments.ExperimentCache;
import backprop.server.experiments.ExperimentService;
import backprop.server.pages.PlaygroundView;
import backprop.server.store.ChallengeStore;
import backprop.server.store.ExperimentStore;
import backprop.server.store.Storage;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/** Builds the configured web application from its dependencies; {@link Main} starts it. */
public final class App {
    /**
     * Only our own scripts (no inline script, no other origin), plus compiling our WebAssembly;
     * no framing outside /embed. 'unsafe-eval' is there because TeaVM's WebAssembly GC runtime
     * builds its JavaScript import glue (and each {@code @JSBody}) with {@code new Function};
     * no page code evaluates text that comes from a user. Workers from our scripts, or from a
     * {@code blob:} that imports one: the training worker's way into a sandboxed embed.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; "
                    + "style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; "
                    + "object-src 'none'; "
                    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** The same for {@code /embed} and {@code /embed/...}: any site may frame those. */
    static final String EMBED_CONTENT_SECURITY_POLICY =
            CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *");

    /**
     * How long a stop (SIGTERM) waits for the requests under way, a save whose body is still
     * arriving included; orchestrators commonly wait 30 s before SIGKILL, so 20 s leaves room to
     * commit the queued saves and close the storage.
     */
    public static final long DRAIN_MILLIS = 20_000;

    private App() {}

    /** With {@link ServerConfig#defaults()}. */
    public static Javalin create(Storage storage) {
        return create(storage, ServerConfig.defaults());
    }

    /** Without an access log. */
    public static Javalin create(Storage storage, ServerConfig serverConfig) {
        return create(storage, serverConfig, ServerLimits.defaults(), null, System::nanoTime);
    }

    /** With limits on slow clients other than {@link ServerLimits#defaults()} (tests use short ones). */
    public static Javalin create(Storage storage, ServerConfig serverConfig, ServerLimits limits) {
        return create(storage, serverConfig, limits, null, System::nanoTime);
    }

    /** As the server runs: with its access log ({@code null}: none). */
    public static Javalin create(Storage storage, ServerConfig serverConfig, ServerLimits limits, AccessLog accessLog) {
        return create(storage, serverConfig, limits, accessLog, System::nanoTime);
    }

    /** With the clock that ages the read cache's entries ({@link ExperimentCache}); tests pass their own. */
    static Javalin create(Storage storage, ServerConfig serverConfig, LongSupplier cacheClock) {
        return create(storage, serverConfig, ServerLimits.defaults(), null, cacheClock);
    }

    private static Javalin create(
            Storage storage,
            ServerConfig serverConfig,
            ServerLimits limits,
            AccessLog accessLog,
            LongSupplier cacheClock) {
        ExperimentCache cache = new ExperimentCache(
                ExperimentService.READ_CACHE_BYTES,
                ExperimentService.READ_CACHE_LIFETIME_NANOS,
                ExperimentService.READ_CACHE_STALE_NANOS,
                cacheClock);
        ExperimentService experiments =
                new ExperimentService(new ExperimentStore(storage), cache, System::currentTimeMillis);
        ChallengeService challenges = new ChallengeService(
                new ChallengeStore(storage), AttemptVerifier.standard(), System::currentTimeMillis);
        Metrics metrics = new Metrics(storage, cache, serverConfig);
        List<RequestObserver.Listener> observers = accessLog == null || accessLog.format() == AccessLog.Format.OFF
                ? List.of(metrics)
                : List.of(metrics, accessLog);
        TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
        PublicUrls urls = new PublicUrls(serverConfig);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 2L * 1024 * 1024;
            limits.applyTo(config.jetty, serverConfig.clientIpHeader());
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.jetty.modifyServer(HeadAsGet::install);
            config.jetty.modifyServer(server -> server.setStopTimeout(DRAIN_MILLIS));
            config.jetty.modifyServer(server -> RequestObserver.install(server, observers)); // last: outermost
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/public/static";
                files.location = Location.CLASSPATH;
                // CORS for sandboxed embeds; no Cache-Control here: StaticCaching sets it per file.
                files.headers = new HashMap<>(CrossOrigin.ASSET_HEADERS);
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/client";
                files.directory = "/public/client";
                files.location = Location.CLASSPATH;
                files.mimeTypes.add("application/wasm", "wasm");
                files.headers = CrossOrigin.ASSET_HEADERS;
            });
            config.routes.before(ctx -> {
                boolean embed = EmbedRoutes.isEmbedPath(ctx.path());
                ctx.header("Content-Security-Policy", embed ? EMBED_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
                if (!embed) {
                    ctx.header("X-Frame-Options", "DENY");
                }
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
                CrossOrigin.allowReadsOfPublicData(ctx);
                ctx.attribute(ROOT_ATTRIBUTE, urls.root(ctx));
            });
            config.routes.before("/api/*", new WriteGuard(serverConfig)::check);
            config.routes.before("/static/*", StaticCaching::apply);
            VersionedAssets.register(config.routes);
            config.routes.get("/", ctx -> {
                // As /e/{id}: framed (the "open in the playground" link of a sandboxed embed, an
                // LMS's pasted link), the page is the embed of the experiment in the fragment.
                ctx.header("Vary", "Sec-Fetch-Dest");
                boolean framed = EmbedRoutes.requestedAsFrame(ctx);
                if (framed) {
                    EmbedRoutes.allowFraming(ctx);
                }
                render(
                        ctx,
                        templates,
                        "playground.jte",
                        Map.of(
                                "view",
                                framed
                                        ? new PlaygroundView(
                                                Spec.DEFAULT_TEXT,
                                                null,
                                                null,
                                                null,
                                                true,
                                                Set.copyOf(PlaygroundView.ALL_PANELS),
                                                urls.base(ctx))
                                        : PlaygroundView.home()));
            });
            GraphPages.register(config, templates, urls);
            ActivationPages.register(config, templates);
            // One service per app: the page, the API, embeds, previews and oEmbed share its read
            // cache, so a take-down here is seen by all of them at once.
            ExperimentRoutes.register(config.routes, experiments, serverConfig, templates);
            EmbedRoutes.register(config.routes, experiments, serverConfig, templates);
            ExportRoutes.register(config.routes, experiments);
            ChallengeRoutes.register(config.routes, challenges, serverConfig, templates);
            config.routes.get("/bench", ctx -> render(ctx, templates, "bench.jte", Map.of()));
            config.routes.get("/favicon.ico", ctx -> ctx.redirect("/static/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
            config.routes.get("/metrics", metrics::scrape);
            config.routes.get("/healthz", ctx -> {
                boolean ok = storage.healthy();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", ok ? "ok" : "unavailable");
                body.put("storage", storage.kind());
                ctx.status(ok ? 200 : 503).json(body);
            });
            ErrorAnswers.register(config.routes, templates);
        });
    }

    /** The request's {@link PublicUrls#root}, for every template's {@code root} parameter. */
    static final String ROOT_ATTRIBUTE = "backprop.root";

    /** Renders a template with the request's {@code root} (the public path prefix) added to its model. */
    static void render(Context ctx, TemplateEngine templates, String name, Map<String, Object> model) {
        StringOutput out = new StringOutput();
        Map<String, Object> withRoot = new HashMap<>(model);
        String root = ctx.attribute(ROOT_ATTRIBUTE);
        withRoot.putIfAbsent("root", root == null ? "" : root);
        templates.render(name, withRoot, out);
        ctx.attribute(ErrorAnswers.ANSWERED, true);
        ctx.html(out.toString());
    }

    /** The page as UTF-8 bytes, to keep ({@link ExperimentCache}) and send as they are; the model names its {@code root}. */
    static byte[] renderBytes(TemplateEngine templates, String name, Map<String, Object> model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        templates.render(name, model, out);
        return out.toByteArray();
    }
}
