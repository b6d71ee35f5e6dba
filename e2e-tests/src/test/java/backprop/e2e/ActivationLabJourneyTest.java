package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Activations;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Diagnostics;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The activation lab, end to end in WebAssembly GC and in JavaScript: the readouts are the
 * engine's numbers, a race finishes with the epochs-to-target the JVM computes, a race row opens
 * that run in the playground (same fingerprint), and the dying-ReLU demo kills units.
 */
class ActivationLabJourneyTest extends BrowserJourney {
    /** Small and quick; both relu and sigmoid reach loss 0.1 well inside 30 epochs. */
    private static final String SMALL_SPEC = "data=gauss&n=100&layers=4:tanh&lr=0.1";

    private static final double SMALL_TARGET = 0.1;
    /** A race that takes many seconds: 3000 epochs of 32×3 units on 1000 training points. */
    private static final String STOP_SPEC = "data=spiral&n=2000&layers=32:tanh,32:tanh,32:tanh&lr=0.01";

    private static final int SMALL_EPOCHS = 30;
    private static final int DYING_EPOCHS = 50;

    private ActivationsPage open(String runtime) {
        return open(runtime, "");
    }

    /** The lab in {@code runtime}, with more of the query ({@code "&worker=0"}) when given. */
    private ActivationsPage open(String runtime, String more) {
        ActivationsPage lab = new ActivationsPage(page).open(server.url("/activations?runtime=" + runtime + more));
        assertEquals(runtime, lab.runtime());
        return lab;
    }

    /** What the page plots for an activation at x: the engine's f, or the maxout card's example max(x, -x/2). */
    private static double expectedValue(Activation a, double x, boolean derivative) {
        if (a == Activation.MAXOUT) {
            return derivative ? (x >= -0.5 * x ? 1 : -0.5) : Math.max(x, -0.5 * x);
        }
        return derivative ? Activations.derivative(a, x) : Activations.value(a, x);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void everyCardReadsTheEnginesValuesAtTheLecturesPointsAndAnyOther(String runtime) {
        ActivationsPage lab = open(runtime);
        double[] xs = {-10, 0, 10};
        for (Activation a : Activation.builtIns()) {
            assertThat(lab.card(a.key())).isVisible();
            for (int i = 0; i < 3; i++) {
                for (String which : new String[] {"f", "df"}) {
                    double expected = expectedValue(a, xs[i], which.equals("df"));
                    assertEquals(
                            Double.doubleToLongBits(expected),
                            Double.doubleToLongBits(lab.readout(a.key(), which, i)),
                            a.key() + " " + which + "(" + xs[i] + ") in " + runtime);
                    double shown = lab.shownReadout(a.key(), which, i);
                    assertEquals(expected, shown, Math.abs(expected) * 1e-5 + 1e-300, "six significant digits");
                }
            }
        }
        // sigmoid's gradient at x = -10 and 10: killed (the lecture's point)
        assertTrue(lab.readout("sigmoid", "df", 0) < 1e-4 && lab.readout("sigmoid", "df", 2) < 1e-4);

        lab.setReadoutX(1, "2");
        assertThat(lab.readoutCell("relu", "f", 1)).hasText("2");
        for (Activation a : Activation.builtIns()) {
            assertEquals(expectedValue(a, 2, false), lab.readout(a.key(), "f", 1), a.key() + " at 2");
            assertEquals(expectedValue(a, 2, true), lab.readout(a.key(), "df", 1), a.key() + "' at 2");
        }
        lab.setReadoutX(1, "abc");
        assertThat(lab.byTestId("readout-error")).containsText("x2: \u201cabc\u201d is not allowed");
        assertThat(lab.byTestId("readout-x-1")).hasAttribute("aria-invalid", "true");

        lab.waitForCosts();
        for (Activation a : Activation.builtIns()) {
            if (a != Activation.MAXOUT) {
                assertThat(lab.byTestId("activation-" + a.key() + "-cost")).containsText("\u00d7 relu");
                double ns = Double.parseDouble(
                        lab.byTestId("activation-" + a.key() + "-cost").getAttribute("data-forward-ns"));
                assertTrue(ns > 0 && ns < 1e6, a.key() + ": " + ns + " ns per call");
            }
        }

        lab.byTestId("zigzag-reset").click();
        for (int k = 0; k < 12; k++) {
            lab.byTestId("zigzag-step").click();
        }
        assertThat(lab.byTestId("zigzag-steps")).hasText("12");
        assertThat(lab.byTestId("zigzag-positive-mixed")).hasText("0");
        assertTrue(
                Integer.parseInt(lab.byTestId("zigzag-centred-mixed").textContent()) > 0,
                "zero-mean inputs mix the signs");
    }

    @Test
    void aRaceOverThreeSeedsGivesTheMedianAndTheSpreadTheJvmComputes() {
        // On the page's own thread (?worker=0): the path taken where no worker starts.
        ActivationsPage lab = open("wasm", "&worker=0");
        lab.byTestId("race-seeds").selectOption("3");
        lab.startRace(SMALL_SPEC, List.of("relu"), Double.toString(SMALL_TARGET), Integer.toString(SMALL_EPOCHS));
        lab.waitRaceFinished();
        assertThat(lab.byTestId("race-status")).hasAttribute("data-training", "main");
        assertThat(lab.byTestId("runtime")).hasAttribute("data-training", "main");
        int seed = SpecCodec.parseStrict(SMALL_SPEC).seed();
        List<Integer> epochs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String seeded = SMALL_SPEC + "&seed=" + (seed + k);
            int e = epochsToTarget(withHidden(seeded, Activation.RELU), SMALL_TARGET, SMALL_EPOCHS);
            assertTrue(e > 0, "relu reaches the target on the JVM with seed " + (seed + k));
            epochs.add(e);
        }
        Collections.sort(epochs);
        assertThat(lab.byTestId("race-verdict"))
                .containsText("relu over 3 seeds: median " + epochs.get(1) + " epochs to the target (fastest "
                        + epochs.get(0) + ", slowest " + epochs.get(2) + ").");
        assertThat(lab.byTestId("race-table").locator("tbody tr")).hasCount(1);
    }

