package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** The playground as a user sees it, by test id (DESIGN.md "Contracts"). */
final class PlaygroundPage {
    private static final Pattern HEX16 = Pattern.compile("^[0-9a-f]{16}$");

    private final Page page;

    PlaygroundPage(Page page) {
        this.page = page;
    }

    /** Opens a URL and waits until the client has started and drawn its first frame. */
    PlaygroundPage open(String url) {
        // A URL that differs only after '#' would not reload the page: start from a blank one.
        page.navigate("about:blank");
        page.navigate(url);
        assertThat(runtime()).hasText(Pattern.compile("^(wasm|js)$"));
        assertThat(fingerprintLocator()).hasText(HEX16);
        return this;
    }

    Locator byTestId(String id) {
        return page.getByTestId(id);
    }

    Locator runtime() {
        return byTestId("runtime");
    }

    Locator playButton() {
        return byTestId("play");
    }

    Locator fingerprintLocator() {
        return byTestId("fingerprint");
    }

    void play() {
        playButton().click();
        assertThat(playButton()).hasAttribute("aria-pressed", "true");
    }

    void pause() {
        playButton().click();
        assertThat(playButton()).hasAttribute("aria-pressed", "false");
    }

    void stepEpoch() {
        byTestId("step-epoch").click();
    }

    void reset() {
        byTestId("reset").click();
    }

    int epoch() {
        return Integer.parseInt(byTestId("epoch").textContent().trim());
    }

    int iteration() {
        return Integer.parseInt(byTestId("iteration").textContent().trim());
    }

    double testLoss() {
        return Double.parseDouble(byTestId("test-loss").textContent().trim());
    }

    double trainLoss() {
        return Double.parseDouble(byTestId("train-loss").textContent().trim());
    }

    String fingerprint() {
        return fingerprintLocator().textContent().trim();
    }

    /** Waits (without sleeping) until the epoch counter shows more than {@code epochs}. */
    void waitForEpochAbove(int epochs) {
        page.waitForFunction("n => Number(document.querySelector('[data-testid=\"epoch\"]').textContent) > n", epochs,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    /** Waits (without sleeping) until the shown test loss is below {@code loss}. */
    void waitForTestLossBelow(double loss) {
        page.waitForFunction("v => Number(document.querySelector('[data-testid=\"test-loss\"]').textContent) < v", loss,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    /** Waits until {@code ?epochs=N} training has paused at N. */
    void waitUntilPausedAt(int epochs) {
        assertThat(byTestId("epoch")).hasText(Integer.toString(epochs), new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(120_000));
        assertThat(playButton()).hasAttribute("aria-pressed", "false");
    }

    String fragment() {
        String hash = (String) page.evaluate("() => location.hash");
        return java.net.URLDecoder.decode(hash.startsWith("#") ? hash.substring(1) : hash,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    String mathChecksum() {
        return (String) page.evaluate("() => window.backprop.mathChecksum()");
    }
}
