package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A course author makes a challenge from the playground; a student opens it in a fresh context,
 * finds the locks, changes what is allowed, reaches the goal, submits, and the attempt's page
 * shows it verified by the server, with the same fingerprint trained again in the browser.
 */
class ChallengeJourneyTest extends BrowserJourney {
    /** XOR without a hidden layer: only the product feature x1x2 separates it. */
    private static final String START = "v=1&data=xor&seed=3&features=x1,x2&layers=&lr=0.1";

    @Test
    void authorAStudentReachesTheGoalAndTheServerVerifiesItInWasm() {
        journey("wasm");
    }

    @Test
    void authorAStudentReachesTheGoalAndTheServerVerifiesItInJs() {
        journey("js");
    }

    private void journey(String runtime) {
        PlaygroundPage author = new PlaygroundPage(page).open(server.url("/?runtime=" + runtime + "#" + START));
        author.byTestId("challenge-create").click();
        author.byTestId("challenge-title-input").fill("XOR without a hidden layer (" + runtime + ")");
        author.byTestId("challenge-instructions-input")
                .fill("Pick the features so that one neuron separates XOR.\n\nBackground: https://example.org/xor");
        goalWithoutHiddenLayers(author, "testAccuracy", "atLeast", "0.95", "50");
        author.byTestId("challenge-limit-features").check();
        author.byTestId("challenge-feature-x1x2").check();

        // An impossible threshold is refused in the dialog, naming the field and the range.
        author.byTestId("challenge-threshold").fill("1.5");
        author.byTestId("challenge-preview").click();
        assertThat(author.byTestId("challenge-error")).containsText("goal.atLeast");
        assertThat(author.byTestId("challenge-error")).containsText("from 0 to 1");
        author.byTestId("challenge-threshold").fill("0.95");
        author.byTestId("challenge-preview").click();
        assertThat(author.byTestId("challenge-error")).isHidden();
        assertThat(author.byTestId("challenge-preview-area"))
                .containsText("Goal: test accuracy at least 0.95 by epoch 50");
        assertThat(author.byTestId("challenge-preview-area").locator("a[href='https://example.org/xor']"))
                .hasCount(1);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target", "screenshots", "challenge-dialog-" + runtime + ".png")));
        author.byTestId("challenge-save").click();
        assertThat(author.byTestId("challenge-link"))
                .hasValue(Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/c/[0-9A-Za-z]{10}$"));
        String link = author.byTestId("challenge-link").inputValue();
        assertThat(author.byTestId("challenge-iframe")).hasValue(Pattern.compile(".*/embed/c/[0-9A-Za-z]{10}\".*"));

        // The student, in a fresh browser context.
        Page opened = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage student = new PlaygroundPage(opened).open(link + "?runtime=" + runtime);
        assertThat(student.runtime()).hasText(runtime);
        assertThat(student.byTestId("challenge-title")).hasText("XOR without a hidden layer (" + runtime + ")");
        assertThat(student.byTestId("challenge-instructions").locator("a"))
                .hasAttribute("href", "https://example.org/xor");
        assertThat(student.byTestId("challenge-status")).containsText("Not reached yet");
        assertThat(student.byTestId("lr")).isDisabled();
        assertThat(student.byTestId("lr")).hasAttribute("title", Pattern.compile("Locked by the challenge"));
        assertThat(student.byTestId("dataset-circle")).isDisabled();
        assertThat(student.byTestId("add-layer")).isDisabled();
        assertThat(student.byTestId("feature-sinx1")).isDisabled();

        int reachedAt = playTheProductFeatureToTheGoal(student);
        String status = student.byTestId("challenge-status").textContent();
        assertTrue(reachedAt <= 50, status);
        String challengeIdShown = link.substring(link.lastIndexOf('/') + 1);
        assertFirstOnTheServer(challengeIdShown, student.fragment(), reachedAt);

        student.byTestId("challenge-submit").click();
        Locator attemptLink = student.byTestId("challenge-attempt-link");
        assertThat(attemptLink).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(attemptLink).containsText("Verified: meets the goal.");
        String challengeId = link.substring(link.lastIndexOf('/') + 1);
        assertThat(attemptLink).hasAttribute("href", Pattern.compile("/c/" + challengeId + "/a/[0-9A-Za-z]{10}$"));
        String attemptUrl = attemptLink.getAttribute("href");

        // The attempt's page: verified on the server, and trained again here to the same bits.
        PlaygroundPage attempt = new PlaygroundPage(opened);
        opened.navigate(attemptUrl + "?runtime=" + runtime);
        assertThat(attempt.byTestId("attempt-verdict-text")).hasText("Verified: meets the goal at epoch " + reachedAt);
        assertThat(attempt.byTestId("attempt-verdict")).hasAttribute("data-meets-goal", "true");
        attempt.waitUntilPausedAt(reachedAt);
        assertEquals(attempt.byTestId("attempt-fingerprint").textContent(), attempt.fingerprint());
    }

    @Test
    void anEmbeddedChallengeTellsItsHostPageAboutTheGoal() throws Exception {
        String json =
                "{\"title\":\"Circle, one neuron\",\"spec\":\"v=1&data=circle&features=x1sq,x2sq&layers=&lr=0.1\","
                        + "\"locked\":[\"data\"],\"goal\":{\"metric\":\"trainAccuracy\",\"atLeast\":0.9,\"byEpoch\":40}}";
        String id = create(json);
        // A sandboxed frame's origin is opaque: Chromium asks before it reaches a loopback address.
        Page host = openPage(new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setPermissions(java.util.List.of("local-network-access")));
        String hostUrl = server.url("/course.html").replace("127.0.0.1", "localhost");
        String html = "<!doctype html><html><body><iframe id=\"bp\" sandbox=\"allow-scripts\" src=\""
                + server.url("/embed/c/" + id + "?autoplay=1")
                + "\" width=\"720\" height=\"700\"></iframe><script>window.messages = [];"
                + " window.addEventListener('message', function(e) { if (e.data && typeof e.data.type === 'string')"
                + " window.messages.push(e.data); });</script></body></html>";
        host.route(
                hostUrl,
                (Route route) -> route.fulfill(
                        new Route.FulfillOptions().setContentType("text/html").setBody(html)));
        host.navigate(hostUrl);
        try {
            host.waitForFunction(
                    "() => window.messages.some(m => m.type === 'backprop:goal' && m.reached === true"
                            + " && m.metric === 'trainAccuracy' && m.threshold === 0.9 && m.value >= 0.9 && m.epoch <= 40)",
                    null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError(
                    "no reached goal among " + host.evaluate("() => JSON.stringify(window.messages)"), e);
        }
        // In a sandboxed frame (origin null) Submit still reaches the server and reports the attempt.
        host.frameLocator("#bp").locator("[data-testid=challenge-submit]").click();
        host.waitForFunction(
                "() => window.messages.some(m => m.type === 'backprop:attempt' && m.meetsGoal === true"
                        + " && m.url.indexOf('/c/" + id + "/a/') > 0)",
                null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
    }

    /**
     * The epoch the page shows is the first the server finds: it verifies the goal met there and
     * not at the boundary before (the page checks every epoch boundary, not only those it draws).
     */
    private void assertFirstOnTheServer(String challengeId, String spec, int reachedAt) {
        if (reachedAt == 0) {
            return;
        }
        String before = attempt(challengeId, "{\"spec\":" + quote(spec) + ",\"epoch\":" + (reachedAt - 1) + "}");
        assertTrue(before.contains("\"meetsGoal\":false"), "epoch " + (reachedAt - 1) + ": " + before);
    }

    private String attempt(String challengeId, String body) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(server.url("/api/challenges/" + challengeId + "/attempts")))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 200, answer.body());
            return answer.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("the attempt could not be sent", e);
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** XOR on a grid of 40 imported points: label 1 where x1·x2 > 0. */
    private static String xorPoints() {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 40; i++) {
            double x1 = (i % 8) - 3.5;
            double x2 = (i / 8) * 1.5 - 4.25;
            csv.append(x1)
                    .append(',')
                    .append(x2)
                    .append(',')
                    .append(x1 * x2 > 0 ? 1 : 0)
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void aChallengeOnImportedPointsIsReachedAtTheServersFirstEpochAndVerifiedOnThem() {
        PlaygroundPage author = new PlaygroundPage(page).open(server.url("/?runtime=wasm#" + START));
        author.byTestId("import-text").fill(xorPoints());
        author.byTestId("import-paste").click();
        assertThat(author.byTestId("import-status")).containsText("Imported 40 points");
        assertTrue(author.fragment().contains("data=imported"), author.fragment());
        author.byTestId("challenge-create").click();
        author.byTestId("challenge-title-input").fill("XOR on imported points");
        // The test loss falls steadily on these points: at most 0.1 first holds near epoch 29, while
        // Play trains to epoch 60 in a frame or two, so only a check at every epoch boundary finds it.
        goalWithoutHiddenLayers(author, "testLoss", "atMost", "0.1", "60");
        author.byTestId("challenge-save").click();
        assertThat(author.byTestId("challenge-link"))
                .hasValue(Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/c/[0-9A-Za-z]{10}$"));
        String link = author.byTestId("challenge-link").inputValue();
        String challengeId = link.substring(link.lastIndexOf('/') + 1);

        // The student sees the imported points: the page fetched them with the challenge.
        Page opened = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage student = new PlaygroundPage(opened).open(link + "?runtime=wasm");
        assertThat(student.byTestId("output")).hasAttribute("data-state-loaded", "true");
        assertTrue(student.fragment().contains("data=imported"), student.fragment());
        assertThat(student.byTestId("import-status")).containsText("40 points");
        assertThat(student.byTestId("import-paste")).isDisabled();
        assertThat(student.byTestId("import-drop")).isDisabled();
        int reachedAt = playTheProductFeatureToTheGoal(student);
        String status = student.byTestId("challenge-status").textContent();
        assertTrue(reachedAt > 1 && reachedAt < 60, status);
        assertFirstOnTheServer(challengeId, student.fragment(), reachedAt);
        opened.screenshot(new Page.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target", "screenshots", "challenge-imported-1280x800.png")));
        Page narrow = openPage(new Browser.NewContextOptions().setViewportSize(360, 740));
        narrow.navigate(link + "?runtime=wasm");
        assertThat(narrow.getByTestId("output")).hasAttribute("data-state-loaded", "true");
        narrow.screenshot(new Page.ScreenshotOptions()
                .setFullPage(true)
                .setPath(java.nio.file.Path.of("target", "screenshots", "challenge-imported-360.png")));

        student.byTestId("challenge-submit").click();
        Locator attemptLink = student.byTestId("challenge-attempt-link");
        assertThat(attemptLink).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(attemptLink).containsText("Verified: meets the goal.");
        String attemptUrl = attemptLink.getAttribute("href");

        PlaygroundPage attempt = new PlaygroundPage(opened);
        opened.navigate(attemptUrl + "?runtime=wasm");
        assertThat(attempt.byTestId("attempt-verdict-text")).hasText("Verified: meets the goal at epoch " + reachedAt);
        assertThat(attempt.byTestId("output")).hasAttribute("data-state-loaded", "true");
        attempt.waitUntilPausedAt(reachedAt);
        assertEquals(attempt.byTestId("attempt-fingerprint").textContent(), attempt.fingerprint());
    }

    /**
     * Generated data trains in the Web Worker, many epochs between two states the page draws: the
     * worker checks the goal at every epoch boundary and reports the first, which is the JVM's
     * first, and its exact figures make the claim the server accepts.
     */
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theTrainingWorkerReportsTheFirstEpochThatMeetsTheGoal(String runtime) {
        String spec = "v=1&data=xor&seed=3&features=x1x2&layers=&lr=0.003";
        Trainer reference = new Trainer(SpecCodec.parseStrict(spec));
        while (reference.epoch() < 60) {
            reference.stepEpoch();
        }
        double threshold = reference.evaluate().testLoss();
        Trainer loop = new Trainer(SpecCodec.parseStrict(spec));
        int first = -1;
        while (loop.epoch() < 200 && first < 0) {
            loop.stepEpoch();
            if (loop.evaluate().testLoss() <= threshold) {
                first = loop.epoch();
            }
        }
        assertTrue(first > 1, "first at " + first);
        String id = create("{\"title\":\"Worker " + runtime + "\",\"spec\":\"" + spec + "\",\"goal\":{\"metric\":"
                + "\"testLoss\",\"atMost\":" + threshold + ",\"byEpoch\":200}}");

        Page opened = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage student = new PlaygroundPage(opened).open(server.url("/c/" + id + "?runtime=" + runtime));
        assertThat(student.runtime()).hasAttribute("data-training", "worker");
        student.playButton().click();
        student.waitUntilPausedAt(200);
        assertThat(student.byTestId("challenge-status")).hasText("Goal reached at epoch " + first);
        assertFirstOnTheServer(id, student.fragment(), first);
        student.byTestId("challenge-submit").click();
        Locator attemptLink = student.byTestId("challenge-attempt-link");
        assertThat(attemptLink).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(attemptLink).containsText("Verified: meets the goal.");
    }

    private String create(String json) {
        try {
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url("/api/challenges")))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            return created.body().replaceAll(".*\"id\":\"([0-9A-Za-z]{10})\".*", "$1");
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("the challenge could not be created", e);
        }
    }

    /**
     * The student keeps only the product feature (one neuron separates XOR) and plays: Play runs
     * to the goal's epoch limit and pauses there. The epoch "Goal reached at epoch N" names.
     */
    private static int playTheProductFeatureToTheGoal(PlaygroundPage student) {
        student.byTestId("feature-x1x2").check();
        student.byTestId("feature-x1").uncheck();
        student.byTestId("feature-x2").uncheck();
        assertTrue(student.fragment().contains("features=x1x2&"), student.fragment());
        student.playButton().click();
        assertThat(student.byTestId("challenge-status"))
                .hasText(
                        Pattern.compile("^Goal reached at epoch \\d+$"),
                        new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        String status = student.byTestId("challenge-status").textContent();
        return Integer.parseInt(status.substring(status.lastIndexOf(' ') + 1));
    }

    /**
     * In the authoring dialog: the goal (metric, comparison, threshold, epoch limit), the learning
     * rate and the data locked, and no hidden layer allowed.
     */
    private static void goalWithoutHiddenLayers(
            PlaygroundPage author, String metric, String comparison, String threshold, String byEpoch) {
        author.byTestId("challenge-metric").selectOption(metric);
        author.byTestId("challenge-comparison").selectOption(comparison);
        author.byTestId("challenge-threshold").fill(threshold);
        author.byTestId("challenge-by-epoch").fill(byEpoch);
        author.byTestId("challenge-lock-lr").check();
        author.byTestId("challenge-lock-data").check();
        author.byTestId("challenge-max-layers").fill("0");
    }
}
