package backprop.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses of our static files with their content's hash, so a browser may keep them for a year
 * and still never use an old one: a new build changes the hash, hence the address. The templates
 * write every asset address through {@link #url}.
 *
 * <ul>
 *   <li>Stylesheets and images: the file's own hash as a query ({@code /static/css/playground.css?v=3f9a0c1b2d}).</li>
 *   <li>Scripts ({@code /static/js/}): a path prefix naming the hash of every script and client
 *       build together ({@code /a/9c2e417d0b/static/js/boot.js}). A module's imports
 *       ({@code ./runtime.js}), the client builds it loads ({@code ../../client/…}) and the
 *       training worker are addressed relative to it, so they all carry the prefix without a
 *       list of them anywhere: one hash for the set, since any of them may load any other.</li>
 *   <li>The host script of embeds ({@value #EMBED_HOST_SCRIPT}) keeps its stable address:
 *       course pages link it by hand.</li>
 * </ul>
 */
public final class Assets {
    /** Linked from other sites by its address: never fingerprinted, cached briefly. */
    public static final String EMBED_HOST_SCRIPT = "/static/embed.js";
    /** Hex digits of SHA-256 in the version: 40 bits tell builds apart. */
    private static final int VERSION_CHARS = 10;
    /** Content hashes by path, computed once per file (the files are inside the jar and never change). */
    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();

    private Assets() {}

    /** Where the scripts and client builds are served under their joint hash: {@code /a/<hash>/static/js/boot.js}. */
    public static final String SCRIPTS_PREFIX = "/a/";
    /** The folders under {@code /public} that {@link #scriptsVersion} covers, and the only ones served under it. */
    public static final List<String> SCRIPT_FOLDERS = List.of("static/js/", "client/");

    private static volatile String scriptsVersion;

    /** The address to write for the static file at {@code path} (e.g. {@code /static/css/playground.css}). */
    public static String url(String path) {
        if (path.startsWith("/static/js/") && !path.equals(EMBED_HOST_SCRIPT) && !path.contains("..")) {
            String scripts = scriptsVersion();
            return scripts.isEmpty() ? path : SCRIPTS_PREFIX + scripts + path;
        }
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

    /**
     * The hash of every file under {@link #SCRIPT_FOLDERS} (names and contents, in name order),
     * computed once: the files are inside the jar and never change while it runs. "" when there
     * are none.
     */
    public static String scriptsVersion() {
        String version = scriptsVersion;
        if (version == null) {
            version = ScriptFiles.hash(SCRIPT_FOLDERS, VERSION_CHARS);
            scriptsVersion = version;
        }
        return version;
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
