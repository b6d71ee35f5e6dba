package backprop.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import backprop.engine.spec.LossKind;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void lectureHingeExampleIsTwoPointNine() {
        // s = (3.2, 5.1, -1.7), class 0 correct: max(0, 5.1 - 3.2 + 1) + max(0, -1.7 - 3.2 + 1) = 2.9
        double[] scores = {3.2, 5.1, -1.7};
        assertEquals(2.9, Losses.loss(OutputLoss.MULTICLASS_HINGE, scores, 0, 3, 0, 0), 1e-12);
        double[] d = new double[3];
        assertEquals(2.9, Losses.lossAndGradient(OutputLoss.MULTICLASS_HINGE, scores, 0, 3, 0, 0, d, 1), 1e-12);
        assertArrayEquals(new double[] {-1, 1, 0}, d);
    }

    @Test
    void hingeOfTheOtherLectureColumns() {
        // The lecture's other two examples: car correct (1.3, 4.9, 2.0) -> 0; frog correct (2.2, 2.5, -3.1) -> 12.9
        assertEquals(0, Losses.loss(OutputLoss.MULTICLASS_HINGE, new double[] {1.3, 4.9, 2.0}, 0, 3, 1, 0), 1e-12);
        assertEquals(12.9, Losses.loss(OutputLoss.MULTICLASS_HINGE, new double[] {2.2, 2.5, -3.1}, 0, 3, 2, 0), 1e-12);
    }

    @Test
    void softmaxCrossEntropyReference() {
        double[] s = {1, 2, 3};
        double expected =
                -StrictMath.log(StrictMath.exp(3) / (StrictMath.exp(1) + StrictMath.exp(2) + StrictMath.exp(3)));
        assertEquals(expected, Losses.loss(OutputLoss.SOFTMAX_CROSS_ENTROPY, s, 0, 3, 2, 0), 1e-14);
        // Large scores do not overflow.
        assertEquals(0, Losses.loss(OutputLoss.SOFTMAX_CROSS_ENTROPY, new double[] {1000, 0}, 0, 2, 0, 0), 1e-300);
        assertEquals(1000, Losses.loss(OutputLoss.SOFTMAX_CROSS_ENTROPY, new double[] {1000, 0}, 0, 2, 1, 0), 1e-9);
    }

    @Test
    void binaryCrossEntropyReference() {
        double z = 0.7;
        double p = 1 / (1 + StrictMath.exp(-z));
        assertEquals(
                -StrictMath.log(p), Losses.loss(OutputLoss.BINARY_CROSS_ENTROPY, new double[] {z}, 0, 1, 1, 0), 1e-15);
        assertEquals(
                -StrictMath.log(1 - p),
                Losses.loss(OutputLoss.BINARY_CROSS_ENTROPY, new double[] {z}, 0, 1, 0, 0),
                1e-15);
        assertEquals(800, Losses.loss(OutputLoss.BINARY_CROSS_ENTROPY, new double[] {-800}, 0, 1, 1, 0), 1e-9);
    }

    @Test
    void squaredErrorIsHalfTheSumOfSquares() {
        assertEquals(
                0.5 * (0.25 + 0.09 + 0.04),
                Losses.loss(OutputLoss.SQUARED_ERROR_ONE_HOT, new double[] {0.5, 0.7, -0.2}, 0, 3, 1, 0),
                1e-15);
        assertEquals(0.5 * 0.09, Losses.loss(OutputLoss.SQUARED_ERROR_VALUE, new double[] {0.4}, 0, 1, 0, 0.1), 1e-15);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        Rng rng = new Rng(21);
        double h = 1e-6;
        for (OutputLoss kind : OutputLoss.values()) {
            int outputs = kind == OutputLoss.BINARY_CROSS_ENTROPY || kind == OutputLoss.SQUARED_ERROR_VALUE ? 1 : 4;
            for (int trial = 0; trial < 50; trial++) {
                double[] s = new double[outputs];
                for (int j = 0; j < outputs; j++) {
                    s[j] = rng.uniform(-3, 3);
                }
                int label = kind == OutputLoss.BINARY_CROSS_ENTROPY ? rng.nextInt(2) : rng.nextInt(outputs);
                double target = rng.uniform(-1, 1);
                if (kind == OutputLoss.MULTICLASS_HINGE && nearHingeKink(s, label)) {
                    continue;
                }
                double[] d = new double[outputs];
                double value = Losses.lossAndGradient(kind, s, 0, outputs, label, target, d, 1);
                assertEquals(Losses.loss(kind, s, 0, outputs, label, target), value, 0.0);
                for (int j = 0; j < outputs; j++) {
                    double keep = s[j];
                    s[j] = keep + h;
                    double plus = Losses.loss(kind, s, 0, outputs, label, target);
                    s[j] = keep - h;
                    double minus = Losses.loss(kind, s, 0, outputs, label, target);
                    s[j] = keep;
                    double numeric = (plus - minus) / (2 * h);
                    double error = Math.abs(numeric - d[j]) / Math.max(1e-6, Math.abs(numeric) + Math.abs(d[j]));
                    assertTrue(error < 1e-6, kind + " d/ds" + j + ": analytic " + d[j] + ", numeric " + numeric);
                }
            }
        }
    }

    private static boolean nearHingeKink(double[] s, int label) {
        for (int j = 0; j < s.length; j++) {
            if (j != label && Math.abs(s[j] - s[label] + 1) < 1e-3) {
                return true;
            }
        }
        return false;
    }

    @Test
    void gradientIsScaled() {
        double[] s = {0.3, -0.2};
        double[] d1 = new double[2];
        double[] d10 = new double[2];
        Losses.lossAndGradient(OutputLoss.SOFTMAX_CROSS_ENTROPY, s, 0, 2, 0, 0, d1, 1);
        Losses.lossAndGradient(OutputLoss.SOFTMAX_CROSS_ENTROPY, s, 0, 2, 0, 0, d10, 0.1);
        assertEquals(d1[0] * 0.1, d10[0], 1e-17);
        assertEquals(-d1[0], d1[1], 1e-16);
    }

    @Test
    void predictionsAndDisplay() {
        assertEquals(1, Losses.predictedClass(OutputLoss.SOFTMAX_CROSS_ENTROPY, new double[] {0.1, 0.9, 0.2}, 0, 3));
        assertEquals(0, Losses.predictedClass(OutputLoss.MULTICLASS_HINGE, new double[] {0.5, 0.5}, 0, 2));
        assertEquals(1, Losses.predictedClass(OutputLoss.BINARY_CROSS_ENTROPY, new double[] {0.01}, 0, 1));
        assertEquals(0, Losses.predictedClass(OutputLoss.BINARY_CROSS_ENTROPY, new double[] {0}, 0, 1));
        double[] out = new double[3];
        Losses.display(OutputLoss.SOFTMAX_CROSS_ENTROPY, new double[] {1, 2, 3}, 0, 3, out, 0);
        assertEquals(1, out[0] + out[1] + out[2], 1e-15);
        assertTrue(out[2] > out[1] && out[1] > out[0]);
        Losses.display(OutputLoss.BINARY_CROSS_ENTROPY, new double[] {0}, 0, 1, out, 0);
        assertEquals(0.5, out[0]);
        Losses.display(OutputLoss.MULTICLASS_HINGE, new double[] {-4, 7}, 0, 2, out, 1);
        assertArrayEquals(new double[] {0.5, -4, 7}, out);
    }

    @Test
    void regressionAlwaysUsesSquaredErrorOnTheValue() {
        for (LossKind kind : LossKind.values()) {
            assertEquals(OutputLoss.SQUARED_ERROR_VALUE, OutputLoss.of(kind, true));
        }
        assertEquals(OutputLoss.MULTICLASS_HINGE, OutputLoss.of(LossKind.SVM, false));
        assertEquals(OutputLoss.SQUARED_ERROR_ONE_HOT, OutputLoss.of(LossKind.MSE, false));
    }
}
