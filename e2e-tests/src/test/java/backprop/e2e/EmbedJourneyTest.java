package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A course page on another origin (localhost, while the playground is 127.0.0.1) embeds a saved
 * experiment, hears its events and drives it with postMessage; the main page refuses framing.
 */
class EmbedJourneyTest {
    private static ProductServer server;
    private static Playwright playwright;
    private static Browser browser;
    private static String experimentId;

    private BrowserContext context;
    private Page host;

    @BeforeAll
    static void startAndSave() throws Exception {
        server = ProductServer.start();
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
        String body = "{\"spec\":\"data=circle&n=200&layers=4:tanh\",\"title\":\"Circle for the course\"}";
        HttpResponse<String> saved = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url("/api/experiments")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(201, saved.statusCode(), saved.body());
        Matcher id = Pattern.compile("\"id\":\"([0-9A-Za-z]{10})\"").matcher(saved.body());
        assertTrue(id.find(), saved.body());
        experimentId = id.group(1);
    }

    @AfterAll
    static void stopAll() throws Exception {
        browser.close();
        playwright.close();
        server.close();
    }

    @BeforeEach
    void newContext() {
        // The course page is fulfilled by the test, so Chromium does not count it as loopback: allow it to frame
        // 127.0.0.1.
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1000, 800)
                .setPermissions(List.of("local-network-access")));
        host = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** Serves a course page at http://localhost:{port}/course.html that frames {@code src} and records messages. */
    private void openCoursePage(String src) {
        String hostUrl = server.url("/course.html").replace("127.0.0.1", "localhost");
        String html = "<!doctype html><html><body><h1>Week 3</h1>"
                + "<iframe id=\"bp\" src=\"" + src + "\" width=\"720\" height=\"560\"></iframe>"
                + "<script>window.messages = []; window.addEventListener('message', function(e) {"
                + " if (e.data && typeof e.data.type === 'string') window.messages.push(e.data); });"
                + "function send(m) { document.getElementById('bp').contentWindow.postMessage(m, '*'); }</script>"
                + "</body></html>";
        host.route(
                hostUrl,
                (Route route) -> route.fulfill(
                        new Route.FulfillOptions().setContentType("text/html").setBody(html)));
        host.navigate(hostUrl);
    }

    private void waitForMessage(String condition) {
        host.waitForFunction(
                "() => window.messages.some(m => " + condition + ")",
                null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    @Test
    void aCoursePageEmbedsHearsEventsAndDrivesTheExperiment() {
        String src = server.url("/embed/" + experimentId + "?show=output&autoplay=1&epochs=50");
        openCoursePage(src);
        waitForMessage(
                "m.type === 'backprop:ready' && m.id === '" + experimentId + "' && m.spec.indexOf('data=circle') >= 0");
        waitForMessage("m.type === 'backprop:epoch' && m.epoch === 50");
        Object last =
                host.evaluate("() => window.messages.filter(m => m.type === 'backprop:epoch').slice(-1)[0].epoch");
        assertEquals(50, ((Number) last).intValue(), "training stopped at 50 and said so");
        Object rate = host.evaluate("() => window.messages.filter(m => m.type === 'backprop:epoch').length");
        assertTrue(((Number) rate).intValue() <= 60, "epoch events are rate-limited: " + rate);

        FrameLocator frame = host.frameLocator("#bp");
        assertThat(frame.getByTestId("epoch")).hasText("50");
        assertThat(frame.getByTestId("output")).isVisible();
        assertThat(frame.getByTestId("network")).isHidden();
        assertThat(frame.getByTestId("open-in-playground")).hasAttribute("href", "/e/" + experimentId);

        host.evaluate("() => send({type: 'backprop:play'})");
        waitForMessage("m.type === 'backprop:epoch' && m.epoch > 50");
        host.evaluate("() => send({type: 'backprop:pause'})");
        assertThat(frame.getByTestId("play")).hasAttribute("aria-pressed", "false");

        host.evaluate("() => send({type: 'backprop:load', spec: 'data=xor&layers=3:relu'})");
        assertThat(frame.getByTestId("epoch")).hasText("0");
        Frame embedded = host.frames().stream()
                .filter(f -> f.url().contains("/embed/"))
                .findFirst()
                .orElseThrow();
        assertTrue(((String) embedded.evaluate("() => location.hash")).contains("data=xor"));

        host.evaluate("() => send({type: 'backprop:load', spec: 'data=nope'})");
        waitForMessage("m.type === 'backprop:error' && m.message.indexOf('data') >= 0");
        host.evaluate("() => send({type: 'backprop:explode'})");
        waitForMessage("m.type === 'backprop:error' && m.message.indexOf('unknown message type') >= 0");
    }

    @Test
    void theMainPageInAnotherSitesFrameIsOnlyTheEmbed() {
        // Framed (Sec-Fetch-Dest: iframe), "/" answers the embed, as /embed does: no site header,
        // no Share; the full playground never renders inside another site's frame.
        openCoursePage(server.url("/"));
        FrameLocator frame = host.frameLocator("#bp");
        assertThat(frame.locator("body.embed")).hasCount(1);
        assertThat(frame.getByTestId("runtime")).hasText(Pattern.compile("^(wasm|js)$"));
        assertThat(frame.locator(".site-header")).hasCount(0);
        assertThat(frame.getByTestId("share")).isHidden();
    }
}