    /** The first epoch whose training loss is at or below the target, on the JVM, or -1. */
    private static int epochsToTarget(Spec spec, double target, int maxEpochs) {
        Trainer t = new Trainer(spec);
        if (t.evaluate().trainLoss() <= target) {
            return 0;
        }
        for (int e = 1; e <= maxEpochs; e++) {
            t.stepEpoch();
            if (t.evaluate().trainLoss() <= target) {
                return e;
            }
        }
        return -1;
    }

    /** The small spec with its hidden layer's activation replaced, as the race does it. */
    private static Spec withHidden(String spec, Activation activation) {
        String canonical = SpecCodec.print(SpecCodec.parseStrict(spec));
        return SpecCodec.parseStrict(canonical.replace("layers=4:tanh", "layers=4:" + activation.key()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aRaceOfReluAndSigmoidFinishesAndARowOpensThatRunInThePlayground(String runtime) {
        ActivationsPage lab = open(runtime).waitForWorkers();
        lab.startRace(
                SMALL_SPEC, List.of("relu", "sigmoid"), Double.toString(SMALL_TARGET), Integer.toString(SMALL_EPOCHS));
        lab.waitRaceFinished();
        assertThat(lab.byTestId("race-status")).hasAttribute("data-training", "worker");
        assertThat(lab.byTestId("race-table").locator("tbody tr")).hasCount(2);
        for (Activation a : new Activation[] {Activation.RELU, Activation.SIGMOID}) {
            assertThat(lab.raceRow(a.key())).isVisible();
            int expected = epochsToTarget(withHidden(SMALL_SPEC, a), SMALL_TARGET, SMALL_EPOCHS);
            assertTrue(expected > 0, a.key() + " reaches the target on the JVM");
            assertEquals(
                    Integer.toString(expected),
                    lab.raceEpochsToTarget(a.key()),
                    a.key() + " epochs to target in " + runtime);
            assertThat(lab.byTestId("race-epoch-" + a.key())).hasText(Integer.toString(SMALL_EPOCHS));
        }
        assertThat(lab.byTestId("race-verdict")).containsText("relu reached training loss");

        String fingerprint = lab.raceFingerprint("relu");
        assertTrue(fingerprint.matches("[0-9a-f]{16}"), fingerprint);
        String href = lab.raceLink("relu").getAttribute("href");
        String spec = SpecCodec.print(withHidden(SMALL_SPEC, Activation.RELU));
        assertEquals("/?epochs=" + SMALL_EPOCHS + "#" + spec, href);
        lab.raceLink("relu").click();
        page.waitForURL(Pattern.compile(".*/\\?epochs=" + SMALL_EPOCHS + "#.*"));
        PlaygroundPage playground = new PlaygroundPage(page);
        assertThat(playground.runtime()).hasText(Pattern.compile("^(wasm|js)$"));
        playground.waitUntilPausedAt(SMALL_EPOCHS);
        assertEquals(spec, playground.fragment());
        assertEquals(fingerprint, playground.fingerprint(), "the playground trains the same run, bit for bit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aHighLearningRateKillsReluUnitsButNotLeakyOnes(String runtime) {
        ActivationsPage lab = open(runtime).waitForWorkers();
        lab.startDying("0.5", Integer.toString(DYING_EPOCHS));
        lab.waitDyingFinished();
        assertThat(lab.byTestId("dying-status")).hasAttribute("data-training", "worker");
        int dead = lab.deadUnits("relu");
        assertTrue(dead > 0, "dead ReLU units: " + dead);
        assertEquals(dead, lab.offUnits("relu"), "a dead ReLU unit is one whose input is <= 0 on every point");
        // the same count as the engine's diagnostics on the JVM
        Spec relu =
                SpecCodec.parseStrict(lab.byTestId("dying-spec").textContent().trim());
        Trainer t = new Trainer(relu);
        for (int e = 0; e < DYING_EPOCHS; e++) {
            t.stepEpoch();
        }
        Diagnostics d = t.diagnostics();
        assertEquals(d.deadCount(0) + d.deadCount(1), dead);
        for (String name : new String[] {"leakyrelu", "prelu", "elu"}) {
            assertEquals(0, lab.deadUnits(name), name + " units never have zero gradient");
            assertThat(lab.byTestId("dying-row-" + name)).isVisible();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aRaceStoppedOnItsWorkerShowsTheStateEachRunStoppedOnAsTheJvmTrainsIt(String runtime) {
        ActivationsPage lab = open(runtime).waitForWorkers();
        // Slow enough (3 × 3000 epochs of a 32×3 network on 1000 training points) that the race is
        // surely still running when Stop is clicked.
        lab.startRace(STOP_SPEC, List.of("relu", "sigmoid", "elu"), "0.01", "3000");
        assertThat(lab.byTestId("race-status")).hasAttribute("data-training", "worker");
        // Stopped once every run is past epoch 5, mid-race.
        page.waitForFunction(
                "() => +document.querySelector('[data-testid=race-progress]').getAttribute('value') >= 5",
                null,
                new com.microsoft.playwright.Page.WaitForFunctionOptions()
                        .setTimeout(ActivationsPage.TRAINING_TIMEOUT_MS));
        lab.byTestId("race-stop").click();
        assertThat(lab.byTestId("race-status")).hasAttribute("data-state", "stopped");
        assertThat(lab.byTestId("race-status")).hasText(Pattern.compile("^Stopped at epoch \\d+ of 3000\\.$"));
        assertThat(lab.byTestId("race-start")).isEnabled();
        for (Activation a : new Activation[] {Activation.RELU, Activation.SIGMOID, Activation.ELU}) {
            int epoch = Integer.parseInt(
                    lab.byTestId("race-epoch-" + a.key()).textContent().trim());
            assertTrue(epoch >= 5 && epoch < 3000, a.key() + " stopped mid-race at epoch " + epoch);
            String canonical = SpecCodec.print(SpecCodec.parseStrict(STOP_SPEC));
            Trainer t = new Trainer(SpecCodec.parseStrict(canonical.replace(
                    "layers=32:tanh,32:tanh,32:tanh", "layers=32:" + a.key() + ",32:" + a.key() + ",32:" + a.key())));
            for (int e = 0; e < epoch; e++) {
                t.stepEpoch();
            }
            assertEquals(
                    t.fingerprint(), lab.raceFingerprint(a.key()), a.key() + " at epoch " + epoch + " in " + runtime);
        }
    }
}
