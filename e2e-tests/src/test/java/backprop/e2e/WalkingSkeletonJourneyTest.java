package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.MathProbe;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.GoldenFingerprintsTest;
import backprop.engine.train.Trainer;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The walking skeleton, end to end: the packaged jar serves the page, the client trains in
 * WebAssembly GC (and in JavaScript), and every runtime agrees with the JVM bit for bit.
 */
class WalkingSkeletonJourneyTest extends BrowserJourney {
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void trainsTheDefaultSpiralInTheBrowser(String runtime) {
        PlaygroundPage playground =
                new PlaygroundPage(page).open(server.url(runtime.equals("wasm") ? "/" : "/?runtime=js"));
        assertThat(playground.runtime()).hasText(runtime);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play")))
                .isVisible();
        assertEquals(0, playground.epoch());
        assertEquals(
                SpecCodec.print(SpecCodec.parse("").spec()),
                playground.fragment(),
                "the address bar holds the canonical default spec");
        double startingTrainLoss = playground.trainLoss();
        String startingFingerprint = playground.fingerprint();

        // Training loss, not test loss: the default spiral's test loss dips below its start and
        // climbs again as it overfits, and with training in a worker the paused state is the
        // worker's newest, a little later than the last one drawn.
        playground.play();
        playground.waitForEpochAbove(50);
        playground.pause();

        assertTrue(playground.epoch() > 50);
        assertTrue(
                playground.trainLoss() < startingTrainLoss,
                "train loss " + playground.trainLoss() + " should fall below its start " + startingTrainLoss);
        assertTrue(!playground.fingerprint().equals(startingFingerprint), "the weights changed");

        playground.reset();
        assertThat(playground.byTestId("epoch")).hasText("0");
        assertThat(playground.fingerprintLocator()).hasText(startingFingerprint);

        playground.stepEpoch();
        assertThat(playground.byTestId("epoch")).hasText("1");
        assertThat(playground.byTestId("iteration")).hasText("25");
    }

    /** The same spec gives the same weights on the JVM (engine and `train`), in WASM and in JS. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "v=1&data=spiral&classes=2&n=500&noise=0&split=50&seed=1&features=x1,x2&layers=8:tanh,8:tanh&loss=softmax&opt=sgd&lr=0.03&batch=10&reg=none&lambda=0&init=xavier",
                "v=1&data=circle&classes=2&n=300&noise=10&split=70&seed=42&features=x1,x2,x1sq,x2sq&layers=6:relu,4:sigmoid&loss=softmax&opt=sgd&lr=0.1&batch=7&reg=l2&lambda=0.001&init=he"
            })
    void fingerprintsAgreeAcrossJvmWasmAndJs(String spec) throws Exception {
        int epochs = 200;
        Trainer jvm = new Trainer(SpecCodec.parseStrict(spec));
        while (jvm.epoch() < epochs) {
            jvm.stepEpoch();
        }
        String expected = jvm.fingerprint();

        ProductServer.CommandResult cli = ProductServer.run("train", spec, "--epochs", Integer.toString(epochs));
        assertEquals(0, cli.exitCode(), cli.stderr());
        assertTrue(cli.stdout().contains("\"fingerprint\":\"" + expected + "\""), cli.stdout());

        for (String runtime : List.of("wasm", "js")) {
            PlaygroundPage playground = new PlaygroundPage(page)
                    .open(server.url("/?runtime=" + runtime + "&epochs=" + epochs + "#" + spec));
            assertThat(playground.runtime()).hasText(runtime);
            playground.waitUntilPausedAt(epochs);
            assertEquals(expected, playground.fingerprint(), runtime + " fingerprint after " + epochs + " epochs");
        }
    }

    /** The engine's golden fingerprints (every activation, loss, optimizer, dataset) in each runtime. */
    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void goldenFingerprintsHoldInTheBrowser(String runtime) {
        List<String> wrong = new ArrayList<>();
        for (String[] golden : GoldenFingerprintsTest.GOLDEN) {
            PlaygroundPage playground = new PlaygroundPage(page)
                    .open(server.url("/?runtime=" + runtime + "&epochs=" + golden[1] + "#" + golden[0]));
            assertThat(playground.runtime()).hasText(runtime);
            playground.waitUntilPausedAt(Integer.parseInt(golden[1]));
            if (!golden[2].equals(playground.fingerprint())) {
                wrong.add(golden[0] + ": expected " + golden[2] + ", got " + playground.fingerprint());
            }
        }
        assertEquals(List.of(), wrong, "golden fingerprints in " + runtime);
    }

    @Test
    void deterministicMathIsBitIdenticalInEveryRuntime() {
        String jvm = MathProbe.checksum();
        for (String runtime : List.of("wasm", "js")) {
            PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/?runtime=" + runtime));
            assertThat(playground.runtime()).hasText(runtime);
            assertEquals(jvm, playground.mathChecksum(), "math checksum in " + runtime);
        }
    }

    @Test
    void anInvalidFragmentLoadsTheNearestValidSpecAndListsEveryProblem() {
        PlaygroundPage playground =
                new PlaygroundPage(page).open(server.url("/#data=spiral&lr=abc&layers=8:tanh,99:relu&seed=7&bogus=1"));
        assertThat(playground.byTestId("spec-errors")).isVisible();
        assertThat(playground.byTestId("spec-errors").locator("li")).hasCount(3);
        assertThat(playground.byTestId("spec-errors")).containsText("lr");
        assertThat(playground.byTestId("spec-errors")).containsText("layers");
        assertThat(playground.byTestId("spec-errors")).containsText("bogus");
        String fragment = playground.fragment();
        assertTrue(fragment.contains("seed=7"), "good keys stay: " + fragment);
        assertTrue(fragment.contains("lr=0.03"), "bad keys take their defaults: " + fragment);
        assertEquals(SpecCodec.canonical(fragment), fragment, "the fragment is rewritten canonically");
    }
}
