package backprop.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses of our static files with their content's hash ({@code /static/css/playground.css?v=3f9a0c1b2d}),
 * so a browser may keep them for a year and still never use an old one: a new build changes the
 * hash, hence the address. The templates write every asset address through {@link #url}. The
 * host script of embeds ({@value #EMBED_HOST_SCRIPT}) keeps its stable address: course pages
 * link it by hand.
 */
public final class Assets {
    /** Linked from other sites by its address: never fingerprinted, cached briefly. */
    public static final String EMBED_HOST_SCRIPT = "/static/embed.js";
    /** Hex digits of SHA-256 in the version: 40 bits tell builds apart. */
    private static final int VERSION_CHARS = 10;
    /** Content hashes by path, computed once per file (the files are inside the jar and never change). */
    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

    private Assets() {}

    /** The address to write for the static file at {@code path} (e.g. {@code /static/css/playground.css}). */
    public static String url(String path) {
        String version = version(path);
        return version.isEmpty() ? path : path + "?v=" + version;
    }

    /** The content hash of the file at {@code path}, or "" for none (no such file, or the embed host script). */
    public static String version(String path) {
        if (path.equals(EMBED_HOST_SCRIPT) || !path.startsWith("/static/") || path.contains("..")) {
            return "";
        }
        return VERSIONS.computeIfAbsent(path, Assets::hash);
    }

    private static String hash(String path) {
        try (InputStream in = Assets.class.getResourceAsStream("/public" + path)) {
            if (in == null) {
                return "";
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, VERSION_CHARS);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
