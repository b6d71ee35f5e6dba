package backprop.engine.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lecture's loop line by line. Reference numbers: numpy 2.4 running the body of
 * {@code shared/bench/seed_numpy.py} (lr 0.01) on the same small matrices, printed from
 * {@code NumpyLoop.small(1).array("x")} etc. at full precision.
 */
class NumpyLoopTest {
    @Test
    void oneIterationRunsTheSlidesLinesInOrderWithNumpysShapes() {
        NumpyLoop loop = NumpyLoop.small(1);
        List<String> seen = new ArrayList<>();
        for (int k = 0; k < LoopLine.values().length; k++) {
            LineResult r = loop.step();
            seen.add(r.line().number() + " " + r.line().source(loop.learningRateText()) + " " + r.shape());
            assertEquals(0, r.iteration());
            assertEquals(r.rows() * r.cols(), r.values().length);
        }
        assertEquals(
                List.of(
                        "9 h = 1 / (1 + np.exp(-x.dot(w1))) (4, 5)",
                        "10 y_pred = h.dot(w2) (4, 2)",
                        "11 loss = np.square(y_pred - y).sum() ()",
                        "14 grad_y_pred = 2.0 * (y_pred - y) (4, 2)",
                        "15 grad_w2 = h.T.dot(grad_y_pred) (5, 2)",
                        "16 grad_h = grad_y_pred.dot(w2.T) (4, 5)",
                        "17 grad_w1 = x.T.dot(grad_h * h * (1 - h)) (3, 5)",
                        "19 w1 -= 0.01 * grad_w1 (3, 5)",
                        "20 w2 -= 0.01 * grad_w2 (5, 2)"),
                seen);
        assertEquals(1, loop.iteration());
        assertEquals(LoopLine.HIDDEN, loop.nextLine());
    }

    @Test
    void lossesMatchNumpyOnTheSameMatrices() {
        NumpyLoop loop = NumpyLoop.small(1);
        double[] expected = {28.61805024294354, 25.707357249565405, 12.936076458155085, 2.9423363254741566};
        int[] after = {1, 2, 10, 100};
        int done = 0;
        for (int i = 0; i < after.length; i++) {
            double loss = loop.runIterations(after[i] - done);
            done = after[i];
            assertEquals(expected[i], loss, 1e-12 * expected[i], "loss of iteration " + after[i]);
        }
    }

    @Test
    void firstGradientsMatchNumpyAndCentralDifferences() {
        NumpyLoop loop = NumpyLoop.small(1);
        while (loop.nextLine() != LoopLine.UPDATE_W1) {
            loop.step();
        }
        assertEquals(6.547065807505777, loop.array("grad_w2")[0], 1e-12);
        assertEquals(-0.35456064102141543, loop.array("grad_w1")[0], 1e-12);
        assertGradientsMatchCentralDifferences(loop);
        // and again after some training, on other weights
        loop.runIterations(5);
        while (loop.nextLine() != LoopLine.UPDATE_W1) {
            loop.step();
        }
        assertGradientsMatchCentralDifferences(loop);
    }

    private static void assertGradientsMatchCentralDifferences(NumpyLoop loop) {
        for (String weights : new String[] {"w1", "w2"}) {
            double[] analytic = loop.array("grad_" + weights);
            double[] numerical = loop.numericalGradient(weights);
            for (int k = 0; k < analytic.length; k++) {
                double error = Math.abs(analytic[k] - numerical[k])
                        / Math.max(1e-6, Math.abs(analytic[k]) + Math.abs(numerical[k]));
                assertTrue(error < 1e-7, "grad_" + weights + "[" + k + "]: " + analytic[k] + " vs " + numerical[k]);
            }
        }
    }

    @Test
    void theStepperDrawsLikeTheSeedLoopAndChecksItsArguments() {
        NumpyLoop loop = new NumpyLoop(2, 3, 4, 1, 1e-4, new Rng(7));
        Rng rng = new Rng(7);
        for (double v : loop.array("x")) {
            assertEquals(rng.nextGaussian(), v, 0.0, "x first, row by row");
        }
        assertEquals("0.0001", loop.learningRateText());
        assertTrue(Double.isNaN(loop.loss()));
        IllegalArgumentException shape =
                assertThrows(IllegalArgumentException.class, () -> new NumpyLoop(0, 3, 4, 1, 0.1, new Rng(1)));
        assertTrue(shape.getMessage().contains("1 to 16, got 0, 3, 4, 1"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NumpyLoop(2, 3, 4, 1, 0, new Rng(1)));
        assertThrows(IllegalArgumentException.class, () -> loop.array("z"));
        assertThrows(IllegalArgumentException.class, () -> loop.numericalGradient("x"));
    }
}
