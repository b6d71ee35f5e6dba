package backprop.server.http;

import backprop.server.pages.StatusPage;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import backprop.server.store.QuotaExceededException;
import backprop.server.store.StorageUnavailableException;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every error in one shape: JSON {@code {"error": ...}} under {@code /api/} and for the other
 * machine-read addresses ({@link #wantsJson}), our status page elsewhere; never a stack trace or a
 * library's class name. Security headers come from {@link App}'s before-handler as for any answer.
 */
final class ErrorAnswers {
    private ErrorAnswers() {}

    static void register(RoutesConfig routes, TemplateEngine templates) {
        routes.exception(ApiError.class, (e, ctx) -> {
            ctx.attribute(ANSWERED, true);
            e.headers().forEach(ctx::header);
            ctx.status(e.status()).json(e.toJson());
        });
        routes.exception(StorageUnavailableException.class, (e, ctx) -> {
            ctx.header("Retry-After", Integer.toString(StorageUnavailableException.RETRY_AFTER_SECONDS));
            answer(
                    ctx,
                    templates,
                    503,
                    e.getMessage() + "; try again in " + StorageUnavailableException.RETRY_AFTER_SECONDS + " s",
                    "Storage unavailable",
                    "Saved experiments cannot be read or saved right now. Try again in a few seconds.");
        });
        routes.exception(
                QuotaExceededException.class, (e, ctx) -> ctx.status(507).json(Map.of("error", e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            // Never a stack trace to the client; the log keeps it.
            LoggerFactory.getLogger(ErrorAnswers.class).error("unhandled error on " + ctx.path(), e);
            internalError(ctx, templates);
        });
        routes.error(500, ctx -> internalError(ctx, templates)); // also what Javalin made of an Error (OOM)
        routes.error(404, ctx -> {
            // Our own 404s (a page or JSON that already says what was not found) keep their words;
            // an address no route or file answers gets ours, never the library's own.
            if (ctx.attribute(ANSWERED) != null) {
                return;
            }
            if (wantsJson(ctx.path()) || !acceptsHtml(ctx)) {
                ctx.json(Map.of("error", "not found: " + Problem.shorten(ctx.path())));
            } else {
                App.render(
                        ctx,
                        templates,
                        "status-page.jte",
                        Map.of(
                                "page",
                                new StatusPage(
                                        404,
                                        "Page not found",
                                        "Nothing on this site has this address. Check the link, or start from the playground.")));
            }
        });
    }

    /** Set on a request once our own code has written its answer (a page, or an API error). */
    static final String ANSWERED = "backprop.answered";

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** Addresses read by programs: the API, health, metrics, oEmbed. */
    static boolean wantsJson(String path) {
        return path.startsWith("/api/")
                || path.equals("/healthz")
                || path.equals("/metrics")
                || path.startsWith("/oembed");
    }

    private static void internalError(Context ctx, TemplateEngine templates) {
        answer(
                ctx,
                templates,
                500,
                "internal error",
                "Something went wrong",
                "The server could not answer this request. Try again; if it keeps happening, tell the site's operator.");
    }

    private static void answer(
            Context ctx, TemplateEngine templates, int status, String error, String heading, String sentence) {
        ctx.status(status);
        if (wantsJson(ctx.path())) {
            ctx.json(Map.of("error", error));
        } else {
            App.render(ctx, templates, "status-page.jte", Map.of("page", new StatusPage(status, heading, sentence)));
        }
    }
}
