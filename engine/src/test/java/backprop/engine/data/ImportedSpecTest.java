package backprop.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

class ImportedSpecTest {
    private static final Dataset THREE_CLASSES =
            CsvImport.parse("x1,x2,label\n1,1,0\n-1,2,1\n0.5,-3,2\n2,2,0\n").dataset();
    private static final Dataset TARGETS =
            CsvImport.parse("x1,x2,target\n1,1,0.5\n-1,2,-1.25\n0.5,-3,2\n").dataset();

    @Test
    void carriedSpecKeepsTheNetworkAndSaysImported() {
        Spec spiral = SpecCodec.parseStrict("layers=4:relu&loss=bce&seed=7");
        Spec carried = ImportedSpec.carry(spiral, THREE_CLASSES);
        assertEquals(DatasetKind.GAUSS, carried.data());
        assertEquals(3, carried.classes());
        assertEquals(LossKind.SOFTMAX, carried.loss(), "bce needs 2 classes: the nearest valid loss");
        assertEquals(spiral.layers(), carried.layers());
        assertEquals(7, carried.seed());
        String text = ImportedSpec.print(carried);
        assertTrue(text.startsWith("v=1&data=imported&classes=3&"), text);
        assertTrue(ImportedSpec.namesImported(text));
        assertFalse(ImportedSpec.namesImported(SpecCodec.print(carried)));
        ParseResult back = ImportedSpec.parse(text, THREE_CLASSES);
        assertEquals(java.util.List.of(), back.problems());
        assertEquals(carried, back.spec());
    }

    @Test
    void regressionPointsRideOnPlaneWithMse() {
        Spec carried = ImportedSpec.carry(Spec.defaults(), TARGETS);
        assertEquals(DatasetKind.PLANE, carried.data());
        assertEquals(LossKind.MSE, carried.loss());
        assertEquals(
                carried,
                ImportedSpec.parse(ImportedSpec.print(carried), TARGETS).spec());
        new Trainer(carried, TARGETS).stepEpoch();
    }

    @Test
    void withoutThePointsTheTextSaysWhereTheyAre() {
        String text = ImportedSpec.print(ImportedSpec.carry(Spec.defaults(), THREE_CLASSES));
        ParseResult parsed = ImportedSpec.parse(text, null);
        assertEquals(Spec.defaults().data(), parsed.spec().data());
        assertEquals("data", parsed.problems().get(0).key());
        assertTrue(
                parsed.problems().get(0).message().contains("not in the address"),
                parsed.problems().toString());
    }

    @Test
    void pointsThatDoNotFitAreAProblem() {
        String text = ImportedSpec.print(ImportedSpec.carry(Spec.defaults(), TARGETS));
        assertFalse(ImportedSpec.parse(text, THREE_CLASSES).problems().isEmpty());
        String twoClasses = ImportedSpec.print(ImportedSpec.carry(
                Spec.defaults(), CsvImport.parse("1,1,0\n2,2,1\n").dataset()));
        assertFalse(ImportedSpec.parse(twoClasses, THREE_CLASSES).problems().isEmpty());
    }

    @Test
    void resumedOnImportedPointsContinuesBitForBit() {
        Spec carried = ImportedSpec.carry(Spec.defaults(), THREE_CLASSES);
        Trainer straight = new Trainer(carried, THREE_CLASSES);
        Trainer first = new Trainer(carried, THREE_CLASSES);
        for (int e = 0; e < 3; e++) {
            straight.stepEpoch();
            first.stepEpoch();
        }
        Trainer resumed = Trainer.resume(carried, THREE_CLASSES, first.snapshot());
        straight.stepEpoch();
        resumed.stepEpoch();
        assertEquals(straight.fingerprint(), resumed.fingerprint());
    }
}
