package backprop.server.http;

import backprop.server.pages.Assets;
import io.javalin.http.Context;

/**
 * How long browsers keep our static files: a year and {@code immutable} when the address carries
 * the file's current content hash ({@link Assets#url}); five minutes for the embed host script,
 * whose address is stable; otherwise revalidate each time (the ETag makes that a 304).
 */
final class StaticCaching {
    static final String FINGERPRINTED = "public, max-age=31536000, immutable";
    static final String EMBED_HOST_SCRIPT = "public, max-age=300";
    static final String REVALIDATE = "no-cache";

    private StaticCaching() {}

    static String cacheControl(String path, String version) {
        if (path.equals(Assets.EMBED_HOST_SCRIPT)) {
            return EMBED_HOST_SCRIPT;
        }
        String current = Assets.version(path);
        return !current.isEmpty() && current.equals(version) ? FINGERPRINTED : REVALIDATE;
    }

    /** As a before-handler on {@code /static/*}. */
    static void apply(Context ctx) {
        ctx.header("Cache-Control", cacheControl(ctx.path(), ctx.queryParam("v")));
    }
}
