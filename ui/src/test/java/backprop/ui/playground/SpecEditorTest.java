package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecLimits;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

class SpecEditorTest {
    private final Spec spiral = Spec.defaults();

    @Test
    void setsOneKeyAndRejectsValuesOutsideTheValidatorsRange() {
        assertEquals(0.1, SpecEditor.with(spiral, "lr", "0.1").lr());
        SpecException tooBig = assertThrows(SpecException.class, () -> SpecEditor.with(spiral, "batch", "5000"));
        assertEquals("batch", tooBig.problems().get(0).key());
        assertTrue(tooBig.problems().get(0).allowed().contains("2000"), tooBig.getMessage());
    }

    @Test
    void regressionDataBringsTheSquaredErrorLossAndOneOutput() {
        Spec plane = SpecEditor.withData(spiral, DatasetKind.PLANE, new Trainer(spiral).data());
        assertEquals(LossKind.MSE, plane.loss());
        assertEquals(1, plane.classes());
        Spec back = SpecEditor.withData(plane, DatasetKind.SPIRAL, new Trainer(plane).data());
        assertEquals(LossKind.SOFTMAX, back.loss());
        assertEquals(2, back.classes());
    }

    @Test
    void twoClassSetsDropTheClassChoiceAndBceFollowsClasses() {
        Spec four = SpecEditor.withClasses(spiral, 4);
        assertEquals(4, four.classes());
        Spec circle = SpecEditor.withData(four, DatasetKind.CIRCLE, new Trainer(four).data());
        assertEquals(2, circle.classes());
        Spec bce = SpecEditor.withLoss(circle, LossKind.BCE);
        Spec gauss = SpecEditor.withData(bce, DatasetKind.GAUSS, new Trainer(bce).data());
        assertEquals(LossKind.BCE, gauss.loss());
        assertEquals(LossKind.SOFTMAX, SpecEditor.withClasses(gauss, 3).loss());
    }

    @Test
    void clickingAddsCustomPointsRoundedToTwoDecimalsAndModifierClickRemovesTheNearest() {
        Spec custom = SpecEditor.addPoint(spiral, new Trainer(spiral).data(), 1.23456, -2.5, 1);
        assertEquals(DatasetKind.CUSTOM, custom.data());
        assertEquals(
                SpecLimits.MAX_CUSTOM_POINTS,
                custom.points().size(),
                "the spiral's points (499 of 500) and the new one");
        assertEquals(custom.points().size(), custom.n());
        var added = custom.points().get(custom.points().size() - 1);
        assertEquals(1.23, added.x1());
        assertEquals(-2.5, added.x2());
        assertEquals(1, added.label());
        Spec removed = SpecEditor.removePoint(custom, 1.3, -2.45);
        assertEquals(custom.points().size() - 1, removed.points().size());
        assertSame(removed, SpecEditor.removePoint(removed, 5.9, 5.9), "nothing near: unchanged");
        String text = SpecCodec.print(custom);
        assertTrue(text.contains("1.23,-2.5,1"), text);
    }

    @Test
    void theLastFeatureStaysOnAndSaysWhy() {
        Spec onlyX1 = SpecEditor.toggleFeature(spiral, Feature.X2, false);
        assertEquals(java.util.List.of(Feature.X1), onlyX1.features());
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> SpecEditor.toggleFeature(onlyX1, Feature.X1, false));
        assertEquals("features", ControlNotes.keyOf(refused.getMessage()));
        assertTrue(refused.getMessage().contains("at least one input feature"), refused.getMessage());
        assertEquals(
                java.util.List.of(Feature.X1, Feature.SINX2),
                SpecEditor.toggleFeature(onlyX1, Feature.SINX2, true).features());
    }

    @Test
    void changingALayersActivationKeepsItsBatchNorm() {
        Spec spec = SpecCodec.parseStrict("v=1&layers=8:relu:bn,4:tanh");
        Spec next = SpecEditor.withActivation(spec, 0, "elu");
        assertEquals(
                "8:elu:bn",
                next.layers().get(0).units() + ":" + next.layers().get(0).activationName()
                        + (next.layers().get(0).batchNorm() ? ":bn" : ""));
        assertTrue(SpecCodec.print(next).contains("layers=8:elu:bn,4:tanh"), SpecCodec.print(next));
    }
}
