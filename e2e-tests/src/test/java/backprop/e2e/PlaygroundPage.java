package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Keyboard;
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

    Page page() {
        return page;
    }

    Locator byTestId(String id) {
        return page.getByTestId(id);
    }

    Keyboard keyboard() {
        return page.keyboard();
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
        page.waitForFunction(
                "n => Number(document.querySelector('[data-testid=\"epoch\"]').textContent) > n",
                epochs,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    /** Waits until {@code ?epochs=N} training has paused at N. */
    void waitUntilPausedAt(int epochs) {
        assertThat(byTestId("epoch"))
                .hasText(
                        Integer.toString(epochs),
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
        assertThat(playButton()).hasAttribute("aria-pressed", "false");
    }

    String fragment() {
        String hash = (String) page.evaluate("() => location.hash");
        return java.net.URLDecoder.decode(
                hash.startsWith("#") ? hash.substring(1) : hash, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Picks a value in a labelled select or number input by its test id (fires change). */
    void choose(String testId, String value) {
        Locator control = byTestId(testId);
        if ("SELECT".equals(control.evaluate("e => e.tagName"))) {
            control.selectOption(value);
        } else {
            control.fill(value);
            control.dispatchEvent("change");
        }
    }

    void stepBatch() {
        byTestId("step-batch").click();
    }

    /** Clicks the output canvas at input-plane coordinates (x1, x2) in [-6, 6]. */
    void clickOutput(double x1, double x2, boolean remove) {
        Locator canvas = byTestId("output");
        // Playwright's position is relative to the padding box, which is the canvas's client box.
        double width = ((Number) canvas.evaluate("c => c.clientWidth")).doubleValue();
        double height = ((Number) canvas.evaluate("c => c.clientHeight")).doubleValue();
        double x = (x1 + 6) / 12 * width;
        double y = (6 - x2) / 12 * height;
        Locator.ClickOptions options = new Locator.ClickOptions().setPosition(x, y);
        if (remove) {
            options.setModifiers(java.util.List.of(com.microsoft.playwright.options.KeyboardModifier.SHIFT));
        }
        canvas.click(options);
    }

    /** How many of the class colours appear as point centres on the output (exact palette pixels). */
    int classColoursOnOutput() {
        Object n = page.evaluate("() => {"
                + " const c = document.querySelector('[data-testid=\"output-points\"]');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " const palette = [[0x00,0x72,0xB2],[0xE6,0x9F,0x00],[0x00,0x9E,0x73],[0xCC,0x79,0xA7],[0x56,0xB4,0xE9],[0xD5,0x5E,0x00]];"
                + " const counts = palette.map(() => 0);"
                + " for (let i = 0; i < d.length; i += 4) palette.forEach((p, k) => {"
                + "   if (d[i] === p[0] && d[i+1] === p[1] && d[i+2] === p[2]) counts[k]++; });"
                + " return counts.filter(x => x >= 20).length; }");
        return ((Number) n).intValue();
    }

    /** True when the fragment's custom points hold one of {@code label} within 0.05 of (x1, x2). */
    boolean hasPointNear(double x1, double x2, int label) {
        String fragment = fragment();
        int at = fragment.indexOf("points=");
        if (at < 0) {
            return false;
        }
        for (String triple : fragment.substring(at + 7).split(";")) {
            String[] p = triple.split(",");
            if (Math.abs(Double.parseDouble(p[0]) - x1) < 0.05
                    && Math.abs(Double.parseDouble(p[1]) - x2) < 0.05
                    && Integer.parseInt(p[2]) == label) {
                return true;
            }
        }
        return false;
    }

    String mathChecksum() {
        return (String) page.evaluate("() => window.backprop.mathChecksum()");
    }
}
