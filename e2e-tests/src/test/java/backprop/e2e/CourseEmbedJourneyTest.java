package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Embeds as course sites make them (issue 14), on a course page the test serves at another
 * origin (localhost; the playground is 127.0.0.1): the iframe of the oEmbed answer as it is, in
 * WordPress's {@code sandbox="allow-scripts"} with {@code #?secret=}, in a sandbox with
 * {@code allow-same-origin}, under a parent whose CSP allows only our origin in
 * {@code frame-src}, and as Jupyter's {@code IFrame} writes it; at 320x240, 400x300, 720x560 and
 * 1280x800. {@code verify} runs one cell per host kind, covering every size; {@code
 * -Dbackprop.embedMatrix=full} runs all twenty. Screenshots of every cell are kept in
 * {@code target/screenshots}.
 */
class CourseEmbedJourneyTest extends BrowserJourney {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String SECRET = "Wp5ecret42";
    private static String experimentId;

    enum Host {
        PLAIN,
        WORDPRESS_SANDBOX,
        SANDBOX_SAME_ORIGIN,
        STRICT_CSP,
        JUPYTER
    }

    private static final int[][] SIZES = {{320, 240}, {400, 300}, {720, 560}, {1280, 800}};

    @BeforeAll
    static void saveAnExperiment() throws Exception {
        String body = "{\"spec\":\"data=circle&n=200&layers=4:tanh\",\"title\":\"Circle for week 3\"}";
        HttpResponse<String> saved = http(HttpRequest.newBuilder(URI.create(server.url("/api/experiments")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertEquals(201, saved.statusCode(), saved.body());
        Matcher id = Pattern.compile("\"id\":\"([0-9A-Za-z]{10})\"").matcher(saved.body());
        assertTrue(id.find(), saved.body());
        experimentId = id.group(1);
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        if (Boolean.getBoolean("backprop.embedMatrix") || "full".equals(System.getProperty("backprop.embedMatrix"))) {
            for (Host host : Host.values()) {
                for (int[] size : SIZES) {
                    cells.add(Arguments.of(host, size[0], size[1]));
                }
            }
        } else {
            // Every host kind once, every size at least once.
            cells.add(Arguments.of(Host.PLAIN, 720, 560));
            cells.add(Arguments.of(Host.WORDPRESS_SANDBOX, 320, 240));
            cells.add(Arguments.of(Host.SANDBOX_SAME_ORIGIN, 400, 300));
            cells.add(Arguments.of(Host.STRICT_CSP, 1280, 800));
            cells.add(Arguments.of(Host.JUPYTER, 400, 300));
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @MethodSource("cells")
    void anEmbedFitsRunsAndTalksInACoursePage(Host kind, int width, int height) throws Exception {
        String pageUrl = server.url("/e/" + experimentId + "?autoplay=1");
        JsonNode oembed = JSON.readTree(http(HttpRequest.newBuilder(URI.create(
                                server.url("/oembed?url=" + URLEncoder.encode(pageUrl, StandardCharsets.UTF_8)
                                        + "&maxwidth=" + width + "&maxheight=" + height)))
                        .build())
                .body());
        String snippet = oembed.get("html").asText();
        Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(snippet);
        assertTrue(src.find(), snippet);
        String embedUrl = src.group(1).replace("&amp;", "&");
        assertTrue(embedUrl.contains("show=output,loss") && embedUrl.contains("autoplay=1"), embedUrl);

        String iframe = switch (kind) {
            // The oEmbed answer as a consumer pastes it, set to the cell's size.
            case PLAIN, STRICT_CSP ->
                snippet.replaceFirst("width=\"\\d+\"", "width=\"" + width + "\"")
                        .replaceFirst("height=\"\\d+\"", "height=\"" + height + "\"")
                        .replace("<iframe ", "<iframe id=\"bp\" ");
            case WORDPRESS_SANDBOX ->
                "<iframe id=\"bp\" class=\"wp-embedded-content\" sandbox=\"allow-scripts\" security=\"restricted\""
                        + " src=\"" + attr(embedUrl + "#?secret=" + SECRET) + "\" data-secret=\"" + SECRET
                        + "\" width=\"" + width
                        + "\" height=\"" + height
                        + "\" title=\"Circle for week 3\" frameborder=\"0\" marginwidth=\"0\" marginheight=\"0\""
                        + " scrolling=\"no\"></iframe>";
            case SANDBOX_SAME_ORIGIN ->
                "<iframe id=\"bp\" sandbox=\"allow-scripts allow-same-origin\" src=\"" + attr(embedUrl) + "\" width=\""
                        + width + "\" height=\"" + height + "\" frameborder=\"0\"></iframe>";
            // IPython.display.IFrame(src, width, height)._repr_html_()
            case JUPYTER ->
                "\n<iframe\n    width=\"" + width + "\"\n    height=\"" + height + "\"\n    src=\"" + attr(embedUrl)
                        + "\"\n    frameborder=\"0\"\n    allowfullscreen\n    \n></iframe>\n";
        };
        Page host = openCoursePage(kind, iframe, width, height);

        waitForMessage(host, "m.type === 'backprop:ready' && m.id === '" + experimentId + "'");
        waitForMessage(host, "m.type === 'backprop:epoch' && m.epoch >= 3");
        if (kind == Host.WORDPRESS_SANDBOX) {
            waitForMessage(host, "m.message === 'height' && m.secret === '" + SECRET + "' && m.value > 0");
        }
        Frame frame = embedFrame(host);
        assertThat(frame.locator("[data-testid=spec-errors]")).isHidden();
        // Training on a core of its own in every host, a sandbox's opaque origin included (a blob worker there).
        assertThat(frame.locator("[data-testid=runtime]"))
                .hasAttribute(
                        "data-training", "worker", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        assertThat(frame.locator("[data-testid=output]")).isVisible();
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>)
                frame.evaluate(
                        "() => {"
                                + " const r = document.querySelector('[data-testid=output]').getBoundingClientRect();"
                                + " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, side: r.width,"
                                + "  innerWidth: innerWidth, innerHeight: innerHeight, scrollWidth: document.scrollingElement.scrollWidth}; }");
        double right = num(fit, "right");
        double bottom = num(fit, "bottom");
        String where = kind + " " + width + "x" + height + ": " + fit;
        assertEquals(width, num(fit, "innerWidth"), where);
        assertEquals(height, num(fit, "innerHeight"), where);
        assertTrue(
                num(fit, "left") >= 0 && num(fit, "top") >= 0 && right <= width + 0.5 && bottom <= height + 0.5,
                "the output lies inside the frame: " + where);
        assertTrue(num(fit, "scrollWidth") <= width, "nothing scrolls sideways: " + where);
        assertTrue(num(fit, "side") >= Math.min(width, height) * 0.55, "the output is as large as fits: " + where);
        assertLossBesideOrUnderTheOutput(frame, width, height, where);
        host.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("embed-" + kind.name().toLowerCase() + "-" + width + "x" + height + ".png")));

        if (kind == Host.WORDPRESS_SANDBOX) {
            // No allow-popups: "Open in the playground" is a plain link, followed in the frame, where the page is the
            // embed.
            assertThat(frame.locator("[data-testid=open-in-playground]")).not().hasAttribute("target", "_blank");
            frame.locator("[data-testid=open-in-playground]").click();
            waitForMessage(
                    host,
                    "m.type === 'backprop:ready' && window.messages.filter(x => x.type === 'backprop:ready').length >= 2");
            assertTrue(
                    embedFrame(host).url().replaceFirst("#.*", "").endsWith("/e/" + experimentId),
                    embedFrame(host).url());
        }
    }

    @Test
    void theHostScriptSizesEverySandboxedFrameToItsContent() throws Exception {
        HttpResponse<String> script = http(HttpRequest.newBuilder(URI.create(server.url("/static/embed.js")))
                .build());
        assertEquals(200, script.statusCode());
        assertEquals(
                "public, max-age=300",
                script.headers().firstValue("Cache-Control").orElse(""),
                "a stable address, re-read within minutes");

        String src = server.url("/embed/" + experimentId + "?show=output,network,controls");
        String iframes = "<script src=\"" + server.url("/static/embed.js") + "\" async></script>"
                + "<iframe id=\"bp\" sandbox=\"allow-scripts\" src=\"" + attr(src)
                + "\" width=\"720\" height=\"300\"></iframe>"
                + "<iframe id=\"other\" src=\"about:blank\" width=\"300\" height=\"150\"></iframe>";
        Page host = openCoursePage(Host.PLAIN, iframes, 760, 700);
        waitForMessage(host, "m.type === 'backprop:ready'");
        host.waitForFunction(
                "() => document.getElementById('bp').getBoundingClientRect().height > 600",
                null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
        Frame frame = embedFrame(host);
        // Sized to its content: the frame's viewport ends where the content does (the embed keeps
        // reporting while its content settles, so this is a condition, not a single reading).
        frame.waitForFunction(
                "() => Math.abs(Math.ceil(document.body.getBoundingClientRect().height) - innerHeight) <= 1",
                null,
                new Frame.WaitForFunctionOptions().setTimeout(30_000));
        double framed = ((Number) host.evaluate("() => document.getElementById('bp').clientHeight")).doubleValue();
        assertTrue(framed > 600, "grown from 300 to its content: " + framed);
        assertEquals(
                150.0,
                ((Number) host.evaluate("() => document.getElementById('other').clientHeight")).doubleValue(),
                "other frames are left alone");
        assertNoSidewaysScroll(frame, "the scrolling embed with every panel at 720 px");
        host.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve("embed-auto-height.png"))
                .setFullPage(true));
    }

    @Test
    void anExperimentPageFramedByAnLmsShowsTheEmbed() throws Exception {
        HttpResponse<String> direct = http(HttpRequest.newBuilder(URI.create(server.url("/e/" + experimentId)))
                .build());
        assertEquals("DENY", direct.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(
                direct.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Sec-Fetch-Dest")),
                direct.headers().toString());

        Page host = openCoursePage(
                Host.PLAIN,
                "<iframe id=\"bp\" src=\"" + attr(server.url("/e/" + experimentId))
                        + "\" width=\"900\" height=\"700\"></iframe>",
                900,
                700);
        waitForMessage(host, "m.type === 'backprop:ready' && m.id === '" + experimentId + "'");
        Frame frame = embedFrame(host);
        assertThat(frame.locator("body.embed")).hasCount(1);
        assertThat(frame.locator("[data-testid=output]")).isVisible();
        assertThat(frame.locator("[data-testid=open-in-playground]")).isVisible();
        assertNoSidewaysScroll(frame, "/e/{id} framed at 900 px");
        assertOutputInsideTheFrame(frame, "/e/{id} framed at 900x700, every panel");
        host.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("embed-framed-page-900x700.png")));
    }

    @Test
    void anEmbedWithEveryPanelShowsTheOutputOnItsFirstScreen() {
        String src = server.url("/embed/" + experimentId);
        Page host = openCoursePage(
                Host.PLAIN,
                "<iframe id=\"bp\" src=\"" + attr(src) + "\" width=\"720\" height=\"560\"></iframe>",
                720,
                560);
        waitForMessage(host, "m.type === 'backprop:ready'");
        Frame frame = embedFrame(host);
        assertOutputInsideTheFrame(frame, "/embed/{id} at 720x560, every panel");
        assertNoSidewaysScroll(frame, "/embed/{id} at 720x560, every panel");
        host.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("embed-every-panel-720x560.png")));
    }

    private static void assertOutputInsideTheFrame(Frame frame, String where) {
        Object box = frame.evaluate(
                "() => { const r = document.querySelector('[data-testid=output]').getBoundingClientRect();"
                        + " return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight]; }");
        List<?> b = (List<?>) box;
        double[] v = b.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        assertTrue(v[0] >= 0 && v[1] >= 0 && v[2] <= v[4] + 0.5 && v[3] <= v[5] + 0.5, where + ": " + box);
    }

    @Test
    void aTallFrameStacksTheLossChartUnderTheOutput() {
        String src = server.url("/embed/" + experimentId + "?show=output,loss&autoplay=1");
        Page host = openCoursePage(
                Host.PLAIN,
                "<iframe id=\"bp\" src=\"" + attr(src) + "\" width=\"360\" height=\"600\" frameborder=\"0\"></iframe>",
                360,
                600);
        waitForMessage(host, "m.type === 'backprop:epoch' && m.epoch >= 1");
        Frame frame = embedFrame(host);
        assertLossBesideOrUnderTheOutput(frame, 360, 600, "360x600");
        assertNoSidewaysScroll(frame, "360x600");
        host.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("embed-tall-360x600.png")));
    }

    /** Wider than tall (5:4 and more): the loss chart right of the output; else under it. Both inside the frame. */
    private static void assertLossBesideOrUnderTheOutput(Frame frame, int width, int height, String where) {
        @SuppressWarnings("unchecked")
        Map<String, Object> boxes = (Map<String, Object>) frame.evaluate("() => {"
                + " const o = document.querySelector('[data-testid=output]').getBoundingClientRect();"
                + " const l = document.querySelector('[data-testid=loss-chart]').getBoundingClientRect();"
                + " return {outRight: o.right, outBottom: o.bottom, lossLeft: l.left, lossTop: l.top, lossRight: l.right,"
                + "  lossBottom: l.bottom, lossWidth: l.width}; }");
        if (num(boxes, "lossWidth") == 0) {
            return; // dropped in a small frame
        }
        boolean wide = width * 4 >= height * 5;
        if (wide) {
            assertTrue(
                    num(boxes, "lossLeft") >= num(boxes, "outRight"),
                    "the loss chart beside the output: " + where + " " + boxes);
        } else {
            assertTrue(
                    num(boxes, "lossTop") >= num(boxes, "outBottom"),
                    "the loss chart under the output: " + where + " " + boxes);
        }
        assertTrue(
                num(boxes, "lossRight") <= width + 0.5 && num(boxes, "lossBottom") <= height + 0.5,
                "inside the frame: " + where + " " + boxes);
    }

    private static void assertNoSidewaysScroll(Frame frame, String where) {
        Object widths = frame.evaluate("() => [document.scrollingElement.scrollWidth, innerWidth]");
        java.util.List<?> w = (java.util.List<?>) widths;
        assertTrue(((Number) w.get(0)).doubleValue() <= ((Number) w.get(1)).doubleValue(), where + ": " + widths);
    }

    @Test
    void behindAProxyUnderAPathThePageAndTheEmbedLoadEverythingThroughIt() throws Exception {
        try (PrefixProxy proxy = PrefixProxy.listen("/playground");
                ProductServer behind = ProductServer.start(Map.of("BACKPROP_PUBLIC_URL", proxy.url("")))) {
            proxy.forwardTo(behind.url(""));
            String body = "{\"spec\":\"data=xor&n=200&layers=4:tanh\",\"title\":\"Behind a proxy\"}";
            HttpResponse<String> saved = http(HttpRequest.newBuilder(URI.create(proxy.url("/api/experiments")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            assertEquals(201, saved.statusCode(), saved.body());
            String id = JSON.readTree(saved.body()).get("id").asText();
            assertEquals(
                    proxy.url("/e/" + id),
                    JSON.readTree(saved.body()).get("url").asText());

            List<String> outside = new ArrayList<>();
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    outside.add(r.status() + " " + r.url());
                }
            });
            PlaygroundPage playground = new PlaygroundPage(page).open(proxy.url("/e/" + id + "?epochs=5"));
            playground.waitUntilPausedAt(5);
            assertThat(playground.byTestId("output")).hasAttribute("data-state-loaded", "true");
            assertThat(page.getByTestId("explain-neuron"))
                    .hasAttribute("href", Pattern.compile("^/playground/graph.*|^$"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("proxy-page.png")));

            page.navigate(proxy.url("/embed/" + id + "?show=output,loss&epochs=3"));
            new PlaygroundPage(page).waitUntilPausedAt(3);
            assertThat(page.getByTestId("open-in-playground")).hasAttribute("href", "/playground/e/" + id);
            page.navigate(proxy.url("/graph?expr=x*y&x=2&y=3"));
            page.waitForSelector("html[data-ready=true]");
            assertEquals(List.of(), outside, "every request stays under the prefix");
        }
    }

    @Test
    void theExplorerSharesItsExpressionAndInputsAndEmbedsThem() {
        page.navigate(server.url("/graph?expr=x*y&x=2&y=3"));
        page.waitForSelector("html[data-ready=true]");
        page.getByTestId("page-share").click();
        assertThat(page.getByTestId("page-share-iframe"))
                .hasValue(Pattern.compile("^<iframe src=\"[^\"]*/graph/embed\\?[^\"]*x=2[^\"]*\""));
        String link = page.getByTestId("page-share-link").inputValue();
        assertTrue(link.startsWith(server.url("/graph?")) && link.contains("x=2") && link.contains("y=3"), link);
        String snippet = page.getByTestId("page-share-iframe").inputValue();

        Page host = openCoursePage(Host.PLAIN, snippet.replace("<iframe ", "<iframe id=\"bp\" "), 720, 560);
        Frame frame = embedFrameWhenLoaded(host, "html[data-ready=true]");
        assertThat(frame.locator("[data-testid=graph-value]")).hasText(Pattern.compile("^6(\\.0*)?$"));
        assertThat(frame.locator("[data-testid=graph-expr]")).hasValue("x*y");
    }

    @Test
    void theActivationRaceSharesItsSpecAndEmbedsIt() {
        String spec = "data=xor&n=100&layers=4:relu";
        page.navigate(server.url("/activations#" + spec));
        page.waitForSelector("html[data-ready=true]");
        page.getByTestId("page-share").click();
        assertThat(page.getByTestId("page-share-link")).hasValue(server.url("/activations#" + spec));
        assertThat(page.getByTestId("page-share-iframe")).hasValue(Pattern.compile("^<iframe "));
        String snippet = page.getByTestId("page-share-iframe").inputValue();
        assertTrue(
                snippet.startsWith("<iframe src=\""
                        + server.url("/activations/embed#data=xor&amp;n=100&amp;layers=4:relu") + "\""),
                snippet);

        Page host = openCoursePage(Host.PLAIN, snippet.replace("<iframe ", "<iframe id=\"bp\" "), 720, 560);
        Frame frame = embedFrameWhenLoaded(host, "html[data-ready=true]");
        assertThat(frame.locator("[data-testid=race-spec]")).hasValue(spec);
        assertThat(frame.locator("[data-testid=race-start]")).isVisible();
        assertThat(frame.locator("#curves")).isHidden();
        host.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("embed-race-720x560.png")));
    }

    @Test
    void theRaceEmbeddedInASandboxTrainsInAWorkerOfItsOwn() {
        String spec = "data=xor&n=100&layers=4:relu";
        Page host = openCoursePage(
                Host.WORDPRESS_SANDBOX,
                "<iframe id=\"bp\" sandbox=\"allow-scripts\" src=\"" + attr(server.url("/activations/embed#" + spec))
                        + "\" width=\"720\" height=\"560\"></iframe>",
                720,
                560);
        Frame frame = embedFrameWhenLoaded(host, "html[data-ready=true]");
        // The sandbox's origin is opaque: the worker starts from a blob, as the playground's does.
        assertThat(frame.locator("[data-testid=runtime]"))
                .hasAttribute(
                        "data-training", "worker", new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        frame.locator("[data-testid=race-epochs]").selectOption("30");
        frame.locator("[data-testid=race-start]").click();
        assertThat(frame.locator("[data-testid=race-status]")).hasAttribute("data-training", "worker");
        assertThat(frame.locator("[data-testid=race-status]"))
                .hasAttribute(
                        "data-state",
                        "finished",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(ActivationsPage.TRAINING_TIMEOUT_MS));
        Trainer relu = new Trainer(SpecCodec.parseStrict(spec));
        for (int e = 0; e < 30; e++) {
            relu.stepEpoch();
        }
        assertThat(frame.locator("[data-testid=race-fingerprint-relu]")).hasText(relu.fingerprint());
    }

    /** Our frame in the host page, once {@code selector} matches in it. */
    private static Frame embedFrameWhenLoaded(Page host, String selector) {
        host.frameLocator("#bp")
                .locator(selector)
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED)
                        .setTimeout(60_000));
        return embedFrame(host);
    }

    // ---- the course page ------------------------------------------------------------------------

    /** Serves a course page at http://localhost:{port}/course-{kind}.html with the iframe HTML, recording every message. */
    private Page openCoursePage(Host kind, String iframeHtml, int width, int height) {
        Page host = openPage(new Browser.NewContextOptions()
                .setViewportSize(Math.max(width + 40, 400), height + 120)
                .setPermissions(List.of("local-network-access")));
        String hostUrl =
                server.url("/course-" + kind.name().toLowerCase() + ".html").replace("127.0.0.1", "localhost");
        String nonce = "c0ur5e";
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Week 3</title>"
                + "<style nonce=\"" + nonce
                + "\">body { margin: 8px; } h1 { font: 16px sans-serif; margin: 0 0 8px; }</style></head>"
                + "<body><h1>Week 3: backprop</h1>" + iframeHtml
                + "<script nonce=\"" + nonce
                + "\">window.messages = []; window.addEventListener('message', function(e) {"
                + " if (e.data && typeof e.data === 'object') window.messages.push(e.data); });</script></body></html>";
        Route.FulfillOptions answer =
                new Route.FulfillOptions().setContentType("text/html").setBody(html);
        if (kind == Host.STRICT_CSP) {
            String ours = server.url("");
            answer.setHeaders(Map.of(
                    "Content-Type",
                    "text/html",
                    "Content-Security-Policy",
                    "default-src 'none'; frame-src "
                            + ours.substring(0, ours.length() - (ours.endsWith("/") ? 1 : 0)) + "; script-src 'nonce-"
                            + nonce + "'; style-src 'nonce-"
                            + nonce + "'"));
        }
        host.route(hostUrl, route -> route.fulfill(answer));
        host.navigate(hostUrl);
        return host;
    }

    private static void waitForMessage(Page host, String condition) {
        host.waitForFunction(
                "() => window.messages.some(m => " + condition + ")",
                null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    private static Frame embedFrame(Page host) {
        return host.frames().stream()
                .filter(f -> f != host.mainFrame() && f.url().startsWith(server.url("/")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no frame of ours in " + host.frames().size() + " frames"));
    }

    private static double num(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    private static String attr(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;");
    }

    private static HttpResponse<String> http(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
