package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/** The session on imported points: import, edits that keep or drop them, undo, back/forward, a saved page. */
class ImportedSessionTest {
    private static final Dataset POINTS = CsvImport.parse("1.5,-2,0\n-1,1.25,1\n3,3,2\n0.1,0.2,0\n-4,-4,1\n2,-5.5,2\n")
            .dataset();

    private static PlaygroundSession session(Spec spec) {
        double[] now = {0};
        return new PlaygroundSession(spec, new FrameLoop(new Trainer(spec), () -> now[0]++));
    }

    @Test
    void importKeepsTheNetworkAndTheAddressSaysImported() {
        PlaygroundSession session = session(SpecCodec.parseStrict("layers=3:relu&seed=9"));
        PlaygroundSession.Change change = session.importDataset(POINTS);
        assertTrue(change.restarted() && change.dataChanged());
        assertSame(POINTS, session.dataset());
        assertSame(POINTS, session.trainer().imported());
        assertTrue(session.canonicalSpec().contains("&data=imported&classes=3&"), session.canonicalSpec());
        assertEquals(3, session.spec().layers().get(0).units());
        assertEquals(9, session.spec().seed());
        session.trainer().stepEpoch();
        session.reset();
        assertSame(POINTS, session.trainer().imported(), "Reset trains on the same points");
    }

    @Test
    void tuningKeepsThePointsAnotherDatasetDropsThem() {
        PlaygroundSession session = session(Spec.defaults());
        session.importDataset(POINTS);
        String imported = session.canonicalSpec();
        session.loadFragment(imported.replace("lr=0.03", "lr=0.1"));
        assertSame(POINTS, session.dataset(), "back/forward within imported points keeps them");
        session.loadFragment(Spec.DEFAULT_TEXT);
        assertNull(session.dataset());
        assertNull(session.trainer().imported());
        assertEquals(Spec.DEFAULT_TEXT, session.canonicalSpec());
    }

    @Test
    void undoBringsThePointsBack() {
        PlaygroundSession session = session(Spec.defaults());
        PlaygroundSession.Memento before = session.memento();
        session.importDataset(POINTS);
        session.trainer().stepEpoch();
        PlaygroundSession.Memento imported = session.memento();
        session.restore(before);
        assertNull(session.dataset());
        session.restore(imported);
        assertSame(POINTS, session.dataset());
        assertEquals(1, session.trainer().epoch());
    }

    @Test
    void dropDatasetGoesBackToGeneratedDataOfTheSameKind() {
        PlaygroundSession session = session(Spec.defaults());
        session.importDataset(POINTS);
        assertTrue(session.dropDataset().restarted());
        assertNull(session.trainer().imported());
        assertEquals(DatasetKind.GAUSS, session.spec().data());
        assertFalse(session.canonicalSpec().contains("imported"));
    }

    @Test
    void aSavedTextOnItsPointsOpensAndWithoutThemSaysWhere() {
        PlaygroundSession session = session(Spec.defaults());
        session.importDataset(POINTS);
        String saved = session.canonicalSpec();
        PlaygroundSession other = session(Spec.defaults());
        assertTrue(other.loadImported(saved, POINTS).problems().isEmpty());
        assertEquals(saved, other.canonicalSpec());
        assertEquals(session.trainer().fingerprint(), other.trainer().fingerprint());
        assertTrue(PlaygroundSession.messages(
                        PlaygroundSession.startingSpec(saved, "", false).problems())
                .get(0)
                .contains("not in the address"));
    }
}
