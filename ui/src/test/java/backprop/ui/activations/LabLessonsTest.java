package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Composition;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.ui.playground.FrameLoop;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's lessons, from measured numbers: GELU's approximation, the four criteria, dying ReLU, gradient norms. */
class LabLessonsTest {
    private static final FrameLoop.Clock CLOCK = () -> System.nanoTime() / 1e6;

    private static Race finished(String spec, List<String> activations, int epochs, boolean off) {
        Race race = new Race(new Race.Settings(SpecCodec.parseStrict(spec), activations, 0.01, epochs, off));
        while (!race.finished()) {
            race.advance(CLOCK, 1000);
        }
        return race;
    }

    @Test
    void gelusTanhApproximationIsWithinAThousandthOfTheExactForm() {
        GeluApproximation gap = GeluApproximation.largestDifference(-10, 10, 20_000);
        assertTrue(gap.difference() > 1e-5 && gap.difference() < 1e-3, "measured: " + gap.difference());
        assertEquals(0, GeluApproximation.approximate(0));
        assertEquals(10, GeluApproximation.approximate(10), 1e-12);
        assertTrue(gap.difference() < 5e-4, "below the 5e-4 usually quoted: " + gap.difference());
    }

    @Test
    void theFourCriteriaAreMeasuredNotAsserted() {
        List<String> swish = CriteriaGrade.grade(ActivationCatalog.composed(Composition.swish(1)), -10, 10, 2000, 2.5);
        assertTrue(swish.get(0).startsWith("Non-linear: yes"), swish.get(0));
        assertTrue(swish.get(1).startsWith("Differentiable almost everywhere: yes"), swish.get(1));
        assertEquals(
                "Simple to compute: yes, measured at 2.5\u00d7 ReLU's time per call in this browser (simple: at most 10\u00d7).",
                swish.get(2));
        List<String> relu = CriteriaGrade.grade(ActivationCatalog.byName("relu"), -10, 10, 2000, 1);
        assertTrue(relu.get(1).endsWith("f\u2032 jumps at 1."), relu.get(1));
        assertTrue(relu.get(3).startsWith("Non-saturating: no, |f\u2032| < 0.001 on 50"), relu.get(3));
        List<String> linear = CriteriaGrade.grade(ActivationCatalog.byName("linear"), -10, 10, 2000, Double.NaN);
        assertTrue(linear.get(0).startsWith("Non-linear: no"), linear.get(0));
        assertEquals("Simple to compute: not measured yet.", linear.get(2));
        Composition sqrt = Composition.parse("mul_sqrt_x").composition();
        List<String> root = CriteriaGrade.grade(ActivationCatalog.composed(sqrt), -10, 10, 2000, 1);
        assertTrue(root.get(0).startsWith("Non-linear: yes"), "measured where it is defined: " + root.get(0));
        assertTrue(
                root.get(1).startsWith("Differentiable almost everywhere: no, f or f\u2032 is undefined at 1001"),
                root.get(1));
    }

    @Test
    void theDyingVerdictTellsWhatTheRunsShowBatchNormIncluded() {
        Race race = finished(
                "data=spiral&layers=8:relu,8:relu&init=he&lr=0.5", List.of("relu", "prelu", "relu:bn"), 100, true);
        List<String> lines = DyingVerdict.describe(race);
        assertEquals(
                "relu: 11 of 16 units dead, 11 off on every training point; training accuracy 49.6 % (chance level).",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("prelu: 0 of 16 units dead"), lines.get(1));
        assertTrue(
                lines.contains("prelu has no dead unit, yet its network is at chance level: a unit that still passes a "
                        + "gradient can come back, but that alone does not make the network learn at this learning rate. "
                        + "Dead units are one way to fail, not the only one."),
                lines.toString());
        String bn = lines.get(lines.size() - 1);
        assertTrue(bn.startsWith("Batch normalization (relu:bn): 2 dead units against 11 without it."), bn);
        String rows = LabMarkup.dyingRows(race);
        assertTrue(rows.contains("data-testid=\"dying-row-relu:bn\""), rows);
    }

    @Test
    void gradientNormsShrinkTowardsTheInputWithSigmoidOnly() {
        Race race = finished(Spec.DEFAULT_TEXT, List.of("sigmoid", "tanh", "relu"), 10, false);
        double[] sigmoid = race.run("sigmoid").gradientNorms();
        double[] relu = race.run("relu").gradientNorms();
        assertEquals(3, sigmoid.length, "two hidden layers and the output");
        assertTrue(sigmoid[0] / sigmoid[2] < 0.5, "sigmoid: the first layer gets the smallest gradient");
        assertTrue(relu[0] / relu[2] > 0.5, "relu: no shrinking layer by layer");
        String table = LabMarkup.gradientNormTable(race);
        assertTrue(table.contains("data-testid=\"race-gradient-sigmoid\""), table);
        assertTrue(
                table.contains(
                        "<th scope=\"col\">layer 1</th><th scope=\"col\">layer 2</th><th scope=\"col\">output</th>"),
                table);
    }
}
