package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Layer;
import backprop.engine.nn.Losses;
import backprop.engine.nn.Network;
import backprop.engine.spec.RegularizationKind;
import backprop.engine.spec.Spec;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    @Test
    void aReluUnitThatOutputsZeroEverywhereIsDead() {
        Trainer t = new Trainer(TestSpecs.defaults().layers("6:relu", "6:relu").build());
        Network net = t.network();
        Layer first = net.layer(0);
        double[] p = net.parameters();
        // Unit 2 of layer 0: w = 0, b = -1, so z = -1 and relu(z) = 0 on every point.
        p[first.weightOffset() + 2 * first.inputs()] = 0;
        p[first.weightOffset() + 2 * first.inputs() + 1] = 0;
        p[first.biasOffset() + 2] = -1;
        Diagnostics d = t.diagnostics();
        assertTrue(d.deadUnits()[0][2]);
        assertEquals(1, d.deadCount(0), "random units on a spiral are alive somewhere");
        assertEquals(0, d.saturatedCount(0));
        // Its incoming gradient is exactly 0: nothing flows through a dead ReLU.
        assertEquals(0, d.gradient()[first.weightOffset() + 2 * first.inputs()], 0.0);
        assertEquals(0, d.gradient()[first.biasOffset() + 2], 0.0);
    }

    @Test
    void tanhUnitsWithHugeWeightsSaturate() {
        Trainer t = new Trainer(TestSpecs.defaults().layers("4:tanh").build());
        Network net = t.network();
        Layer first = net.layer(0);
        double[] p = net.parameters();
        Diagnostics before = t.diagnostics();
        assertEquals(0, before.saturatedCount(0));
        for (int k = 0; k < first.weightCount(); k++) {
            p[first.weightOffset() + k] *= 100;
        }
        Diagnostics after = t.diagnostics();
        assertEquals(4, after.saturatedCount(0));
        assertFalse(after.deadUnits()[0][0], "dead is for ReLU only");
        assertTrue(after.gradientNorms()[0] < before.gradientNorms()[0], "saturated units kill the gradient");
    }

    @Test
    void gradientIsTheFullTrainingSetGradientOfTheTotalLoss() {
        Spec spec = TestSpecs.defaults()
                .layers("5:tanh")
                .reg(RegularizationKind.L2, 0.01)
                .build();
        Trainer t = new Trainer(spec);
        t.stepEpoch();
        Diagnostics d = t.diagnostics();
        double[] p = t.network().parameters();
        double h = 1e-6;
        for (int k = 0; k < p.length; k += 3) {
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
            assertTrue(error < 1e-6, "parameter " + k + ": " + d.gradient()[k] + " vs " + numeric);
        }
        double sumSquares = 0;
        Layer output = t.network().layer(1);
        for (int k = output.weightOffset(); k < output.weightOffset() + output.parameterCount(); k++) {
            sumSquares += d.gradient()[k] * d.gradient()[k];
        }
        assertEquals(Math.sqrt(sumSquares), d.gradientNorms()[1], 0.0);
    }

    @Test
    void diagnosticsDoNotChangeTheRun() {
        Trainer watched = new Trainer(Spec.defaults());
        Trainer plain = new Trainer(Spec.defaults());
        for (int e = 0; e < 5; e++) {
            watched.stepBatch();
            watched.diagnostics();
            watched.evaluate();
            watched.predictGrid(4, 4, new double[32]);
            watched.stepEpoch();
            plain.stepBatch();
            plain.stepEpoch();
        }
        assertEquals(plain.fingerprint(), watched.fingerprint());
    }

    @Test
    void layerGridShowsEachLayerAtTheCellCentres() {
        Trainer t =
                new Trainer(TestSpecs.defaults().layers("3:relu", "2:sigmoid").build());
        t.stepEpoch();
        int cols = 9;
        int rows = 5;
        Network net = t.network();
        for (int l = 0; l < net.layerCount(); l++) {
            int units = net.layer(l).units();
            double[] grid = new double[cols * rows * units];
            t.predictLayerGrid(l, cols, rows, grid);
            int r = 3;
            int c = 7;
            net.input()[0] = -6 + (c + 0.5) * 12 / cols;
            net.input()[1] = 6 - (r + 0.5) * 12 / rows;
            net.forward(1);
            double[] expected = new double[units];
            System.arraycopy(net.layer(l).activations(), 0, expected, 0, units);
            double[] actual = new double[units];
            System.arraycopy(grid, (r * cols + c) * units, actual, 0, units);
            assertArrayEquals(expected, actual, 0.0);
        }
        double[] scores = new double[cols * rows * 2];
        double[] probabilities = new double[cols * rows * 2];
        t.predictLayerGrid(2, cols, rows, scores);
        t.predictGrid(cols, rows, probabilities);
        double[] shown = new double[2];
        Losses.display(t.loss(), scores, 0, 2, shown, 0);
        assertEquals(shown[0], probabilities[0], 0.0);
        assertThrows(IllegalArgumentException.class, () -> t.predictLayerGrid(3, 2, 2, new double[100]));
    }
}
