package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/** A trainer mirroring one that trains elsewhere (a Web Worker) continues exactly as the original. */
class RestoreTest {
    @Test
    void aRestoredTrainerContinuesBitForBit() {
        String text = "data=xor&layers=6:relu,4:tanh&opt=adam&lr=0.01&batch=7";
        Trainer original = new Trainer(SpecCodec.parseStrict(text));
        Trainer mirror = new Trainer(SpecCodec.parseStrict(text));
        mirror.stepEpoch();
        for (int i = 0; i < 5; i++) {
            original.stepEpoch();
            original.stepBatch();
            mirror.restore(original.snapshot(), original.diverged());
            assertEquals(original.fingerprint(), mirror.fingerprint());
            assertEquals(original.epoch(), mirror.epoch());
            assertEquals(original.iteration(), mirror.iteration());
        }
        original.stepEpoch();
        mirror.stepEpoch();
        assertEquals(original.fingerprint(), mirror.fingerprint());
        assertEquals(original.position(), mirror.position());
    }

    @Test
    void restoreRefusesAnotherNetworksSnapshotAndKeepsDivergence() {
        Trainer small = new Trainer(SpecCodec.parseStrict("layers=3:tanh"));
        Trainer large = new Trainer(SpecCodec.parseStrict("layers=5:tanh"));
        assertThrows(IllegalArgumentException.class, () -> small.restore(large.snapshot(), false));
        small.restore(small.snapshot(), true);
        assertTrue(small.diverged());
    }
}
