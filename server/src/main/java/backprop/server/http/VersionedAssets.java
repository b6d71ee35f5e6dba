package backprop.server.http;

import backprop.server.pages.Assets;
import backprop.server.problems.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.util.Map;

/**
 * The scripts and client builds under their joint hash ({@link Assets#url}):
 * {@code /a/<hash>/static/js/boot.js} and everything it loads relative to itself. Served for a
 * year and {@code immutable} when the hash is the running build's; a page of an older build still
 * gets the current files, revalidated each time, so a deploy never breaks an open tab's next load.
 */
final class VersionedAssets {
    static final String ROUTE = Assets.SCRIPTS_PREFIX + "{version}/<path>";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "wasm", "application/wasm",
            "map", "application/json; charset=utf-8",
            "json", "application/json; charset=utf-8");

    private VersionedAssets() {}

    static void register(RoutesConfig routes) {
        routes.get(ROUTE, VersionedAssets::serve);
    }

    private static void serve(Context ctx) {
        String path = ctx.pathParam("path");
        String type = contentType(path);
        if (type == null || !servable(path)) {
            throw ApiError.notFound("no such file: " + Assets.SCRIPTS_PREFIX + "…/" + shorten(path));
        }
        InputStream in = VersionedAssets.class.getResourceAsStream("/public/" + path);
        if (in == null) {
            throw ApiError.notFound("no such file: " + Assets.SCRIPTS_PREFIX + "…/" + shorten(path));
        }
        boolean current = ctx.pathParam("version").equals(Assets.scriptsVersion());
        ctx.header("Cache-Control", current ? StaticCaching.FINGERPRINTED : StaticCaching.REVALIDATE);
        CrossOrigin.ASSET_HEADERS.forEach(ctx::header);
        ctx.contentType(type).result(in);
    }

    /** Under one of the folders the hash covers, with no way out of them. */
    static boolean servable(String path) {
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            return false;
        }
        return Assets.SCRIPT_FOLDERS.stream().anyMatch(path::startsWith);
    }

    /** The content type for the file's extension, or null for a kind we do not serve here. */
    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : CONTENT_TYPES.get(path.substring(dot + 1));
    }

    private static String shorten(String path) {
        return path.length() <= 80 ? path : path.substring(0, 80) + "…";
    }
}
