package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Layer;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Diagnostics;
import backprop.engine.train.Trainer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Playground part 2: inside the network, with numbers that match the engine's. */
class NetworkViewJourneyTest extends BrowserJourney {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void screenshotsFolder() throws Exception {
        Files.createDirectories(SCREENSHOTS);
    }

    /** Phone widths get touch, as a phone has. */
    private Page newPage(int width, int height) {
        return openPage(
                new Browser.NewContextOptions().setViewportSize(width, height).setHasTouch(width < 600));
    }

    private static Trainer trainedOnJvm(String spec, int epochs) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(spec));
        while (trainer.epoch() < epochs) {
            trainer.stepEpoch();
        }
        return trainer;
    }

    @Test
    void everyUnitIsANamedNeuronAndHoveringAnEdgeShowsTheEnginesWeight() {
        String spec = "data=circle&layers=6:tanh,4:relu&n=200";
        int epochs = 30;
        Page page = newPage(1280, 800);
        PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/?epochs=" + epochs + "#" + spec));
        playground.waitUntilPausedAt(epochs);
        Trainer jvm = trainedOnJvm(spec, epochs);
        assertEquals(jvm.fingerprint(), playground.fingerprint());

        Locator neurons = page.locator("[data-testid^='neuron-']");
        assertThat(neurons).hasCount(2 + 6 + 4 + 2);
        for (int i = 0; i < neurons.count(); i++) {
            String name = neurons.nth(i).getAttribute("aria-label");
            assertTrue(name != null && !name.isBlank(), "neuron " + i + " has an accessible name");
        }
        assertThat(playground.byTestId("neuron-1-2")).hasAttribute("aria-label", "Layer 1, neuron 3 (tanh)");

        // The edge from layer 1's first unit to layer 2's first unit, hovered at its middle.
        BoundingBox from = playground.byTestId("neuron-1-0").boundingBox();
        BoundingBox to = playground.byTestId("neuron-2-0").boundingBox();
        double x = (from.x + from.width + to.x) / 2;
        double y = (from.y + from.height / 2 + to.y + to.height / 2) / 2;
        page.mouse().move(x, y);
        Locator readout = playground.byTestId("network-readout");
        assertThat(readout).containsText("Weight Layer 1, neuron 1");
        Layer layer2 = jvm.network().layer(1);
        double weight = jvm.network().parameters()[layer2.weightOffset()];
        assertEquals(Double.toString(weight), readout.getAttribute("data-weight"), readout.textContent());
        Diagnostics diagnostics = jvm.diagnostics();
        assertEquals(
                Double.toString(diagnostics.gradient()[layer2.weightOffset()]), readout.getAttribute("data-gradient"));

        playground.byTestId("neuron-2-1").hover();
        assertThat(readout).containsText("Layer 2, neuron 2 (relu): value");
        assertThat(readout).containsText("dL/da");
        assertThat(playground.byTestId("loss-chart")).isVisible();

        // Explain a first-layer neuron in the backprop explorer: the same value at the same point.
        playground.byTestId("neuron-1-0").hover();
        assertThat(playground.byTestId("explain-neuron")).isVisible();
        String href = playground.byTestId("explain-neuron").getAttribute("href");
        assertTrue(href.startsWith("/graph?expr=tanh(w0*x0+w1*x1+b)"), href);
        double neuronValue = jvm.valuesAt(0, 0)[0][0];
        Page explorer = watchConsole(page.context().newPage());
        explorer.navigate(server.url(href));
        assertThat(explorer.getByTestId("graph-value")).not().hasText("\u2013");
        double graphValue =
                Double.parseDouble(explorer.getByTestId("graph-value").getAttribute("data-value"));
        assertEquals(neuronValue, graphValue, 1e-5, "the explorer computes the neuron's value");
        explorer.close();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("playground-1280x800.png"))
                .setFullPage(true));
    }

    @Test
    void aHighLearningRateKillsReluUnitsAndTheCountShowsThem() {
        String spec = "data=spiral&layers=16:relu,16:relu&lr=3&init=he&batch=5";
        int epochs = 5;
        Trainer jvm = trainedOnJvm(spec, epochs);
        Diagnostics diagnostics = jvm.diagnostics();
        int dead = 0;
        for (int l = 0; l < diagnostics.deadUnits().length; l++) {
            dead += diagnostics.deadCount(l);
        }
        assertTrue(dead > 0, "this spec kills units on the JVM");
        Page page = newPage(1280, 800);
        PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/?epochs=" + epochs + "#" + spec));
        playground.waitUntilPausedAt(epochs);
        assertThat(playground.byTestId("dead-units")).hasText(Integer.toString(dead));
    }

    @Test
    void thePhoneLayoutStacksWithoutHorizontalScrolling() {
        Page page = newPage(390, 844);
        PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/?epochs=20"));
        playground.waitUntilPausedAt(20);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertEquals(0, ((Number) overflow).intValue(), "the page does not scroll sideways");
        BoundingBox output = playground.byTestId("output").boundingBox();
        assertTrue(
                output.x >= 0 && output.x + output.width <= 390,
                "the output fits the width: " + output.x + "+" + output.width);
        BoundingBox controls = page.locator(".panel.data").boundingBox();
        assertTrue(output.y < controls.y, "the output comes before the controls");
        String before = playground.fragment();
        playground
                .byTestId("output")
                .tap(new Locator.TapOptions().setPosition(output.width * 0.75, output.height * 0.25));
        assertEquals(before, playground.fragment(), "a stray tap outside draw mode keeps the trained run");
        playground.byTestId("draw-mode").tap();
        playground
                .byTestId("output")
                .tap(new Locator.TapOptions().setPosition(output.width * 0.75, output.height * 0.25));
        assertTrue(
                playground.fragment().contains("data=custom"),
                "in draw mode a tap adds a point: " + playground.fragment());
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("playground-390x844.png"))
                .setFullPage(true));
    }
}
