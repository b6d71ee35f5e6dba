package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpecTuningAndPlaneTest {
    @Test
    void tuningChangesOnlyTheLearningRateAndLambda() {
        Spec spec = Spec.defaults();
        Spec tuned = spec.withTuning(0.3, 0.001);
        assertEquals(0.3, tuned.lr());
        assertEquals(0.001, tuned.lambda());
        assertEquals(
                SpecCodec.print(spec).replace("lr=0.03", "lr=0.3").replace("lambda=0", "lambda=0.001"),
                SpecCodec.print(tuned));
        assertTrue(spec.sameExceptTuning(tuned));
        assertTrue(spec.sameExceptTuning(spec));
        assertFalse(spec.sameExceptTuning(
                SpecCodec.parseStrict(SpecCodec.print(spec).replace("batch=10", "batch=11"))));
        assertFalse(spec.sameExceptTuning(
                SpecCodec.parseStrict(SpecCodec.print(spec).replace("seed=1", "seed=2"))));
    }

    @Test
    void thePlaneIsMinusSixToSixWithX2Upwards() {
        assertEquals(-6, Plane.x1At(0));
        assertEquals(6, Plane.x1At(1));
        assertEquals(6, Plane.x2At(0), "the top edge of a picture");
        assertEquals(-6, Plane.x2At(1));
        assertEquals(0, Plane.x1At(0.5));
        assertEquals(6, Plane.clamp(7.5));
        assertTrue(Plane.contains(-6, 6));
        assertFalse(Plane.contains(6.01, 0));
        assertEquals(Plane.MAX, SpecLimits.MAX_COORDINATE);
        assertEquals(Plane.MAX - Plane.MIN, Plane.SIZE);
    }

    @Test
    void keysAreLookedUpByOneLoop() {
        assertEquals(LossKind.SVM, Keyed.byKey(LossKind.values(), "svm"));
        assertEquals(Feature.SINX2, Feature.fromKey("sinx2"));
        assertNull(DatasetKind.fromKey("Spiral"), "keys are lowercase");
    }
}
