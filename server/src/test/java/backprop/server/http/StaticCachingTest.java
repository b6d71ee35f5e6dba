package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.server.pages.Assets;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Pages link static files by content hash; those addresses are cached for a year, others revalidated. */
class StaticCachingTest extends ServedPagesTest {
    @Test
    void pagesLinkFingerprintedAssetsThatAreCachedForAYear() throws Exception {
        String html = get("/").body();
        Matcher css = Pattern.compile("href=\"(/static/css/playground\\.css\\?v=([0-9a-f]{10}))\"")
                .matcher(html);
        assertTrue(css.find(), html);
        assertTrue(html.contains("src=\"/a/" + Assets.scriptsVersion() + "/static/js/boot.js\""), "the script too");
        HttpResponse<byte[]> versioned = getBytes(css.group(1));
        assertEquals(200, versioned.statusCode());
        assertEquals(
                StaticCaching.FINGERPRINTED,
                versioned.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(css.group(2), Assets.version("/static/css/playground.css"));

        for (String path : new String[] {"/static/css/playground.css", "/static/css/playground.css?v=0000000000"}) {
            HttpResponse<byte[]> plain = getBytes(path);
            assertEquals(200, plain.statusCode());
            assertEquals("no-cache", plain.headers().firstValue("Cache-Control").orElse(""), path);
        }
    }

    @Test
    void scriptsAndTheBuildsTheyLoadRelativeToThemselvesShareAFingerprintedPrefix() throws Exception {
        String version = Assets.scriptsVersion();
        assertTrue(version.matches("[0-9a-f]{10}"), version);
        String prefix = "/a/" + version;
        // boot.js imports ./runtime.js; runtime.js loads ../../client/…: both resolve under the prefix.
        HttpResponse<byte[]> boot = getBytes(prefix + "/static/js/boot.js");
        assertEquals(200, boot.statusCode());
        assertTrue(new String(boot.body(), java.nio.charset.StandardCharsets.UTF_8).contains("from \"./runtime.js\""));
        for (String path : new String[] {
            "/static/js/runtime.js", "/static/js/train-worker.js", "/client/wasm-gc/client.wasm", "/client/js/client.js"
        }) {
            HttpResponse<byte[]> asset = getBytes(prefix + path);
            assertEquals(200, asset.statusCode(), path);
            assertEquals(
                    StaticCaching.FINGERPRINTED,
                    asset.headers().firstValue("Cache-Control").orElse(""),
                    path);
            assertEquals(
                    "*",
                    asset.headers().firstValue("Access-Control-Allow-Origin").orElse(""),
                    "sandboxed embeds");
            assertArrayEquals(getBytes(path).body(), asset.body(), "the same file as at its plain address: " + path);
        }
        assertEquals(
                "application/wasm",
                getBytes(prefix + "/client/wasm-gc/client.wasm")
                        .headers()
                        .firstValue("Content-Type")
                        .orElse(""));
        assertTrue(getBytes(prefix + "/static/js/boot.js")
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("text/javascript"));

        // A page of an older build gets today's files, revalidated rather than kept for a year.
        HttpResponse<byte[]> old = getBytes("/a/0000000000/static/js/runtime.js");
        assertEquals(200, old.statusCode());
        assertEquals("no-cache", old.headers().firstValue("Cache-Control").orElse(""));

        // Only the scripts' folders, and no way out of them.
        for (String path : new String[] {
            "/static/css/playground.css",
            "/static/js/no-such.js",
            "/static/js/../../db/migration/V1__experiments.sql",
            "/static/js/%2e%2e/%2e%2e/logback.xml"
        }) {
            assertEquals(404, getBytes(prefix + path).statusCode(), path);
        }
    }

    @Test
    void theEmbedHostScriptKeepsAStableAddressAndAShortCache() {
        assertEquals("/static/embed.js", Assets.url("/static/embed.js"));
        assertEquals(StaticCaching.EMBED_HOST_SCRIPT, StaticCaching.cacheControl("/static/embed.js", null));
        assertEquals("/static/no-such-file.css", Assets.url("/static/no-such-file.css"));
    }
}
