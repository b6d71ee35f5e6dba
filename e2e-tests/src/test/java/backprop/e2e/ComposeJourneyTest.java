package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.ComposedActivation;
import backprop.engine.spec.Composition;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Build your own activation: compose Swish in the lab, see it equal the built-in, race it beside
 * swish, train it in the playground, save the link and reopen it; a composition that is undefined
 * where the network sends it stops training with the divergence message.
 */
class ComposeJourneyTest extends BrowserJourney {
    private static final String SMALL_SPEC = "data=xor&n=200&layers=6:tanh&lr=0.1";
    private static final String SWISH = "sigmul_bx_x_1";
    private static final int EPOCHS = 5;

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void composeSwishRaceItTrainItSaveItAndReopenIt(String runtime) {
        ActivationsPage lab = new ActivationsPage(page).open(server.url("/activations?runtime=" + runtime));
        assertEquals(runtime, lab.runtime());

        // Somewhere else in the space first, then Swish by hand: b = σ(x1)·x2, u1 = βx, u2 = x, β = 1.
        lab.compose("mul", "x", "sigmoid", null);
        assertThat(lab.byTestId("compose-name")).hasText("mul_x_sigmoid");
        assertThat(lab.byTestId("compose-beta")).isDisabled();
        assertThat(lab.byTestId("compose-beta-note")).containsText("unused");
        lab.compose("sigmul", "bx", "x", "1");
        assertThat(lab.byTestId("compose-name")).hasText(SWISH);
        assertThat(lab.byTestId("compose-beta")).isEnabled();

        // Its curve is the built-in's: the page says so for every plotted x, and the readouts agree bit for bit.
        assertThat(lab.byTestId("compose-match")).hasAttribute("data-builtin", "swish");
        assertThat(lab.byTestId("compose-undefined")).hasAttribute("data-state", "defined");
        double[] xs = {-10, 0, 10};
        for (int i = 0; i < 3; i++) {
            for (String which : new String[] {"f", "df"}) {
                double shown = lab.composeReadout(which, i);
                assertEquals(
                        Double.doubleToLongBits(lab.readout("swish", which, i)),
                        Double.doubleToLongBits(shown),
                        which + "(" + xs[i] + ") in " + runtime);
                double jvm = which.equals("f")
                        ? ComposedActivation.value(Composition.swish(1), xs[i])
                        : ComposedActivation.derivative(Composition.swish(1), xs[i]);
                assertEquals(Double.doubleToLongBits(jvm), Double.doubleToLongBits(shown), "the JVM's bits");
            }
        }

        // A bad β names the field and the range, and blocks "use" until fixed.
        lab.byTestId("compose-beta").fill("abc");
        assertThat(lab.byTestId("compose-error"))
                .containsText("\u03b2: \u201cabc\u201d is not allowed; allowed: a number from -10 to 10");
        assertThat(lab.byTestId("compose-beta")).hasAttribute("aria-invalid", "true");
        assertThat(lab.byTestId("compose-use")).isDisabled();
        lab.byTestId("compose-beta").fill("1");
        assertThat(lab.byTestId("compose-error")).isHidden();

        // The √x preset: undefined for x < 0, said and shaded.
        lab.byTestId("compose-preset-sqrt").click();
        assertThat(lab.byTestId("compose-undefined")).hasAttribute("data-state", "undefined");
        assertThat(lab.byTestId("compose-undefined")).containsText("x from -10 to 0");
        lab.byTestId("compose-preset-swish").click();
        assertThat(lab.byTestId("compose-name")).hasText(SWISH);

        // Use it: a race checkbox beside the built-ins, and the playground link.
        lab.byTestId("race-spec").fill(SMALL_SPEC);
        lab.byTestId("compose-use").click();
        assertThat(lab.byTestId("race-act-" + SWISH)).isChecked();
        String spec = SpecCodec.print(SpecCodec.parseStrict(SMALL_SPEC.replace("6:tanh", "6:" + SWISH)));
        assertThat(lab.byTestId("compose-open")).isVisible();
        assertThat(lab.byTestId("compose-open")).hasAttribute("href", "/#" + spec);

        // The race: the composed Swish trains exactly like the built-in one.
        lab.startRace(SMALL_SPEC, List.of("swish", SWISH), "0.3", "30");
        lab.waitRaceFinished();
        assertThat(lab.raceRow(SWISH)).isVisible();
        assertEquals(lab.raceFingerprint("swish"), lab.raceFingerprint(SWISH), "same run, bit for bit");

        // Open it in the playground: the layer's select shows the composition; train; save; reopen.
        lab.byTestId("compose-open").click();
        page.waitForURL(Pattern.compile(".*/#.*" + SWISH + ".*"));
        PlaygroundPage playground = new PlaygroundPage(page);
        assertThat(playground.runtime()).hasText(Pattern.compile("^(wasm|js)$"));
        assertThat(playground.fingerprintLocator()).hasText(Pattern.compile("^[0-9a-f]{16}$"));
        assertThat(playground.byTestId("layer-1-activation")).hasValue(SWISH);
        assertEquals(spec, playground.fragment());
        for (int e = 1; e <= EPOCHS; e++) {
            playground.stepEpoch();
            assertThat(playground.byTestId("epoch")).hasText(Integer.toString(e));
        }
        Trainer jvm = new Trainer(SpecCodec.parseStrict(spec));
        for (int e = 0; e < EPOCHS; e++) {
            jvm.stepEpoch();
        }
        String trained = playground.fingerprint();
        assertEquals(jvm.fingerprint(), trained, "the browser trains the composed activation as the JVM does");

        playground.byTestId("share").click();
        assertThat(playground.byTestId("share-include-state")).isChecked();
        playground.byTestId("share-title").fill("My own Swish");
        playground.byTestId("share-save").click();
        assertThat(playground.byTestId("share-link"))
                .hasValue(Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/e/[0-9A-Za-z]{10}$"));
        String link = playground.byTestId("share-link").inputValue();
        playground.byTestId("share-close").click();

        Page opened = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage reopened = new PlaygroundPage(opened);
        opened.navigate(link + "?runtime=" + runtime);
        assertThat(reopened.byTestId("output")).hasAttribute("data-state-loaded", "true");
        assertThat(reopened.byTestId("epoch")).hasText(Integer.toString(EPOCHS));
        assertThat(reopened.fingerprintLocator()).hasText(trained);
        assertThat(reopened.byTestId("layer-1-activation")).hasValue(SWISH);
        assertTrue(reopened.fragment().contains("layers=6:" + SWISH + "&"), reopened.fragment());
        // More units keep the composed activation.
        reopened.byTestId("layer-1-units-up").click();
        assertThat(reopened.byTestId("layer-1-units")).hasText("7");
        assertThat(reopened.byTestId("layer-1-activation")).hasValue(SWISH);
        assertTrue(reopened.fragment().contains("layers=7:" + SWISH + "&"), reopened.fragment());
    }

    @Test
    void aCompositionUndefinedWhereTheNetworkGoesStopsWithTheDivergenceMessage() {
        PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/#data=xor&layers=4:mul_sqrt_x"));
        assertThat(playground.byTestId("layer-1-activation")).hasValue("mul_sqrt_x");
        playground.stepEpoch();
        assertThat(playground.byTestId("status")).containsText("Training diverged at epoch 0");
        assertThat(playground.byTestId("status")).containsText("composed activation");
        assertThat(playground.byTestId("epoch")).hasText("0");
    }
}
