package backprop.server.http;

import backprop.server.pages.GraphView;

import gg.jte.TemplateEngine;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The backprop explorer: {@code GET /graph} and, without site chrome and framable,
 * {@code GET /graph/embed}. State is the query: {@code ?expr=...&x=-2&y=5} (see
 * {@link backprop.engine.graph.GraphQuery}).
 */
public final class GraphPages {
    private GraphPages() {
    }

    static void register(JavalinConfig config, TemplateEngine templates) {
        config.routes.get("/graph", ctx -> render(ctx, templates, false));
        config.routes.get("/graph/embed", ctx -> {
            allowFraming(ctx);
            render(ctx, templates, true);
        });
    }

    private static void render(Context ctx, TemplateEngine templates, boolean embed) {
        App.render(ctx, templates, "graph.jte", Map.of("view", GraphView.of(ctx.queryString(), embed)));
    }

    /** Embeds are meant for other sites' pages: any ancestor may frame them. */
    private static void allowFraming(Context ctx) {
        ctx.header("Content-Security-Policy", App.CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *"));
        ctx.res().setHeader("X-Frame-Options", null);
    }
}
