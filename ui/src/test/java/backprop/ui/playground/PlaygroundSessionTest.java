package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every transition of the playground's state machine, on the JVM. */
class PlaygroundSessionTest {
    private static PlaygroundSession session(Spec spec) {
        double[] now = {0};
        return new PlaygroundSession(spec, new FrameLoop(new Trainer(spec), () -> now[0]++));
    }

    @Test
    void changingOnlyTheLearningRateKeepsTrainingTheSameRunAndMarksItTuned() {
        PlaygroundSession s = session(Spec.defaults());
        s.loop().stepEpoch();
        Trainer running = s.trainer();
        PlaygroundSession.Change change = s.edit(spec -> SpecEditor.with(spec, "lr", "0.1"));
        assertTrue(change.changed());
        assertFalse(change.restarted(), "lr keeps training");
        assertSame(running, s.trainer());
        assertEquals(0.1, s.trainer().spec().lr());
        assertTrue(s.tunedMidRun(), "the spec alone no longer reproduces this run");
        assertTrue(s.canonicalSpec().contains("&lr=0.1&"));
    }

    @Test
    void anyOtherEditStartsOverFromEpochZero() {
        PlaygroundSession s = session(Spec.defaults());
        s.loop().stepEpoch();
        PlaygroundSession.Change change = s.edit(spec -> SpecEditor.with(spec, "batch", "20"));
        assertTrue(change.restarted());
        assertEquals(0, s.trainer().epoch());
        assertEquals(20, s.spec().batch());
        assertFalse(s.tunedMidRun());
    }

    @Test
    void aRejectedEditChangesNothingAndSaysWhy() {
        PlaygroundSession s = session(Spec.defaults());
        String before = s.canonicalSpec();
        PlaygroundSession.Change change = s.edit(spec -> SpecEditor.with(spec, "batch", "0"));
        assertFalse(change.changed());
        assertEquals(1, change.problems().size());
        assertTrue(change.problems().get(0).contains("batch"), change.problems().get(0));
        assertEquals(before, s.canonicalSpec());
    }

    @Test
    void resetGoesBackToTheSavedStateWhenOneWasLoadedElseToEpochZero() {
        Spec spec = Spec.defaults();
        Trainer trained = new Trainer(spec);
        trained.stepEpoch();
        trained.stepEpoch();
        Snapshot saved = trained.snapshot();
        PlaygroundSession s = session(spec);
        s.resumeSaved(saved);
        s.loop().stepEpoch();
        s.reset();
        assertEquals(2, s.trainer().epoch());
        assertEquals(trained.fingerprint(), s.trainer().fingerprint());

        PlaygroundSession fresh = session(spec);
        String start = fresh.trainer().fingerprint();
        fresh.loop().stepEpoch();
        fresh.reset();
        assertEquals(0, fresh.trainer().epoch());
        assertEquals(start, fresh.trainer().fingerprint());
    }

    @Test
    void aHandEditedFragmentLoadsTheNearestValidSpecAndListsItsProblems() {
        PlaygroundSession s = session(Spec.defaults());
        PlaygroundSession.Change change = s.loadFragment("v=1&data=circle&batch=99999");
        assertTrue(change.changed());
        assertEquals(DatasetKind.CIRCLE, s.spec().data());
        assertEquals(1, change.problems().size());
        assertTrue(change.problems().get(0).contains("batch"));
        assertFalse(s.loadFragment(s.canonicalSpec()).changed(), "the current spec is no change");
    }

    @Test
    void theHostPagesLoadCommandIsAllOrNothing() {
        PlaygroundSession s = session(Spec.defaults());
        String before = s.canonicalSpec();
        assertFalse(s.loadText("v=1&data=nowhere").problems().isEmpty());
        assertEquals(before, s.canonicalSpec());
        assertTrue(s.loadText("v=1&data=xor").changed());
        assertEquals(DatasetKind.XOR, s.spec().data());
    }

