package backprop.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /bench: the page the browser benchmarks run in, and the scripts it loads. */
class BenchPageTest {
    @TempDir
    static Path dataDir;
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = App.create(Storage.sqlite(dataDir.resolve("bench.db"))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheBenchPageWithItsTestIdsAndScripts() throws Exception {
        HttpResponse<String> page = get("/bench?runtime=js&workload=seed");
        assertEquals(200, page.statusCode());
        String html = page.body();
        for (String id : new String[] {"runtime", "bench-result", "bench-status", "run-seed", "run-playground"}) {
            assertTrue(html.contains("data-testid=\"" + id + "\""), "the page has " + id);
        }
        assertTrue(html.contains("<script type=\"module\" src=\"/static/js/bench-boot.js\"></script>"), html);
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        for (String asset : new String[] {"/static/js/bench-boot.js", "/static/js/runtime.js", "/static/js/boot.js",
            "/static/css/bench.css"}) {
            assertEquals(200, get(asset).statusCode(), asset);
        }
        assertTrue(get("/static/js/boot.js").body().contains("from \"./runtime.js\""));
    }
}
