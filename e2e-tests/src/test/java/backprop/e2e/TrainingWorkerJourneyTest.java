package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import backprop.ui.text.Numbers;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Training in a Web Worker: the page plays on another core, and every pause is still the exact state. */
class TrainingWorkerJourneyTest extends BrowserJourney {
    private static final String SPEC = "data=xor&layers=6:tanh,4:tanh&n=200&batch=5&reg=l2&lambda=0.001";

    private static String fingerprintOnJvm(int epochs) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(SPEC));
        while (trainer.epoch() < epochs) {
            trainer.stepEpoch();
        }
        return trainer.fingerprint();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aWorkerTrainsTheRunAndAPauseThenAStepIsExact(String runtime) {
        Page page = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/?runtime=" + runtime + "#" + SPEC));
        assertThat(playground.runtime()).hasAttribute("data-training", "worker");
        playground.play();
        page.waitForFunction("() => Number(document.querySelector('[data-testid=\"epoch\"]').textContent) >= 40");
        playground.pause();
        int paused = playground.epoch();
        // The pause shows the worker's last state with the figures the worker measured on it: the
        // same as the JVM's at that very update (a pause can fall inside an epoch).
        Trainer jvm = new Trainer(SpecCodec.parseStrict(SPEC));
        int iteration = playground.iteration();
        while (jvm.iteration() < iteration) {
            jvm.stepBatch();
        }
        assertThat(playground.byTestId("fingerprint")).hasText(jvm.fingerprint());
        Metrics metrics = jvm.evaluate();
        assertThat(playground.byTestId("train-loss")).hasText(Numbers.fixed(metrics.trainLoss(), 4));
        assertThat(playground.byTestId("test-accuracy")).hasText(Numbers.fixed(metrics.testAccuracy(), 4));
        playground.stepEpoch();
        assertThat(playground.byTestId("epoch")).hasText(Integer.toString(paused + 1));
        assertEquals(fingerprintOnJvm(paused + 1), playground.fingerprint());

        // Played again from the stepped state, it goes on from there, and stops exactly where asked.
        playground.play();
        page.waitForFunction(
                "n => Number(document.querySelector('[data-testid=\"epoch\"]').textContent) >= n", paused + 20);
        playground.stepEpoch();
        assertThat(playground.playButton()).hasAttribute("aria-pressed", "false");
        int stepped = playground.epoch();
        assertEquals(fingerprintOnJvm(stepped), playground.fingerprint());

        // Paused on the worker's state, another lambda: the penalty and the total are the new
        // lambda's at once, not the worker's figures for the old one.
        playground.play();
        page.waitForFunction(
                "n => Number(document.querySelector('[data-testid=\"epoch\"]').textContent) >= n", stepped + 10);
        playground.pause();
        int pausedAt = playground.iteration();
        Trainer tuned = new Trainer(SpecCodec.parseStrict(SPEC));
        while (tuned.iteration() < pausedAt) {
            tuned.stepBatch();
        }
        assertThat(playground.byTestId("fingerprint")).hasText(tuned.fingerprint());
        playground.byTestId("lambda").selectOption("0.01");
        tuned.retune(tuned.spec().withTuning(tuned.spec().lr(), 0.01));
        Metrics retuned = tuned.evaluate();
        assertThat(playground.byTestId("regularization")).hasText(Numbers.fixed(retuned.regularization(), 4));
        assertThat(playground.byTestId("total-loss")).hasText(Numbers.fixed(retuned.totalLoss(), 4));
    }
}
