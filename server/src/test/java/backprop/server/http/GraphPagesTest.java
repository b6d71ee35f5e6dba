package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** GET /graph and /graph/embed on a real port: the controls pre-filled from the query. */
class GraphPagesTest extends ServedPagesTest {
    @Test
    void rendersTheExpressionAndItsValuesFromTheQuery() throws Exception {
        HttpResponse<String> page = get("/graph?expr=(x+y)*z&x=-2&y=5&z=-4");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(
                html.contains("data-testid=\"graph-expr\" type=\"text\" value=\"(x+y)*z\""),
                "a '+' in the query is a plus");
        assertTrue(
                html.contains(
                        "data-testid=\"graph-var-x\" data-name=\"x\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" autocomplete=\"off\" value=\"-2\""),
                html);
        assertTrue(html.contains("data-testid=\"graph-var-z\""));
        assertTrue(
                html.contains("<dd data-testid=\"graph-value\" data-value=\"-12\" title=\"-12\">-12</dd>"),
                "the forward pass is done on the server too");
        assertTrue(html.contains("<dd data-testid=\"graph-gate-count\">2</dd>"));
        assertTrue(html.contains("<option value=\"lecture\" selected>"), "the matching preset is selected");
        for (String id : new String[] {
            "graph-step-forward",
            "graph-step-backward",
            "graph-run-all",
            "graph-reset",
            "graph-collapse",
            "graph-error",
            "graph-explain",
            "graph-picture",
            "grad-x",
            "grad-y",
            "grad-z",
            "runtime"
        }) {
            assertTrue(html.contains("data-testid=\"" + id + "\""), id);
        }
        assertTrue(html.contains("/static/js/graph-boot.js"));
        assertTrue(html.contains("class=\"site-header\""));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
    }

    @Test
    void withoutAnExpressionShowsTheLecturesFirstExample() throws Exception {
        String html = get("/graph").body();
        assertTrue(html.contains("value=\"(x+y)*z\""));
        assertTrue(
                html.contains(
                        "data-testid=\"graph-var-y\" data-name=\"y\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" autocomplete=\"off\" value=\"5\""));
        String neuron = get("/graph?expr="
                        + java.net.URLEncoder.encode(
                                "1/(1+exp(-(w0*x0+w1*x1+w2)))", java.nio.charset.StandardCharsets.UTF_8)
                        + "&collapse=1")
                .body();
        assertTrue(
                neuron.contains("<dd data-testid=\"graph-gate-count\">5</dd>"), "collapsed: two *, two +, one sigmoid");
        assertTrue(neuron.contains("value=\"-3\""), "a preset's values fill the ones the address leaves out");
        assertTrue(neuron.contains("data-testid=\"graph-collapse\" checked"));
    }

    @Test
    void aBadExpressionShowsItsColumnEscaped() throws Exception {
        HttpResponse<String> page = get("/graph?expr=%3Cb%3E(x");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("value=\"&lt;b>(x\""), "escaped");
        assertFalse(html.contains("<b>"));
        assertTrue(
                html.contains(
                        "data-testid=\"graph-error\" role=\"alert\">column 1: expected a number, a variable, a function or '(', found '&lt;'"),
                html);
        String badValue = get("/graph?expr=x*y&x=abc").body();
        assertTrue(
                badValue.contains(
                        "role=\"alert\">x: \"abc\" is not a number; allowed: a finite decimal number from -1000000 to 1000000</p>"),
                badValue);
        assertTrue(badValue.contains("aria-invalid=\"true\""));
    }

    @Test
    void theEmbedHasNoChromeAndMayBeFramed() throws Exception {
        HttpResponse<String> embed = get("/graph/embed?expr=x*y&x=2&y=3");
        assertEquals(200, embed.statusCode());
        assertFalse(embed.body().contains("class=\"site-header\""));
        assertTrue(embed.body().contains("<dd data-testid=\"graph-value\" data-value=\"6\" title=\"6\">6</dd>"));
        assertTrue(embed.headers().firstValue("X-Frame-Options").isEmpty(), "framable");
        String csp = embed.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors *"), csp);
        assertTrue(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval';"), csp);
    }

    @Test
    void servesTheGraphClientBuilds() throws Exception {
        HttpResponse<byte[]> wasm = getBytes("/client/graph-wasm-gc/graph.wasm");
        assertEquals(200, wasm.statusCode());
        assertEquals(
                "application/wasm",
                wasm.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(200, get("/client/graph-wasm-gc/graph.wasm-runtime.js").statusCode());
        assertEquals(200, get("/client/graph-js/graph.js").statusCode());
        assertEquals(200, get("/static/js/graph-boot.js").statusCode());
        assertEquals(200, get("/static/css/graph.css").statusCode());
    }

    @Test
    void theLoopPageRendersTheLecturesCodeAndItsArraysBeforeTheClientStarts() throws Exception {
        HttpResponse<String> page = get("/graph/loop");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<code>    h = 1 / (1 + np.exp(-x.dot(w1)))</code>"), html);
        assertTrue(html.contains("class=\"next\""), "line 9 is next");
        assertTrue(html.contains("<figcaption>w1 (3, 5)</figcaption>"), "every array with its shape");
        assertTrue(html.contains("data-testid=\"loop-seed\" type=\"text\" inputmode=\"numeric\" value=\"1\""), html);
        assertTrue(html.contains("/static/js/loop-boot.js"));
        assertTrue(html.contains("href=\"/graph/loop\" data-testid=\"nav-loop\" aria-current=\"page\""), html);
        String bad = get("/graph/loop?seed=-4").body();
        assertTrue(
                bad.contains(
                                "role=\"alert\">seed: &#34;-4&#34; is not allowed; allowed: a whole number from 0 to 2147483647")
                        || bad.contains(
                                "role=\"alert\">seed: \"-4\" is not allowed; allowed: a whole number from 0 to 2147483647"),
                bad);
    }

    @Test
    void theExplorerShowsFToFourDigitsWithTheFullValueInItsTitle() throws Exception {
        String html = get("/graph?expr=x/y&x=1&y=3").body();
        assertTrue(
                html.contains(
                        "data-testid=\"graph-value\" data-value=\"0.3333333333333333\" title=\"0.3333333333333333\">0.3333</dd>"),
                html);
    }
}
