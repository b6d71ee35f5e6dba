package backprop.server.http;

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
        assertTrue(html.contains("src=\"/static/js/boot.js?v="), "the script too");
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
    void theEmbedHostScriptKeepsAStableAddressAndAShortCache() {
        assertEquals("/static/embed.js", Assets.url("/static/embed.js"));
        assertEquals(StaticCaching.EMBED_HOST_SCRIPT, StaticCaching.cacheControl("/static/embed.js", null));
        assertEquals("/static/no-such-file.css", Assets.url("/static/no-such-file.css"));
    }
}