    @Test
    void epochsOnLoadIsCheckedAndTrainsToExactlyThatEpoch() {
        PlaygroundSession s = session(Spec.defaults());
        assertEquals("epochs: \"-1\" is not allowed; allowed: an integer from 0 to 10000000", s.trainUntil("-1"));
        assertTrue(s.trainUntil("x").startsWith("epochs: \"x\""));
        assertNull(s.trainUntil("2"));
        for (int frames = 0; s.loop().playing() && frames < 100_000; frames++) {
            s.loop().frame();
        }
        assertEquals(2, s.trainer().epoch());
    }

    @Test
    void theLossHistoryStartsFromTheSavedOneAndRestartsWithEachRun() {
        Spec spec = Spec.defaults();
        Trainer trained = new Trainer(spec);
        trained.stepEpoch();
        double[] savedHistory = {1, 0.7, 0.71};
        PlaygroundSession s = session(spec);
        s.resumeSaved(trained.snapshot().withLossHistory(savedHistory));
        assertFalse(s.recordHistory(s.trainer().evaluate()), "the saved epoch is already in the history");
        assertEquals(1, s.history().size());
        s.loop().stepEpoch();
        assertTrue(s.recordHistory(s.trainer().evaluate()));
        assertEquals(2, s.history().size());
        Trainer before = s.trainer();
        s.edit(sp -> SpecEditor.with(sp, "seed", "7"));
        assertNotSame(before, s.trainer());
        assertTrue(s.recordHistory(s.trainer().evaluate()));
        assertEquals(1, s.history().size(), "a new run starts a new history");
    }

    @Test
    void aSavedPageOpensWithItsSpecUnlessTheFragmentNamesAnother() {
        String saved = SpecCodec.print(Spec.defaults());
        ParseResult onSaved = PlaygroundSession.startingSpec("", saved, true);
        assertEquals(saved, SpecCodec.print(onSaved.spec()));
        ParseResult overridden = PlaygroundSession.startingSpec("v=1&data=xor", saved, true);
        assertEquals(DatasetKind.XOR, overridden.spec().data());
        assertEquals(List.of(), PlaygroundSession.messages(overridden.problems()));
    }

    @Test
    void restartOnASavedExperimentGoesToEpochZeroAndResetThenStaysThere() {
        Spec spec = Spec.defaults();
        Trainer trained = new Trainer(spec);
        trained.stepEpoch();
        PlaygroundSession s = session(spec);
        String start = s.trainer().fingerprint();
        s.resumeSaved(trained.snapshot());
        s.restart();
        assertEquals(0, s.trainer().epoch());
        assertEquals(start, s.trainer().fingerprint());
        s.loop().stepEpoch();
        s.reset();
        assertEquals(0, s.trainer().epoch(), "after a restart the saved state is no longer the start");
    }

    @Test
    void newWeightsKeepTheDataAndRegenerateDropsTheSeparateInitSeed() {
        PlaygroundSession s = session(Spec.defaults());
        double[] data = s.trainer().data().trainX().clone();
        String weights = s.trainer().fingerprint();
        PlaygroundSession.Change change = s.edit(spec -> SpecEditor.newWeights(spec, 99));
        assertTrue(change.restarted());
        assertFalse(change.dataChanged(), "the thumbnails stay");
        assertTrue(s.canonicalSpec().contains("&initseed=99"), s.canonicalSpec());
        assertEquals(
                java.util.Arrays.toString(data),
                java.util.Arrays.toString(s.trainer().data().trainX()));
        assertFalse(weights.equals(s.trainer().fingerprint()));
        s.edit(spec -> SpecEditor.regenerate(spec, 5));
        assertEquals(5, s.spec().seed());
        assertEquals(5, s.spec().initSeed());
        assertFalse(s.canonicalSpec().contains("initseed"), s.canonicalSpec());
    }
}
