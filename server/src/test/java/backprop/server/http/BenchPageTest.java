package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** GET /bench: the page the browser benchmarks run in, and the scripts it loads. */
class BenchPageTest extends ServedPagesTest {
    @Test
    void servesTheBenchPageWithItsTestIdsAndScripts() throws Exception {
        HttpResponse<String> page = get("/bench?runtime=js&workload=seed");
        assertEquals(200, page.statusCode());
        String html = page.body();
        for (String id : new String[] {"runtime", "bench-result", "bench-status", "run-seed", "run-playground"}) {
            assertTrue(html.contains("data-testid=\"" + id + "\""), "the page has " + id);
        }
        assertTrue(
                html.contains("<script type=\"module\" src=\""
                        + backprop.server.pages.Assets.url("/static/js/bench-boot.js") + "\"></script>"),
                html);
        assertTrue(
                page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        for (String asset : new String[] {
            "/static/js/bench-boot.js", "/static/js/runtime.js", "/static/js/boot.js", "/static/css/bench.css"
        }) {
            assertEquals(200, get(asset).statusCode(), asset);
        }
        assertTrue(get("/static/js/boot.js").body().contains("from \"./runtime.js\""));
    }
}
