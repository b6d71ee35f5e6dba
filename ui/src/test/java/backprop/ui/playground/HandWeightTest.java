package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Layer;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

/** Setting a weight by hand: what the editor accepts, and what the run does with it. */
class HandWeightTest {
    private static PlaygroundSession session(Spec spec) {
        double[] now = {0};
        return new PlaygroundSession(spec, new FrameLoop(new Trainer(spec), () -> now[0]++));
    }

    @Test
    void theEditorAcceptsPlainDecimalsInRangeAndNamesTheRangeOtherwise() {
        assertNull(HandWeight.problemWithText(" -1.25 "));
        assertEquals(-1.25, HandWeight.parse(" -1.25 "));
        assertNull(HandWeight.problemWithText("100"));
        for (String bad : new String[] {"abc", "", "1e3", "NaN", "Infinity", "1,5"}) {
            String problem = HandWeight.problemWithText(bad);
            assertTrue(problem != null && problem.startsWith("weight: "), bad + ": " + problem);
            assertTrue(problem.contains("-100 to 100"), problem);
            assertEquals("weight-input", ControlNotes.controlFor(problem));
        }
        assertTrue(HandWeight.problemWithText("100.5").contains("is not allowed"));
        assertEquals("0.1", HandWeight.format(0.1));
        assertEquals("-0.000001", HandWeight.format(-1e-6), "never an exponent");
    }

    @Test
    void aHandSetWeightChangesTheStateGoesOnFromTheSameEpochAndCannotBeReplayedFromTheSpec() {
        PlaygroundSession s = session(SpecCodec.parseStrict("v=1&data=xor&layers=4:tanh&n=100"));
        s.loop().stepEpoch();
        s.loop().stepEpoch();
        s.recordHistory(s.trainer().evaluate());
        String before = s.trainer().fingerprint();
        Snapshot state = s.trainer().snapshot();
        Layer first = s.trainer().network().layer(0);
        int k = NetworkReadout.weightIndex(first, state.params(), 2, 1);
        assertNull(s.replayProblem());

        PlaygroundSession.Change change = s.setWeight(k, 1.5);

        assertTrue(change.changed());
        assertFalse(change.restarted(), "the run goes on");
        assertEquals(1.5, s.trainer().network().parameters()[k]);
        assertEquals(2, s.trainer().epoch());
        assertEquals(state.iteration(), s.trainer().iteration());
        assertNotEquals(before, s.trainer().fingerprint(), "the fingerprint follows the weight");
        double[] expected = state.params().clone();
        expected[k] = 1.5;
        assertArrayEquals(expected, s.trainer().network().parameters());
        assertEquals(1, s.history().size(), "the loss history goes on");
        assertFalse(s.recordHistory(s.trainer().evaluate()), "same epoch: no second point");
        assertTrue(s.handSetWeights());
        assertTrue(s.replayProblem().contains("set by hand"), s.replayProblem());

        // The saved state carries the weight: resuming it gives the same fingerprint.
        Trainer resumed = Trainer.resume(s.spec(), s.trainer().snapshot());
        assertEquals(s.trainer().fingerprint(), resumed.fingerprint());

        s.reset();
        assertEquals(0, s.trainer().epoch());
        assertNull(s.replayProblem(), "Reset replays the spec again");
    }

    @Test
    void aBadWeightOrIndexIsRefusedWithoutAChange() {
        PlaygroundSession s = session(Spec.defaults());
        Trainer running = s.trainer();
        assertThrows(IllegalArgumentException.class, () -> s.setWeight(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.setWeight(0, 101));
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class, () -> s.setWeight(-1, 0.5));
        assertTrue(index.getMessage().startsWith("weight: "), index.getMessage());
        assertSame(running, s.trainer());
        assertFalse(s.handSetWeights());
    }

    @Test
    void tuningMidRunAlsoNeedsTheTrainedState() {
        PlaygroundSession s = session(Spec.defaults());
        s.loop().stepEpoch();
        s.edit(spec -> SpecEditor.with(spec, "lr", "0.1"));
        assertTrue(s.replayProblem().contains("learning rate"), s.replayProblem());
    }

    @Test
    void undoBringsBackWhetherTheWeightsWereSetByHand() {
        PlaygroundSession s = session(Spec.defaults());
        s.loop().stepEpoch();
        s.setWeight(0, 0.5);
        PlaygroundSession.Memento m = s.memento();
        s.edit(spec -> SpecEditor.with(spec, "batch", "20"));
        assertNull(s.replayProblem(), "a new run replays from its spec");
        s.restore(m);
        assertTrue(s.handSetWeights());
        assertEquals(0.5, s.trainer().network().parameters()[0]);
    }
}
