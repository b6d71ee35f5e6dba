package backprop.server.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import backprop.server.problems.ApiError;
import java.util.Base64;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Snapshots hold what real runs produce: finite, bounded numbers and reachable counters. */
class SnapshotLimitsTest {
    private static final String SPEC = "v=1&layers=4:tanh&seed=5";

    @Test
    void aRealRunsSnapshotIsWithinTheLimits() {
        assertEquals(null, SnapshotLimits.check(trained()));
        validate(trained()); // no ApiError
    }

    @Test
    void nonFiniteOrHugeParametersAreRefusedNamingTheNumberAndTheRange() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308, -2e6}) {
            Snapshot snapshot = with(trained(), params -> {
                params[3] = bad;
                return params;
            });
            String why = SnapshotLimits.check(snapshot);
            assertNotNull(why, "parameter " + bad);
            assertTrue(
                    why.startsWith("parameter 3 is " + bad + "; allowed: finite numbers from -1000000 to 1000000"),
                    why);
            ApiError refused = assertThrows(ApiError.class, () -> validate(snapshot));
            assertEquals("snapshot", refused.problems().get(0).key());
            assertTrue(
                    refused.problems().get(0).allowed().contains("parameter 3 is"),
                    refused.problems().get(0).allowed());
        }
    }

    @Test
    void countersBeyondWhatARunReachesAreRefused() {
        Snapshot t = trained();
        Snapshot lateEpoch = new Snapshot(
                Integer.MAX_VALUE, t.iteration(), t.params(), t.optimizerState(), t.position(), t.lossHistory());
        assertEquals("its epoch is 2147483647; allowed: 0 to 10000000", SnapshotLimits.check(lateEpoch));
        Snapshot lateIteration =
                new Snapshot(t.epoch(), 2_000_000_000, t.params(), t.optimizerState(), t.position(), t.lossHistory());
        assertEquals("its iteration is 2000000000; allowed: 0 to 1000000000", SnapshotLimits.check(lateIteration));
        assertThrows(ApiError.class, () -> validate(lateEpoch));
    }

    private static Snapshot trained() {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(SPEC));
        trainer.stepEpoch();
        return trainer.snapshot();
    }

    private static Snapshot with(Snapshot s, UnaryOperator<double[]> params) {
        return new Snapshot(
                s.epoch(),
                s.iteration(),
                params.apply(s.params().clone()),
                s.optimizerState(),
                s.position(),
                s.lossHistory());
    }

    private static void validate(Snapshot snapshot) {
        new ExperimentService(null, null, () -> 0L)
                .validate(new SaveRequest(
                        SPEC, "limits", null, Base64.getEncoder().encodeToString(snapshot.toBytes())));
    }
}
