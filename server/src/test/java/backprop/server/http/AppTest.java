package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The server on a real port with a real SQLite file. */
class AppTest extends ServedPagesTest {
    @Test
    void createsTheDatabaseFileAndReportsHealthy() throws Exception {
        assertTrue(Files.isRegularFile(dataDir.resolve("sub/dir/pages.db")), "the SQLite file and its folders exist");
        HttpResponse<byte[]> health = getBytes("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\",\"storage\":\"sqlite\"}", new String(health.body()));
    }

    @Test
    void servesThePlaygroundWithItsControlsAndSecurityHeaders() throws Exception {
        HttpResponse<byte[]> page = getBytes("/");
        assertEquals(200, page.statusCode());
        String html = new String(page.body());
        for (String id : new String[] {
            "play",
            "step-epoch",
            "reset",
            "epoch",
            "train-loss",
            "test-loss",
            "fingerprint",
            "runtime",
            "output",
            "spec-errors"
        }) {
            assertTrue(html.contains("data-testid=\"" + id + "\""), "the page has " + id);
        }
        assertTrue(html.contains("/static/js/boot.js"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval';"), csp);
        assertTrue(!csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    }

    @Test
    void servesBothClientBuildsWithTheirTypes() throws Exception {
        HttpResponse<byte[]> wasm = getBytes("/client/wasm-gc/client.wasm");
        assertEquals(200, wasm.statusCode());
        assertEquals(
                "application/wasm",
                wasm.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        byte[] magic = {0, 'a', 's', 'm'};
        for (int i = 0; i < 4; i++) {
            assertEquals(magic[i], wasm.body()[i], "WebAssembly magic number");
        }
        assertEquals(200, getBytes("/client/wasm-gc/client.wasm-runtime.js").statusCode());
        HttpResponse<byte[]> js = getBytes("/client/js/client.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertEquals(200, getBytes("/static/css/playground.css").statusCode());
    }

    @Test
    void unknownPathsAnswer404InJson() throws Exception {
        HttpResponse<byte[]> missing = getBytes("/no/such/page");
        assertEquals(404, missing.statusCode());
        assertTrue(new String(missing.body()).contains("\"error\""));
    }
}
