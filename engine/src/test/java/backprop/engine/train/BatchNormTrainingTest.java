package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.Features;
import backprop.engine.nn.Losses;
import backprop.engine.nn.Network;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/** Training with {@code :bn} layers: snapshots, resuming, and what runs in test mode. */
class BatchNormTrainingTest {
    /** 51 training points in batches of 10: the last batch of every epoch has one example. */
    private static final String SPEC =
            "data=xor&n=102&layers=6:relu:bn,4:maxout:bn,3:tanh&opt=momentum&lr=0.05&batch=10";

    private static Trainer trained(String text, int epochs) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(text));
        for (int e = 0; e < epochs; e++) {
            trainer.stepEpoch();
        }
        assertTrue(!trainer.diverged(), text);
        return trainer;
    }

    @Test
    void snapshotsCarryTheRunningStatisticsAsVersion2AndResumeBitForBit() {
        Trainer run = trained(SPEC, 3);
        run.stepBatch();
        Snapshot snapshot = run.snapshot();
        assertEquals(2 * 6 + 2 * 8, snapshot.runningStatistics().length);
        byte[] bytes = snapshot.toBytes();
        assertEquals(Snapshot.FORMAT_VERSION_WITH_RUNNING_STATISTICS, bytes[4]);
        Snapshot back = Snapshot.fromBytes(bytes);
        assertArrayEquals(snapshot.runningStatistics(), back.runningStatistics(), 0.0);
        assertArrayEquals(bytes, back.toBytes());
        Trainer resumed = Trainer.resume(run.spec(), back);
        assertEquals(run.evaluate(), resumed.evaluate());
        for (int e = 0; e < 2; e++) {
            run.stepEpoch();
            resumed.stepEpoch();
        }
        assertEquals(run.fingerprint(), resumed.fingerprint());
        assertArrayEquals(run.network().runningStatistics(), resumed.network().runningStatistics(), 0.0);
    }

    @Test
    void snapshotsWithoutBatchNormStayVersion1AndAreCheckedAgainstTheSpec() {
        Trainer plain = trained("data=xor&n=102&layers=6:relu", 1);
        assertEquals(Snapshot.FORMAT_VERSION, plain.snapshot().toBytes()[4]);
        Snapshot withoutRunning = plain.snapshot();
        Spec normalized = SpecCodec.parseStrict("data=xor&n=102&layers=6:relu:bn");
        Snapshot mismatched =
                new Snapshot(1, 6, new double[6 * 2 + 6 + 2 * 6 + 6 * 2 + 2], new double[0], 0, new double[0]);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Trainer.resume(normalized, mismatched));
        assertTrue(
                e.getMessage().contains("0 batch-norm running statistics")
                        && e.getMessage().contains("12"),
                e.getMessage());
        assertEquals(0, withoutRunning.runningStatistics().length);
    }

    @Test
    void reportedLossesUseTheRunningStatisticsWhateverTheGrouping() {
        Trainer trainer = trained(SPEC, 4);
        Metrics metrics = trainer.evaluate();
        // one point per forward pass in test mode gives the same loss as evaluate's chunks
        Network network = trainer.network();
        double[] features =
                Features.matrix(trainer.spec().features(), trainer.data().trainX());
        int inputs = network.inputs();
        int count = trainer.data().trainSize();
        double sum = 0;
        for (int p = 0; p < count; p++) {
            System.arraycopy(features, p * inputs, network.input(), 0, inputs);
            network.forward(1);
            sum += Losses.loss(
                    trainer.loss(),
                    network.output(),
                    0,
                    network.outputs(),
                    trainer.data().trainLabel()[p],
                    trainer.data().trainTarget()[p]);
        }
        assertEquals(sum / count, metrics.trainLoss(), 1e-15);
        assertTrue(!Double.isNaN(metrics.trainLoss()));
    }

    @Test
    void diagnosticsGiveTheTestModeGradientOfTheReportedLoss() {
        Trainer t = trained("data=circle&n=100&layers=5:tanh:bn,3:relu:bn&reg=l2&lambda=0.01", 3);
        Diagnostics d = t.diagnostics();
        double[] p = t.network().parameters();
        double h = 1e-6;
        for (int k = 0; k < p.length; k++) {
            double keep = p[k];
            p[k] = keep + h;
            Metrics plus = t.evaluate();
            p[k] = keep - h;
            Metrics minus = t.evaluate();
            p[k] = keep;
            double numeric =
                    (plus.trainLoss() + plus.regularization() - minus.trainLoss() - minus.regularization()) / (2 * h);
            double error =
                    Math.abs(numeric - d.gradient()[k]) / Math.max(1e-4, Math.abs(numeric) + Math.abs(d.gradient()[k]));
            assertTrue(error < 1e-5, "parameter " + k + ": " + d.gradient()[k] + " vs " + numeric);
        }
    }

    @Test
    void theBiasOfANormalizedLayerGetsNoGradientInTrainingAndStaysZeroEvenUnderAdam() {
        Trainer trainer = trained("data=spiral&layers=8:relu:bn,8:tanh:bn&opt=adam&lr=0.01&batch=16", 3);
        double[] p = trainer.network().parameters();
        for (int l = 0; l < 2; l++) {
            backprop.engine.nn.Layer layer = trainer.network().layer(l);
            for (int o = 0; o < layer.preUnits(); o++) {
                assertEquals(0.0, p[layer.biasOffset() + o], "layer " + l + " bias " + o);
            }
        }
        backprop.engine.nn.Layer output = trainer.network().layer(2);
        assertTrue(p[output.biasOffset()] != 0, "the output layer's bias trains as before");
    }

    @Test
    void aWholeBatchLargerThanAChunkIsNormalizedInOnePass() {
        Trainer trainer = trained("data=circle&n=600&layers=4:linear:bn&loss=mse&batch=300", 2);
        assertTrue(trainer.network().trainingChunkRows() >= 300);
        assertEquals(
                Network.CHUNK_ROWS,
                trained("data=circle&n=600&layers=4:linear&batch=300", 0)
                        .network()
                        .trainingChunkRows());
    }
}
