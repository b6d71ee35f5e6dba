package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZigZagTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 1, 2, 3})
    void withAllPositiveInputsEveryStepMovesBothWeightsTheSameWay(double lr) {
        ZigZag zz = ZigZag.allPositive(lr, 7);
        assertTrue(zz.allInputsPositive());
        for (int k = 0; k < 200; k++) {
            zz.step();
            double g1 = zz.gradient1(k);
            double g2 = zz.gradient2(k);
            assertTrue(Math.signum(g1) == Math.signum(g2), "step " + k + ": dL/dw = (" + g1 + ", " + g2 + ")");
            // and the update really goes the way the gradient says: both weights move in the same direction
            double d1 = zz.w1(k + 1) - zz.w1(k);
            double d2 = zz.w2(k + 1) - zz.w2(k);
            assertTrue(d1 * d2 >= 0, "step " + k + " moved (" + d1 + ", " + d2 + ")");
        }
        assertEquals(0, zz.mixedCount());
    }

    @Test
    void withZeroMeanInputsTheSignsMixAndThePathIsShorter() {
        ZigZag positive = ZigZag.allPositive(1, 7);
        ZigZag centred = ZigZag.zeroMean(1, 7);
        assertFalse(centred.allInputsPositive());
        double sum1 = 0;
        double sum2 = 0;
        for (int i = 0; i < centred.points(); i++) {
            sum1 += centred.input1(i);
            sum2 += centred.input2(i);
        }
        assertEquals(0, sum1, 1e-12);
        assertEquals(0, sum2, 1e-12);
        for (int k = 0; k < 48; k++) {
            positive.step();
            centred.step();
        }
        assertTrue(centred.mixedCount() > 10, "mixed steps: " + centred.mixedCount());
        assertTrue(pathLength(positive) > pathLength(centred), "the zig-zag travels further");
    }

    @Test
    void aStepIsOneExampleOfGradientDescentOnTheSquaredError() {
        ZigZag zz = ZigZag.allPositive(0.5, 7);
        zz.step();
        double x1 = zz.input1(0);
        double x2 = zz.input2(0);
        double p = ZigZag.START_W1 * x1 + ZigZag.START_W2 * x2;
        double y = ZigZag.OPTIMUM_W1 * x1 + ZigZag.OPTIMUM_W2 * x2;
        assertEquals((p - y) * x1, zz.gradient1(0), 1e-15);
        assertEquals((p - y) * x2, zz.gradient2(0), 1e-15);
        assertEquals(ZigZag.START_W1 - 0.5 * (p - y) * x1, zz.w1(1), 1e-15);
        // central difference of the one-example loss (p - y)^2 / 2
        double h = 1e-6;
        double plus = sq((ZigZag.START_W1 + h) * x1 + ZigZag.START_W2 * x2 - y) / 2;
        double minus = sq((ZigZag.START_W1 - h) * x1 + ZigZag.START_W2 * x2 - y) / 2;
        assertEquals((plus - minus) / (2 * h), zz.gradient1(0), 1e-8);
        assertEquals(0, zz.loss(ZigZag.OPTIMUM_W1, ZigZag.OPTIMUM_W2), 1e-30, "w* fits every example");
    }

    @Test
    void signsMarkupShowsEachStep() {
        ZigZag zz = ZigZag.zeroMean(1, 7);
        for (int k = 0; k < 5; k++) {
            zz.step();
        }
        String html = ZigZagPlot.signsMarkup(zz);
        assertEquals(5, html.split("<li ").length - 1);
        int mixed = html.split("class=\"mixed\"").length - 1;
        assertEquals(zz.mixedCount(), mixed);
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double pathLength(ZigZag zz) {
        double sum = 0;
        for (int k = 0; k < zz.steps(); k++) {
            double d1 = zz.w1(k + 1) - zz.w1(k);
            double d2 = zz.w2(k + 1) - zz.w2(k);
            sum += Math.sqrt(d1 * d1 + d2 * d2);
        }
        return sum;
    }
}
