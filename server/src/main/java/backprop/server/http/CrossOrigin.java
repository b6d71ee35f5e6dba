package backprop.server.http;

import backprop.server.pages.Assets;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;

/**
 * Which answers other origins may read. An embed in {@code sandbox="allow-scripts"} (WordPress,
 * many course sites) has the origin {@code null}: each script, stylesheet, {@code .wasm} and API
 * read of ours is a cross-origin request there, refused without
 * {@code Access-Control-Allow-Origin}. Public, read-only data gets {@code *}; writes never do, so a
 * page elsewhere can send a save but never read its answer (and a JSON body needs a preflight,
 * which nothing here grants).
 */
final class CrossOrigin {
    /** For the static files ({@code /static}, {@code /client}). */
    static final Map<String, String> ASSET_HEADERS = Map.of("Access-Control-Allow-Origin", "*");

    private CrossOrigin() {}

    /** Adds {@code Access-Control-Allow-Origin: *} to GETs (and HEADs) of a saved experiment, its preview, oEmbed. */
    static void allowReadsOfPublicData(Context ctx) {
        HandlerType method = ctx.method();
        if ((method == HandlerType.GET || method == HandlerType.HEAD) && isPublicRead(ctx.path())) {
            ctx.header("Access-Control-Allow-Origin", "*");
        }
    }

    static boolean isPublicRead(String path) {
        return path.startsWith("/api/experiments/")
                || path.equals("/oembed")
                || path.startsWith("/static/")
                || path.startsWith("/client/")
                || path.startsWith(Assets.SCRIPTS_PREFIX);
    }
}
