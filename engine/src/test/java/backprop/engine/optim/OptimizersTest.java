package backprop.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.spec.OptimizerKind;
import org.junit.jupiter.api.Test;

class OptimizersTest {

    @Test
    void sgdStepsAgainstTheGradient() {
        Optimizer sgd = Optimizer.create(OptimizerKind.SGD);
        sgd.init(2);
        double[] w = {1, -2};
        sgd.step(w, new double[] {0.5, -1}, 0.1);
        assertArrayEquals(new double[] {0.95, -1.9}, w, 1e-15);
        assertEquals(0, sgd.stateSize());
    }

    @Test
    void momentumAccumulatesVelocity() {
        Optimizer momentum = Optimizer.create(OptimizerKind.MOMENTUM);
        momentum.init(1);
        double[] w = {0};
        double[] g = {1};
        momentum.step(w, g, 0.1);
        assertEquals(-0.1, w[0], 1e-15);
        momentum.step(w, g, 0.1);
        // v = 0.9 · (-0.1) - 0.1 = -0.19
        assertEquals(-0.29, w[0], 1e-15);
        momentum.reset();
        momentum.step(w, g, 0.1);
        assertEquals(-0.39, w[0], 1e-15);
    }

    @Test
    void adamFirstStepIsLearningRateTimesSign() {
        Optimizer adam = Optimizer.create(OptimizerKind.ADAM);
        adam.init(3);
        double[] w = {0, 0, 0};
        adam.step(w, new double[] {0.3, -20, 1e-3}, 0.01);
        // m̂ = g, v̂ = g²: step = lr g / (|g| + 1e-8)
        assertEquals(-0.01 * 0.3 / (0.3 + 1e-8), w[0], 1e-17);
        assertEquals(0.01 * 20 / (20 + 1e-8), w[1], 1e-17);
        assertEquals(-0.01 * 1e-3 / (1e-3 + 1e-8), w[2], 1e-17);
    }

    @Test
    void adamMatchesItsFormulasOverSeveralSteps() {
        Optimizer adam = Optimizer.create(OptimizerKind.ADAM);
        adam.init(1);
        double[] w = {1};
        double m = 0;
        double v = 0;
        double expected = 1;
        for (int t = 1; t <= 5; t++) {
            double g = 0.1 * t - 0.2;
            adam.step(w, new double[] {g}, 0.05);
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double mHat = m / (1 - StrictMath.pow(0.9, t));
            double vHat = v / (1 - StrictMath.pow(0.999, t));
            expected -= 0.05 * mHat / (Math.sqrt(vHat) + 1e-8);
            assertEquals(expected, w[0], 1e-12, "step " + t);
        }
    }

    @Test
    void stateRoundTripContinuesBitForBit() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            Optimizer a = Optimizer.create(kind);
            a.init(2);
            double[] wa = {0.5, -0.5};
            for (int t = 0; t < 3; t++) {
                a.step(wa, new double[] {0.1 * t + 0.01, -0.3}, 0.1);
            }
            double[] state = new double[a.stateSize()];
            a.writeState(state);
            Optimizer b = Optimizer.create(kind);
            b.init(2);
            b.readState(state);
            double[] wb = wa.clone();
            for (int t = 0; t < 3; t++) {
                double[] g = {0.2 - 0.05 * t, 0.4};
                a.step(wa, g, 0.1);
                b.step(wb, g.clone(), 0.1);
            }
            assertArrayEquals(wa, wb, 0.0, kind.key());
        }
    }
}
