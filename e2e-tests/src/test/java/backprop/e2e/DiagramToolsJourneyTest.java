package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Layer;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network diagram read and changed by hand: named inputs, class-coloured outputs, a neuron's
 * map on the output, a weight set by clicking its edge (or from the keyboard in the weights
 * table) that the fingerprint and Share follow; and every refused value explained beside its
 * control. In both runtimes where it is cheap.
 */
class DiagramToolsJourneyTest extends BrowserJourney {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void screenshotsFolder() throws Exception {
        Files.createDirectories(SCREENSHOTS);
    }

    private static Trainer trainedOnJvm(String spec, int epochs) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(spec));
        while (trainer.epoch() < epochs) {
            trainer.stepEpoch();
        }
        return trainer;
    }

    /** The JVM's run with parameter k set to {@code value}, continued from the same state. */
    private static Trainer withWeight(Trainer trainer, int k, double value) {
        Snapshot s = trainer.snapshot();
        double[] params = s.params().clone();
        params[k] = value;
        return Trainer.resume(
                trainer.spec(),
                new Snapshot(
                        s.epoch(),
                        s.iteration(),
                        params,
                        s.optimizerState(),
                        s.position(),
                        s.lossHistory(),
                        s.runningStatistics()));
    }

    /** The canvas pixel (r, g, b) at canvas coordinates (x, y) of the diagram. */
    private static List<Integer> diagramPixel(Page page, double x, double y) {
        Object rgb = page.evaluate(
                "([x, y]) => { const c = document.querySelector('[data-testid=\"network\"]');"
                        + " const d = c.getContext('2d').getImageData(Math.round(x), Math.round(y), 1, 1).data;"
                        + " return [d[0], d[1], d[2]]; }",
                List.of(x, y));
        List<Integer> out = new ArrayList<>();
        for (Object v : (List<?>) rgb) {
            out.add(((Number) v).intValue());
        }
        return out;
    }

    /** Where a neuron's tile sits on the diagram's canvas: left, top and side in canvas units. */
    private static double[] tileOnCanvas(Page page, String testId) {
        Object box = page.evaluate(
                "id => { const b = document.querySelector('[data-testid=\"' + id + '\"]').dataset;"
                        + " const c = document.querySelector('[data-testid=\"network\"]');"
                        + " return [b.left * c.width / 100, b.top * c.height / 100, b.sizeX * c.width / 100]; }",
                testId);
        List<?> v = (List<?>) box;
        return new double[] {
            ((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue(), ((Number) v.get(2)).doubleValue()
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aClickedEdgeTakesAHandSetWeightThatTheFingerprintAndShareFollow(String runtime) {
        String spec = "data=xor&layers=4:tanh&n=100";
        int epochs = 5;
        PlaygroundPage playground =
                new PlaygroundPage(page).open(server.url("/?runtime=" + runtime + "&epochs=" + epochs + "#" + spec));
        assertThat(playground.runtime()).hasText(runtime);
        playground.waitUntilPausedAt(epochs);
        Trainer jvm = trainedOnJvm(spec, epochs);
        assertEquals(jvm.fingerprint(), playground.fingerprint());

        // Inputs named by their features; outputs framed in their class's colour; the marks explained.
        assertThat(playground.byTestId("input-name-0")).hasText("x₁");
        assertThat(playground.byTestId("input-name-1")).hasText("x₂");
        assertThat(playground.byTestId("neuron-2-1")).hasAttribute("aria-label", "Output 1 (softmax), class 1");
        double[] out0 = tileOnCanvas(page, "neuron-2-0");
        double[] out1 = tileOnCanvas(page, "neuron-2-1");
        assertEquals(List.of(0x00, 0x72, 0xB2), diagramPixel(page, out0[0] - 2.5, out0[1] + out0[2] / 2));
        assertEquals(List.of(0xE6, 0x9F, 0x00), diagramPixel(page, out1[0] - 2.5, out1[1] + out1[2] / 2));
        // The output's legend in the class colours (in JS too, where a script once lost them).
        assertEquals(
                "rgb(0, 114, 178)",
                page.evaluate("() => getComputedStyle(document.querySelector("
                        + "'[data-testid=\"output-legend\"] [data-arg=\"0\"] .dot')).backgroundColor"));
        assertThat(playground.byTestId("network-legend")).containsText("Orange border");
        assertThat(playground.byTestId("network-legend")).containsText("Slash");

        // Hovering a neuron shows its map on the output; leaving brings the network's output back.
        playground.byTestId("neuron-1-2").hover();
        assertThat(playground.byTestId("output")).hasAttribute("data-showing", "1:2");
        assertThat(playground.byTestId("output-showing")).containsText("Layer 1, neuron 3 (tanh)");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("diagram-neuron-map-" + runtime + "-1280x800.png")));
        page.mouse().move(5, 5);
        assertThat(playground.byTestId("output")).not().hasAttribute("data-showing", Pattern.compile(".*"));
        assertThat(playground.byTestId("output-showing")).isHidden();

        // Click the edge from layer 1's first unit to output 1, a third of the way along.
        BoundingBox from = playground.byTestId("neuron-1-0").boundingBox();
        BoundingBox to = playground.byTestId("neuron-2-1").boundingBox();
        double x0 = from.x + from.width;
        double y0 = from.y + from.height / 2;
        double x1 = to.x;
        double y1 = to.y + to.height / 2;
        page.mouse().move(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3);
        assertThat(playground.byTestId("network-readout")).containsText("click to set it");
        page.mouse().click(x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3);
        assertThat(playground.byTestId("weight-editor")).isVisible();
        assertThat(playground.byTestId("weight-name"))
                .hasText("Weight Layer 1, neuron 1 (tanh) \u2192 Output 1 (softmax)");
        Layer layer = jvm.network().layer(1);
        int k = layer.weightOffset() + 1 * layer.inputs() + 0;
        assertEquals(
                jvm.network().parameters()[k],
                Double.parseDouble(playground.byTestId("weight-input").inputValue()));
        assertThat(playground.byTestId("weight-input")).isFocused();

        // A bad value is refused beside the field, with the allowed range.
        playground.byTestId("weight-input").fill("abc");
        playground.keyboard().press("Enter");
        assertThat(playground.byTestId("weight-error")).containsText("allowed: a number from -100 to 100");
        assertThat(playground.byTestId("weight-input")).hasAttribute("aria-invalid", "true");
        assertEquals(jvm.fingerprint(), playground.fingerprint(), "nothing changed");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("diagram-weight-editor-" + runtime + "-1280x800.png"))
                .setFullPage(true));

        // A good one changes the state: the fingerprint is the JVM's with that weight.
        playground.byTestId("weight-input").fill("1.5");
        playground.keyboard().press("Enter");
        assertThat(playground.byTestId("weight-editor")).isHidden();
        String handSet = withWeight(jvm, k, 1.5).fingerprint();
        assertNotEquals(jvm.fingerprint(), handSet);
        assertThat(playground.fingerprintLocator()).hasText(handSet);
        assertThat(playground.byTestId("epoch")).hasText(Integer.toString(epochs));
        assertThat(playground.byTestId("weight-status")).containsText("set to 1.5 by hand");

        // Share must save the trained state now, and says why.
        playground.byTestId("share").click();
        assertThat(playground.byTestId("share-include-state")).isChecked();
        assertThat(playground.byTestId("share-include-state")).isDisabled();
        assertThat(playground.byTestId("share-state-reason")).containsText("set by hand");
        playground.byTestId("share-title").fill("XOR with a weight set by hand");
        playground.byTestId("share-save").click();
        assertThat(playground.byTestId("share-link")).hasValue(Pattern.compile("/e/[0-9A-Za-z]{10}$"));
        String link = playground.byTestId("share-link").inputValue();

        Page opened = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage reopened = new PlaygroundPage(opened);
        opened.navigate(link + "?runtime=" + runtime);
        assertThat(reopened.byTestId("output")).hasAttribute("data-state-loaded", "true");
        assertThat(reopened.fingerprintLocator()).hasText(handSet);
        // Continuing from it is the JVM's run continued with that weight.
        reopened.stepEpoch();
        Trainer continued = withWeight(jvm, k, 1.5);
        continued.stepEpoch();
        assertThat(reopened.fingerprintLocator()).hasText(continued.fingerprint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theKeyboardSkipsToTheOutputAndSetsAWeightFromTheTable(String runtime) {
        String spec = "data=xor&layers=3:tanh&n=100";
        Page checked = openPage(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setBypassCSP(true));
        PlaygroundPage playground = new PlaygroundPage(checked).open(server.url("/?runtime=" + runtime + "#" + spec));
        String fragment = playground.fragment();

        // The first Tab reaches the skip link; Enter moves the focus to the output, fragment untouched.
        playground.keyboard().press("Tab");
        assertThat(playground.byTestId("skip-to-output")).isFocused();
        assertThat(playground.byTestId("skip-to-output")).isVisible();
        playground.keyboard().press("Enter");
        assertThat(playground.byTestId("output")).isFocused();
        assertEquals(fragment, playground.fragment());

        // Focusing a neuron shows its map on the output, as hovering does.
        playground.byTestId("neuron-1-0").focus();
        assertThat(playground.byTestId("output")).hasAttribute("data-showing", "1:0");

        // The weights table, opened from the keyboard: every weight the engine's.
        checked.locator("[data-testid='weights'] summary").focus();
        playground.keyboard().press("Enter");
        Locator cell = playground.byTestId("weight-0-1-2");
        assertThat(cell).isVisible();
        Trainer jvm = trainedOnJvm(spec, 0);
        Layer first = jvm.network().layer(0);
        double w = jvm.network().parameters()[first.weightOffset() + 2 * first.inputs() + 1];
        assertThat(cell).hasText(String.format(java.util.Locale.ROOT, "%.3f", w));
        assertThat(cell).hasAttribute("aria-label", "Input x2 \u2192 Layer 1, neuron 3 (tanh)");

        cell.focus();
        // The focused weight is its edge: highlighted in the diagram, its exact numbers in the readout.
        assertThat(playground.byTestId("network-readout"))
                .containsText("Weight Input x2 \u2192 Layer 1, neuron 3 (tanh): w");
        assertThat(playground.byTestId("network-readout")).hasAttribute("data-weight", Double.toString(w));
        checked.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("diagram-weights-table-" + runtime + "-1280x800.png"))
                .setFullPage(true));
        playground.keyboard().press("Enter");
        assertThat(playground.byTestId("weight-input")).isFocused();
        playground.keyboard().press("Escape");
        assertThat(playground.byTestId("weight-editor")).isHidden();
        assertThat(cell).isFocused();

        playground.keyboard().press("Enter");
        playground.byTestId("weight-input").fill("-2");
        playground.keyboard().press("Enter");
        assertThat(playground.byTestId("weight-editor")).isHidden();
        assertThat(cell).isFocused();
        assertThat(cell).hasText("-2.000");
        assertThat(playground.byTestId("weight-status")).containsText("set to -2 by hand");
        Trainer handSet = withWeight(jvm, first.weightOffset() + 2 * first.inputs() + 1, -2);
        assertThat(playground.fingerprintLocator()).hasText(handSet.fingerprint());

        // With the table and the editor in the page: no serious or critical axe violation.
        playground.keyboard().press("Enter");
        assertThat(playground.byTestId("weight-editor")).isVisible();
        List<String> serious = new ArrayList<>();
        for (Rule violation : new AxeBuilder(checked).analyze().getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                serious.add(violation.getId() + ": " + violation.getHelp());
            }
        }
        assertEquals(List.of(), serious);
    }

    @Test
    void everyRefusedValueSaysWhyBesideItsControl() {
        Page phone = openPage(
                new Browser.NewContextOptions().setViewportSize(360, 800).setHasTouch(true));
        PlaygroundPage playground = new PlaygroundPage(phone).open(server.url("/#data=xor&layers=4:tanh"));

        playground.choose("batch", "0");
        assertThat(playground.byTestId("note-batch")).containsText("batch");
        assertThat(playground.byTestId("note-batch")).containsText("allowed");
        assertThat(playground.byTestId("batch")).hasValue("10");
        assertThat(playground.byTestId("batch")).hasAttribute("aria-invalid", "true");

        playground.choose("n", "5");
        assertThat(playground.byTestId("note-n")).containsText("2000");
        assertThat(playground.byTestId("note-batch")).hasCount(0);
        assertThat(playground.byTestId("n")).hasValue("500");

        playground.byTestId("feature-x2").uncheck();
        assertThat(playground.byTestId("note-n")).hasCount(0);
        playground.byTestId("feature-x1").click();
        assertThat(playground.byTestId("note-features")).containsText("at least one input feature");
        assertThat(playground.byTestId("feature-x1")).isChecked();
        assertTrue(playground.fragment().contains("features=x1&"), playground.fragment());
        Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no sideways scrolling with a note shown");
        phone.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("refused-value-note-360.png"))
                .setFullPage(true));

        playground.byTestId("dataset-plane").click();
        assertThat(playground.byTestId("classes")).isDisabled();
        assertThat(playground.byTestId("classes")).hasValue("1");
        playground.choose("loss", "softmax");
        assertThat(playground.byTestId("note-loss")).containsText("mse for data=plane");
        assertThat(playground.byTestId("loss")).hasValue("mse");

        // A layer at its limits says why its button does nothing.
        for (int i = 0; i < 2; i++) {
            playground.byTestId("layer-1-units-down").click();
            assertThat(playground.byTestId("layer-1-units")).hasText(Integer.toString(3 - i));
        }
        playground.byTestId("layer-1-units-down").click();
        assertThat(playground.byTestId("layer-1-units")).hasText("1");
        assertThat(playground.byTestId("layer-1-units-down")).isDisabled();
        assertThat(playground.byTestId("layer-1-units-down")).hasAttribute("title", "A layer has at least 1 unit");

        // The embed snippet's size out of range: noted beside the field, and what the HTML uses.
        playground.byTestId("share").click();
        playground.byTestId("share-title").fill("A plane");
        playground.byTestId("share-save").click();
        assertThat(playground.byTestId("share-iframe")).isVisible();
        playground.byTestId("share-width").fill("100");
        assertThat(playground.byTestId("note-share-width")).containsText("allowed: an integer from 320 to 2000");
        assertThat(playground.byTestId("share-iframe")).hasValue(Pattern.compile(".*width=\"320\".*", Pattern.DOTALL));
    }
}
