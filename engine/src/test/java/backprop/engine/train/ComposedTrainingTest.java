package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/** Training with composed activations: the Swish preset is swish, and NaN parts stop as divergence. */
class ComposedTrainingTest {
    private static Trainer trained(String spec, int epochs) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(spec));
        for (int e = 0; e < epochs; e++) {
            trainer.stepEpoch();
        }
        return trainer;
    }

    @Test
    void swishPresetTrainsExactlyLikeBuiltInSwish() {
        String builtIn = "data=spiral&classes=3&layers=8:swish,6:swish&opt=momentum&lr=0.01&seed=11";
        String composed = "data=spiral&classes=3&layers=8:sigmul_bx_x_1,6:sigmul_bx_x_1&opt=momentum&lr=0.01&seed=11";
        Trainer a = trained(builtIn, 15);
        Trainer b = trained(composed, 15);
        assertFalse(a.diverged());
        assertEquals(a.iteration(), b.iteration());
        assertEquals(a.fingerprint(), b.fingerprint());
    }

    @Test
    void aCompositionThatGivesNaNStopsTrainingAsDivergence() {
        // √z is undefined for the pre-activations below 0 that any network has
        Trainer trainer = trained("data=xor&layers=8:add_sqrt_x", 3);
        assertTrue(trainer.diverged());
        assertEquals(0, trainer.epoch());
    }
}
