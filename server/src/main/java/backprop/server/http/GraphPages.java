package backprop.server.http;

import backprop.server.pages.GraphView;
import backprop.server.pages.LoopView;
import backprop.ui.text.Links;
import gg.jte.TemplateEngine;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The backprop explorer: {@code GET /graph} and, without site chrome and framable,
 * {@code GET /graph/embed}. State is the query: {@code ?expr=...&x=-2&y=5} (see
 * {@link backprop.engine.graph.GraphQuery}). {@code GET /graph/loop} is the numpy-loop stepper.
 */
public final class GraphPages {
    private GraphPages() {}

    static void register(JavalinConfig config, TemplateEngine templates, PublicUrls urls) {
        config.routes.get("/graph", ctx -> {
            // Discovery for course platforms: this page, with its expression and inputs, as an oEmbed.
            String base = urls.base(ctx);
            String page = new Links(base).graph(ctx.queryString());
            App.render(
                    ctx,
                    templates,
                    "graph.jte",
                    Map.of("view", GraphView.of(ctx.queryString(), false), "oembedUrl", new Links(base).oembed(page)));
        });
        // The lecture's numpy loop, line by line; ?seed=N picks the matrices (a bad seed shows seed 1 and the problem).
        config.routes.get(
                "/graph/loop",
                ctx -> App.render(ctx, templates, "loop.jte", Map.of("view", LoopView.of(ctx.queryParam("seed")))));
        config.routes.get("/graph/embed", ctx -> {
            EmbedRoutes.allowFraming(ctx);
            render(ctx, templates, true);
        });
    }

    private static void render(Context ctx, TemplateEngine templates, boolean embed) {
        App.render(ctx, templates, "graph.jte", Map.of("view", GraphView.of(ctx.queryString(), embed)));
    }
}
