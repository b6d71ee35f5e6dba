package backprop.server.http;

import backprop.server.pages.ActivationsView;
import gg.jte.TemplateEngine;
import io.javalin.config.JavalinConfig;
import java.util.Map;

/**
 * The activation lab: {@code GET /activations}. The cards and forms are rendered here with the
 * lecture's properties of every activation; the client ({@code activations-boot.js}) draws the
 * plots, measures the costs in the browser's runtime and runs the races. {@code GET /activations/embed}
 * is the race alone, without site chrome and framable by any site (its spec in the fragment).
 */
public final class ActivationPages {
    private ActivationPages() {}

    static void register(JavalinConfig config, TemplateEngine templates) {
        ActivationsView view = ActivationsView.create();
        config.routes.get("/activations", ctx -> App.render(ctx, templates, "activations.jte", Map.of("view", view)));
        // The race alone, framable, for course pages; the race's spec is the fragment, as on the lab's page.
        config.routes.get("/activations/embed", ctx -> {
            EmbedRoutes.allowFraming(ctx);
            App.render(ctx, templates, "activations.jte", Map.of("view", view, "embed", true));
        });
    }
}
