package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.Features;
import backprop.engine.math.Rng;
import backprop.engine.nn.Losses;
import backprop.engine.nn.Network;
import backprop.engine.spec.CustomPoint;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.OptimizerKind;
import backprop.engine.spec.RegularizationKind;
import backprop.engine.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    @Test
    void fingerprintIsFnv1a64OverLittleEndianBits() {
        assertEquals("cbf29ce484222325", Fingerprint.of(new double[0]));
        // FNV-1a 64 of the 8 bytes 00 00 00 00 00 00 f0 3f (1.0), computed independently.
        assertEquals(
                referenceFnv(new double[] {1.0, -0.0, Double.NaN}),
                Fingerprint.of(new double[] {1.0, -0.0, Double.NaN}));
        assertEquals("0000000000000001", Fingerprint.hex(1));
        assertEquals("ffffffffffffffff", Fingerprint.hex(-1));
    }

    /** FNV-1a 64 through BigInteger arithmetic modulo 2^64, as written in the specification. */
    private static String referenceFnv(double[] values) {
        java.math.BigInteger mod = java.math.BigInteger.ONE.shiftLeft(64);
        java.math.BigInteger h = new java.math.BigInteger("cbf29ce484222325", 16);
        java.math.BigInteger prime = new java.math.BigInteger("100000001b3", 16);
        for (double v : values) {
            long bits = Double.doubleToRawLongBits(v);
            for (int b = 0; b < 8; b++) {
                h = h.xor(java.math.BigInteger.valueOf((bits >>> (8 * b)) & 0xFF))
                        .multiply(prime)
                        .mod(mod);
            }
        }
        String hex = h.toString(16);
        return "0".repeat(16 - hex.length()) + hex;
    }

    @Test
    void defaultSpecFingerprintCoversAllParametersInOrder() {
        Trainer trainer = new Trainer(Spec.defaults());
        double[] p = trainer.network().parameters();
        assertEquals(2 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2, p.length);
        assertEquals(referenceFnv(p), trainer.fingerprint());
    }

    @Test
    void sameSpecSameRunBitForBit() {
        Trainer a = new Trainer(Spec.defaults());
        Trainer b = new Trainer(Spec.defaults());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertArrayEquals(a.data().trainX(), b.data().trainX());
        for (int e = 0; e < 50; e++) {
            a.stepEpoch();
            b.stepEpoch();
        }
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(a.evaluate(), b.evaluate());
        Trainer other = new Trainer(TestSpecs.defaults().seed(2).build());
        assertNotEquals(a.fingerprint(), other.fingerprint());
    }

    @Test
    void countersFollowTheEpochStructure() {
        // 250 training points, batch 60: batches of 60, 60, 60, 60, 10.
        Trainer t = new Trainer(TestSpecs.defaults().batch(60).build());
        assertEquals(250, t.data().trainSize());
        for (int k = 1; k <= 4; k++) {
            t.stepBatch();
            assertEquals(0, t.epoch());
            assertEquals(60 * k, t.position());
        }
        t.stepBatch();
        assertEquals(1, t.epoch());
        assertEquals(5, t.iteration());
        assertEquals(0, t.position());
        t.stepExample();
        assertEquals(1, t.position());
        assertEquals(6, t.iteration());
        t.stepEpoch();
        assertEquals(2, t.epoch());
        assertEquals(6 + 5, t.iteration(), "finishing the epoch: 60, 60, 60, 60, 9");
    }

    @Test
    void stepEpochEqualsTheSameBatchesOneByOne() {
        Trainer byEpoch = new Trainer(Spec.defaults());
        Trainer byBatch = new Trainer(Spec.defaults());
        for (int e = 0; e < 7; e++) {
            byEpoch.stepEpoch();
        }
        for (int k = 0; k < 7 * 25; k++) {
            byBatch.stepBatch();
        }
        assertEquals(byEpoch.iteration(), byBatch.iteration());
        assertEquals(7, byBatch.epoch());
        assertEquals(byEpoch.fingerprint(), byBatch.fingerprint());
    }

    @Test
    void stepExampleEqualsBatchOfOne() {
        Trainer examples = new Trainer(TestSpecs.defaults().batch(1).build());
        Trainer batches = new Trainer(TestSpecs.defaults().batch(1).build());
        for (int k = 0; k < 600; k++) {
            examples.stepExample();
            batches.stepBatch();
        }
        assertEquals(2, examples.epoch());
        assertEquals(examples.fingerprint(), batches.fingerprint());
    }

    @Test
    void batchesLargerThanAChunkAndTheWholeSet() {
        Spec whole = TestSpecs.defaults().batch(2000).build();
        Trainer t = new Trainer(whole);
        t.stepBatch();
        assertEquals(1, t.epoch());
        assertEquals(1, t.iteration());
        // A batch of 150 spans three chunks; its gradient equals the mean of the per-example ones.
        Trainer a = new Trainer(TestSpecs.defaults().batch(150).build());
        a.stepBatch();
        assertEquals(150, a.position());
    }

    @Test
    void epochOrderDependsOnlyOnSeedAndEpoch() {
        // Resuming at an epoch boundary from copied parameters gives the same next epoch as running on.
        Trainer full = new Trainer(Spec.defaults());
        full.stepEpoch();
        full.stepEpoch();
        Snapshot mid = full.snapshot();
        full.stepEpoch();
        Trainer resumed = Trainer.resume(Spec.defaults(), mid);
        resumed.stepEpoch();
        assertEquals(full.fingerprint(), resumed.fingerprint());
    }

    @Test
    void snapshotBytesRoundTripAndResumeContinuesBitForBit() {
        for (OptimizerKind opt : OptimizerKind.values()) {
            Spec spec = TestSpecs.defaults()
                    .opt(opt, 0.01)
                    .layers("6:prelu", "4:maxout")
                    .batch(7)
                    .build();
            Trainer run = new Trainer(spec);
            for (int k = 0; k < 40; k++) {
                run.stepBatch();
            }
            run.stepExample();
            Snapshot snapshot = run.snapshot().withLossHistory(new double[] {1, 0.7, 0.71, 2, 0.6, Double.NaN});
            byte[] bytes = snapshot.toBytes();
            Snapshot back = Snapshot.fromBytes(bytes);
            assertEquals(snapshot.epoch(), back.epoch());
            assertEquals(snapshot.iteration(), back.iteration());
            assertEquals(snapshot.position(), back.position());
            assertArrayEquals(snapshot.params(), back.params(), 0.0);
            assertArrayEquals(snapshot.optimizerState(), back.optimizerState(), 0.0);
            assertEquals(Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(back.lossHistory()[5]));
            assertArrayEquals(bytes, back.toBytes());

            Trainer resumed = Trainer.resume(spec, back);
            assertEquals(run.fingerprint(), resumed.fingerprint());
            for (int e = 0; e < 3; e++) {
                run.stepEpoch();
                resumed.stepEpoch();
            }
            run.stepBatch();
            resumed.stepBatch();
            assertEquals(run.epoch(), resumed.epoch());
            assertEquals(run.iteration(), resumed.iteration());
            assertEquals(run.fingerprint(), resumed.fingerprint(), opt.key());
        }
    }

    @Test
    void snapshotBytesAreLittleEndianAndCheckedOnTheWayIn() {
        Snapshot s = new Snapshot(3, 80, new double[] {1.0}, new double[0], 5, new double[0]);
        byte[] bytes = s.toBytes();
        assertEquals(4 + 7 * 4 + 8, bytes.length);
        assertEquals('B', bytes[0]);
        assertEquals(3, bytes[8]);
        assertEquals(80, bytes[12]);
        // 1.0 = 0x3FF0000000000000, little-endian: the last two bytes are F0 3F.
        assertEquals((byte) 0xF0, bytes[bytes.length - 2]);
        assertEquals((byte) 0x3F, bytes[bytes.length - 1]);
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Snapshot.fromBytes(truncated));
        assertTrue(e.getMessage().contains(String.valueOf(truncated.length)));
        Trainer t = new Trainer(Spec.defaults());
        assertThrows(IllegalArgumentException.class, () -> Trainer.resume(Spec.defaults(), s));
        assertTrue(t.snapshot().params().length > 1);
    }

    @Test
    void divergenceStopsTrainingAndReportsNaNOrInfiniteLosses() {
        Spec spec = TestSpecs.defaults()
                .loss(LossKind.MSE)
                .opt(OptimizerKind.SGD, 10)
                .build();
        Trainer t = new Trainer(spec);
        for (int e = 0; e < 100 && !t.diverged(); e++) {
            t.stepEpoch();
        }
        assertTrue(t.diverged());
        int iterations = t.iteration();
        String fingerprint = t.fingerprint();
        t.stepEpoch();
        t.stepBatch();
        t.stepExample();
        assertEquals(iterations, t.iteration());
        assertEquals(fingerprint, t.fingerprint());
        assertFalse(Double.isFinite(t.lastBatchLoss()));
        Metrics m = t.evaluate();
        assertFalse(Double.isFinite(m.trainLoss()), "train loss " + m.trainLoss());
    }

    @Test
    void metricsOnRegressionAndRegularization() {
        Spec spec = TestSpecs.defaults()
                .data(DatasetKind.PLANE, 1)
                .loss(LossKind.MSE)
                .reg(RegularizationKind.L2, 0.01)
                .build();
        Trainer t = new Trainer(spec);
        Metrics m = t.evaluate();
        assertTrue(Double.isNaN(m.trainAccuracy()));
        assertTrue(Double.isNaN(m.testAccuracy()));
        assertEquals(0.01 * t.network().regularization(RegularizationKind.L2), m.regularization(), 0.0);
        assertTrue(m.regularization() > 0);
        assertEquals(1, t.outputs());
        Metrics none = new Trainer(Spec.defaults()).evaluate();
        assertEquals(0, none.regularization());
        assertTrue(none.trainAccuracy() >= 0 && none.trainAccuracy() <= 1);
    }

    @Test
    void evaluateIsTheMeanOfPerExampleLosses() {
        Trainer t = new Trainer(Spec.defaults());
        for (int e = 0; e < 3; e++) {
            t.stepEpoch();
        }
        Network net = t.network();
        double[] x = t.data().testX();
        int count = t.data().testSize();
        double sum = 0;
        int right = 0;
        for (int i = 0; i < count; i++) {
            net.input()[0] = x[2 * i];
            net.input()[1] = x[2 * i + 1];
            net.forward(1);
            sum += Losses.loss(t.loss(), net.output(), 0, 2, t.data().testLabel()[i], 0);
            right += Losses.predictedClass(t.loss(), net.output(), 0, 2)
                            == t.data().testLabel()[i]
                    ? 1
                    : 0;
        }
        Metrics m = t.evaluate();
        assertEquals(sum / count, m.testLoss(), 1e-14);
        assertEquals((double) right / count, m.testAccuracy(), 0.0);
    }

    @Test
    void gridIsTopRowFirstAndMatchesSinglePoints() {
        Spec spec = TestSpecs.defaults()
                .features(Feature.X1, Feature.X2, Feature.SINX1, Feature.X1X2)
                .build();
        Trainer t = new Trainer(spec);
        t.stepEpoch();
        int cols = 13;
        int rows = 7;
        double[] grid = new double[cols * rows * 2];
        t.predictGrid(cols, rows, grid);
        Network net = t.network();
        Feature[] features = spec.features().toArray(new Feature[0]);
        double[] one = new double[2];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x1 = -6 + (c + 0.5) * 12 / cols;
                double x2 = 6 - (r + 0.5) * 12 / rows;
                Features.compute(features, new double[] {x1, x2}, 0, 1, net.input(), 0);
                net.forward(1);
                Losses.display(t.loss(), net.output(), 0, 2, one, 0);
                int at = (r * cols + c) * 2;
                assertEquals(one[0], grid[at], 0.0);
                assertEquals(one[1], grid[at + 1], 0.0);
                assertEquals(1, grid[at] + grid[at + 1], 1e-15);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> t.predictGrid(10, 10, new double[199]));
    }

    @Test
    void gridValuesPerLoss() {
        Trainer bce = new Trainer(TestSpecs.defaults().loss(LossKind.BCE).build());
        assertEquals(1, bce.outputs());
        double[] g = new double[25];
        bce.predictGrid(5, 5, g);
        for (double v : g) {
            assertTrue(v > 0 && v < 1);
        }
        Trainer svm = new Trainer(TestSpecs.defaults()
                .loss(LossKind.SVM)
                .data(DatasetKind.GAUSS, 4)
                .build());
        double[] s = new double[5 * 5 * 4];
        svm.predictGrid(5, 5, s);
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        assertNotEquals(25, sum, 1e-6);
    }

    @Test
    void customDataAndBadSpecs() {
        Spec custom = new Spec(
                1,
                DatasetKind.CUSTOM,
                2,
                3,
                0,
                50,
                1,
                List.of(Feature.X1, Feature.X2),
                List.of(),
                LossKind.SOFTMAX,
                OptimizerKind.SGD,
                0.1,
                10,
                RegularizationKind.NONE,
                0,
                backprop.engine.spec.InitKind.HE,
                List.of(new CustomPoint(1, 1, 0), new CustomPoint(-1, -1, 1), new CustomPoint(2, 2, 0)));
        Trainer t = new Trainer(custom);
        assertEquals(1, t.data().trainSize());
        assertEquals(2, t.data().testSize());
        t.stepEpoch();
        assertEquals(1, t.epoch());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Trainer(TestSpecs.defaults()
                        .loss(LossKind.BCE)
                        .data(DatasetKind.SPIRAL, 3)
                        .build()));
        assertTrue(e.getMessage().contains("3"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Trainer(TestSpecs.defaults().features().build()));
    }

    @Test
    void noAllocationSizedStateGrowsWithTraining() {
        // Training and evaluating reuse the same buffers: the network's input array never changes identity.
        Trainer t = new Trainer(Spec.defaults());
        double[] input = t.network().input();
        double[] params = t.network().parameters();
        t.stepEpoch();
        t.evaluate();
        t.predictGrid(8, 8, new double[128]);
        assertTrue(input == t.network().input() && params == t.network().parameters());
        Rng unused = new Rng(1);
        assertTrue(unused.nextDouble() < 1);
    }
}
