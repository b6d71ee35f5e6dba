package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.graph.GraphText;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Diagnostics;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import backprop.ui.activations.Digits;
import backprop.ui.activations.PathProduct;
import backprop.ui.activations.Race;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The lab's lessons from issue 17, in the browser: a dying-ReLU demo whose fifth run is ReLU with
 * batch normalization and whose verdict comes from the runs' own numbers; per-layer gradient
 * norms, the product of local derivatives along a path and, with a penalty, data loss, λR and
 * total L in the race (why sigmoid is slow); activations in practice, the four criteria graded for
 * the composed activation, the search paper's functions as presets, PReLU's true formula.
 */
class LabLessonsJourneyTest extends BrowserJourney {
    private static final int DYING_EPOCHS = 50;
    private static final int SMALL_EPOCHS = 30;
    /** Two hidden layers and an L2 penalty: a path of three factors, and L's three parts. */
    private static final String RACE_SPEC = "data=gauss&n=100&layers=4:tanh,4:tanh&lr=0.1&reg=l2&lambda=0.001";

    private ActivationsPage open() {
        return new ActivationsPage(page).open(server.url("/activations"));
    }

    private static void shoot(com.microsoft.playwright.Locator section, String file) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            section.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(dir.resolve(file)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Trainer trained(Spec spec, int epochs) {
        Trainer t = new Trainer(spec);
        for (int e = 0; e < epochs; e++) {
            t.stepEpoch();
        }
        return t;
    }

    @Test
    void theDyingDemoRacesBatchNormAndSaysWhatTheRunsShow() {
        ActivationsPage lab = open();
        lab.startDying("0.5", Integer.toString(DYING_EPOCHS));
        lab.waitDyingFinished();
        assertThat(lab.byTestId("dying-table").locator("tbody tr")).hasCount(5);
        Spec base =
                SpecCodec.parseStrict(lab.byTestId("dying-spec").textContent().trim());
        for (String arm : new String[] {"relu", "relu:bn"}) {
            Diagnostics d =
                    trained(Race.withActivation(base, arm), DYING_EPOCHS).diagnostics();
            assertEquals(d.deadCount(0) + d.deadCount(1), lab.deadUnits(arm), arm + " as on the JVM");
        }
        assertThat(lab.byTestId("dying-verdict")).containsText("relu: " + lab.deadUnits("relu") + " of 16 units dead");
        assertThat(lab.byTestId("dying-verdict"))
                .containsText("Batch normalization (relu:bn): " + lab.deadUnits("relu:bn")
                        + (lab.deadUnits("relu:bn") == 1 ? " dead unit" : " dead units") + " against "
                        + lab.deadUnits("relu") + " without it.");
        assertThat(lab.byTestId("dying-relu")).not().containsText("so their units can recover");
        shoot(lab.byTestId("dying-relu"), "lab-dying.png");
    }

    @Test
    void theRaceShowsGradientNormsThePathProductAndTotalLossAsTheJvmComputesThem() {
        ActivationsPage lab = open();
        lab.startRace(RACE_SPEC, List.of("relu", "sigmoid"), "0.1", Integer.toString(SMALL_EPOCHS));
        lab.waitRaceFinished();
        assertThat(lab.byTestId("race-gradient-table").locator("tbody tr")).hasCount(2);
        for (String name : new String[] {"relu", "sigmoid"}) {
            Spec spec = Race.withActivation(SpecCodec.parseStrict(RACE_SPEC), name);
            Trainer t = trained(spec, SMALL_EPOCHS);
            double[] norms = t.diagnostics().gradientNorms();
            assertThat(lab.byTestId("race-gradient-ratio-" + name))
                    .hasText(GraphText.significant(norms[0] / norms[norms.length - 1], 2));
            // the product of local derivatives along the strongest path, at the first training point
            double[] x = t.data().trainX();
            int output = t.outputs() > 1 ? t.data().trainLabel()[0] : 0;
            PathProduct path = PathProduct.strongest(t.network(), t.featuresAt(x[0], x[1]), output);
            assertThat(lab.byTestId("race-path-product-" + name)).hasText(GraphText.significant(path.product(), 3));
            assertThat(lab.byTestId("race-path-" + name).locator("tbody tr")).hasCount(3);
            for (int l = 0; l < 3; l++) {
                assertThat(lab.byTestId("race-path-factor-" + name + "-" + (l + 1)))
                        .hasText(GraphText.significant(path.steps().get(l).factor(), 3));
            }
            // data loss, penalty and total L with reg=l2
            Metrics m = t.evaluate();
            assertThat(lab.byTestId("race-loss-" + name)).hasText(Digits.significant(m.trainLoss(), 4));
            assertThat(lab.byTestId("race-penalty-" + name)).hasText(Digits.significant(m.regularization(), 4));
            assertThat(lab.byTestId("race-total-" + name)).hasText(Digits.significant(m.totalLoss(), 4));
        }
        assertThat(lab.byTestId("race-path-point")).hasText(Pattern.compile("^\\(.+, .+\\)$"));
        assertThat(lab.byTestId("race-path-chart")).isVisible();
        assertThat(lab.byTestId("race-total-note")).containsText("\u03bb = 0.001");
        assertThat(lab.byTestId("race-table-head")).containsText("Total L");
        assertEquals(List.of(), AccessibilityJourneyTest.serious(page), "the finished race");
        assertThat(lab.byTestId("race-gradients").locator(".."))
                .containsText("\u03c3\u2032(z) = \u03c3(z)(1 \u2212 \u03c3(z)) \u2264 0.25");
        assertThat(page.locator("#race")).containsText("Krizhevsky, Sutskever and Hinton (2012)");
        shoot(page.locator("#race"), "lab-race.png");
    }

    @Test
    void theLabGradesTheComposedActivationAgainstTheFourCriteria() {
        ActivationsPage lab = open();
        assertThat(lab.byTestId("practice")).containsText("Use ReLU");
        assertThat(lab.byTestId("criteria").locator("li")).hasCount(4);
        assertThat(lab.byTestId("compose-criteria").locator("li")).hasCount(4);
        assertThat(lab.byTestId("compose-criteria")).containsText("Non-linear: yes");
        assertThat(lab.byTestId("compose-criteria")).containsText("ReLU's time per call in this browser");
        lab.byTestId("compose-preset-maxsigmoid").click();
        assertThat(lab.byTestId("compose-name")).hasText("max_x_sigmoid");
        lab.byTestId("compose-preset-sqrt").click();
        assertThat(lab.byTestId("compose-criteria"))
                .containsText("Differentiable almost everywhere: no, f or f\u2032 is undefined at");
        assertThat(lab.card("prelu")).containsText("f(x) = x for x > 0, a\u00b7x otherwise");
        assertThat(lab.card("gelu")).containsText("tanh approximation");
        shoot(lab.byTestId("practice"), "lab-practice.png");
    }
}
