package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.ui.playground.FrameLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostMeterTest {
    /** Time moves only when a fake activation works: each buffer pass costs its own milliseconds. */
    private static final class WorkClock implements FrameLoop.Clock {
        double now;

        @Override
        public double nowMs() {
            return now;
        }
    }

    private static class FakeCurve implements ActivationCurve {
        final String name;
        final double forwardMs;
        final double backwardMs;
        final WorkClock clock;
        int forwardPasses;

        FakeCurve(String name, double forwardMs, double backwardMs, WorkClock clock) {
            this.name = name;
            this.forwardMs = forwardMs;
            this.backwardMs = backwardMs;
            this.clock = clock;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x) {
            return 1;
        }

        @Override
        public boolean elementWise() {
            return true;
        }

        @Override
        public void forward(double[] z, double[] a, int count) {
            forwardPasses++;
            clock.now += forwardMs;
        }

        @Override
        public void backward(double[] z, double[] a, double[] dA, double[] dZ, int count) {
            clock.now += backwardMs;
        }
    }

    @Test
    void measuresNanosecondsPerCallAndRatiosToRelu() {
        WorkClock clock = new WorkClock();
        List<ActivationCurve> curves = new ArrayList<>();
        curves.add(new FakeCurve("relu", 0.5, 0.25, clock));
        curves.add(new FakeCurve("sigmoid", 2.0, 0.5, clock));
        curves.add(ActivationCatalog.byName("maxout"));
        CostMeter meter = new CostMeter(curves, clock, 8);
        assertEquals(2 * (CostMeter.ROUNDS + 1), meter.total(), "maxout is not timed");
        assertFalse(meter.measures("maxout"));
        int steps = 0;
        while (!meter.step()) {
            steps++;
            assertTrue(steps < 100);
        }
        assertEquals(meter.total(), meter.progress());
        // 0.5 ms per pass of 4096 calls
        assertEquals(0.5e6 / CostMeter.BUFFER, meter.forwardNs("relu"), 1e-9);
        assertEquals(2.0e6 / CostMeter.BUFFER, meter.forwardNs("sigmoid"), 1e-9);
        assertEquals("relu", meter.reference());
        assertEquals(4.0, meter.relativeForward("sigmoid"), 1e-12);
        assertEquals(2.0, meter.relativeBackward("sigmoid"), 1e-12);
        assertEquals(1.0, meter.relativeForward("relu"), 1e-12);
        assertTrue(Double.isNaN(meter.forwardNs("maxout")));
    }

    @Test
    void eachStepIsOneSliceAndTheFastestRoundCounts() {
        WorkClock clock = new WorkClock();
        FakeCurve slowFirst = new FakeCurve("linear", 1, 1, clock) {
            @Override
            public void forward(double[] z, double[] a, int count) {
                forwardPasses++;
                // the warm-up round is slow, later rounds faster
                clock.now += forwardPasses <= 8 ? 4 : 1;
            }
        };
        CostMeter meter = new CostMeter(List.of(slowFirst), clock, 8);
        meter.step();
        assertTrue(Double.isNaN(meter.forwardNs("linear")), "the warm-up round is not kept");
        assertEquals("linear", meter.reference(), "without relu, linear is the reference");
        while (!meter.step()) {
            // measure
        }
        assertEquals(1e6 / CostMeter.BUFFER, meter.forwardNs("linear"), 1e-9);
    }

    @Test
    void theEngineCurvesRunOnTheirBuffers() {
        WorkClock clock = new WorkClock();
        FrameLoop.Clock ticking = new FrameLoop.Clock() {
            double t;

            @Override
            public double nowMs() {
                t += 3;
                return t;
            }
        };
        CostMeter meter = new CostMeter(ActivationCatalog.builtIns(), ticking, 8);
        while (!meter.step()) {
            // every engine activation's forward and backward runs without error
        }
        for (ActivationCurve c : ActivationCatalog.builtIns()) {
            if (c.elementWise()) {
                assertTrue(meter.forwardNs(c.name()) > 0, c.name());
            }
        }
        assertEquals(0, clock.now);
    }
}
