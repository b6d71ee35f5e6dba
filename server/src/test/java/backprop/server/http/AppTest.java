package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void anAddressNothingAnswersGetsOurNotFoundNeverTheLibrarys() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String path : new String[] {"/nothing-here", "/static/nothing.css", "/e/"}) {
            HttpResponse<String> page = getAccepting(path, browser);
            assertEquals(404, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(page.body().contains("data-testid=\"status-heading\">Page not found<"), page.body());
            assertTrue(page.body().contains("data-testid=\"home-link\""), "a way on: " + path);
            assertFalse(
                    page.body().toLowerCase().contains("javalin") || page.body().contains("Endpoint"), page.body());
        }
        for (String accept : new String[] {"application/json", "*/*"}) {
            HttpResponse<String> json = getAccepting("/nothing-here", accept);
            assertEquals(404, json.statusCode());
            assertEquals("{\"error\":\"not found: /nothing-here\"}", json.body(), accept);
        }
        HttpResponse<String> api = getAccepting("/api/nothing", browser);
        assertEquals("{\"error\":\"not found: /api/nothing\"}", api.body(), "the API answers JSON to a browser too");
        // Our own 404s keep their words.
        HttpResponse<String> experiment = getAccepting("/e/NoSuchId12", browser);
        assertEquals(404, experiment.statusCode());
        assertTrue(experiment.body().contains("Experiment not found"), experiment.body());
        assertTrue(getAccepting("/api/experiments/zzzzzzzzzz", "application/json")
                .body()
                .contains("no experiment has the id"));
    }
}
