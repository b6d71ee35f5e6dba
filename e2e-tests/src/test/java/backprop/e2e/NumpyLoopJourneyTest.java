package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.graph.GraphText;
import backprop.engine.loop.NumpyLoop;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lecture's numpy loop, stepped line by line in the browser: each line's shape and values,
 * the loss, the gradient checks, and in WebAssembly and JavaScript the losses the JVM computes.
 */
class NumpyLoopJourneyTest extends BrowserJourney {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private void open(Page on, String query) {
        on.navigate(server.url("/graph/loop" + query));
        assertThat(on.getByTestId("runtime")).hasText(Pattern.compile("^(wasm|js)$"));
        assertThat(on.getByTestId("loop-code-box")).hasAttribute("data-state", "ready");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aStudentStepsThroughTheLoopAndTheLossFallsAsOnTheJvm(String runtime) {
        open(page, "?runtime=" + runtime);
        assertThat(page.getByTestId("loop-last-line")).containsText("Nothing has run yet");
        page.getByTestId("loop-step").click();
        assertThat(page.getByTestId("loop-last-line")).containsText("line 9: h = 1 / (1 + np.exp(-x.dot(w1)))");
        assertThat(page.getByTestId("loop-last-shape")).hasText("(4, 5)");
        assertThat(page.locator("[data-testid=loop-code] li.ran")).hasAttribute("data-line", "9");
        page.getByTestId("loop-step").click();
        page.getByTestId("loop-step").click();
        NumpyLoop jvm = NumpyLoop.small(1);
        double first = jvm.runIterations(1);
        assertThat(page.getByTestId("loop-last-loss")).hasAttribute("title", GraphText.exact(first));
        assertThat(page.getByTestId("loop-last-line")).containsText("plain sum of squared errors");
        for (int k = 0; k < 2; k++) {
            page.getByTestId("loop-step").click();
        }
        assertThat(page.getByTestId("loop-last-shape")).hasText("(5, 2)");
        assertThat(page.getByTestId("loop-check-w2")).containsText("largest relative error");
        double w2Error = Double.parseDouble(
                page.getByTestId("loop-check-w2").textContent().replace("largest relative error ", ""));
        assertTrue(w2Error < 1e-6, "grad_w2 agrees with central differences: " + w2Error);
        page.getByTestId("loop-step").click();
        page.getByTestId("loop-step").click();
        assertThat(page.getByTestId("loop-jacobian")).isVisible();
        page.getByTestId("loop-iteration").click();
        assertThat(page.getByTestId("loop-t")).hasText("1");
        page.getByTestId("loop-run-100").click();
        assertThat(page.getByTestId("loop-t")).hasText("101");
        double loss101 = jvm.runIterations(100);
        assertThat(page.getByTestId("loop-loss")).hasAttribute("title", GraphText.exact(loss101));
        assertTrue(loss101 < first / 5, "the loss falls: " + first + " to " + loss101);
        page.getByTestId("loop-reset").click();
        assertThat(page.getByTestId("loop-t")).hasText("0");
        assertThat(page.getByTestId("loop-loss")).hasText("\u2013");
    }

    @Test
    void aBadSeedIsNamedWithItsRangeAndTheSeedIsInTheAddress() throws Exception {
        open(page, "");
        page.getByTestId("loop-seed").fill("abc");
        page.getByTestId("loop-seed").dispatchEvent("change");
        assertThat(page.getByTestId("loop-error"))
                .hasText("seed: \"abc\" is not allowed; allowed: a whole number from 0 to 2147483647");
        assertThat(page.getByTestId("loop-seed")).hasAttribute("aria-invalid", "true");
        page.getByTestId("loop-seed").fill("5");
        page.getByTestId("loop-seed").dispatchEvent("change");
        assertThat(page.getByTestId("loop-error")).isHidden();
        assertThat(page).hasURL(Pattern.compile("/graph/loop\\?seed=5$"));
        page.getByTestId("loop-iteration").click();
        assertThat(page.getByTestId("loop-loss"))
                .hasAttribute("title", GraphText.exact(NumpyLoop.small(5).runIterations(1)));
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("loop-1280x800.png"))
                .setFullPage(true));
        Page phone = openPage(new Browser.NewContextOptions().setViewportSize(360, 800));
        open(phone, "?seed=5");
        phone.getByTestId("loop-step").click();
        int scrollWidth = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertEquals(360, Math.max(360, scrollWidth), "no sideways scrolling at 360 px: " + scrollWidth);
        phone.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("loop-360.png"))
                .setFullPage(true));
    }
}
