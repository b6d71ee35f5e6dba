package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

class FrameLoopTest {
    /** A clock that advances 1 ms each time it is read. */
    private static final class TickingClock implements FrameLoop.Clock {
        double now;

        @Override
        public double nowMs() {
            now += 1;
            return now;
        }
    }

    @Test
    void trainsUntilTheTargetEpochThenPausesExactlyThere() {
        FrameLoop loop = new FrameLoop(new Trainer(Spec.defaults()), new TickingClock());
        loop.stopAtEpoch(3);
        loop.play();
        int frames = 0;
        while (loop.playing() && frames < 10_000) {
            loop.frame();
            frames++;
        }
        assertFalse(loop.playing());
        assertEquals(3, loop.trainer().epoch());
        assertEquals(3 * 25, loop.trainer().iteration());
    }

    @Test
    void speedBatchDoesOneUpdatePerFrameAndSpeedEpochOneEpoch() {
        FrameLoop loop = new FrameLoop(new Trainer(Spec.defaults()), new TickingClock());
        loop.setSpeed(FrameLoop.Speed.BATCH);
        loop.play();
        loop.frame();
        assertEquals(1, loop.trainer().iteration());
        loop.setSpeed(FrameLoop.Speed.EPOCH);
        loop.frame();
        assertEquals(1, loop.trainer().epoch());
        assertEquals(25, loop.trainer().iteration());
    }

    @Test
    void pausesWhenTrainingDiverges() {
        Trainer diverging = new Trainer(SpecCodec.parseStrict("loss=mse&lr=10&layers=16:relu,16:relu&init=uniform"));
        FrameLoop loop = new FrameLoop(diverging, new TickingClock());
        loop.play();
        for (int i = 0; i < 1000 && loop.playing(); i++) {
            loop.frame();
        }
        assertTrue(diverging.diverged());
        assertFalse(loop.playing());
        loop.play();
        assertFalse(loop.playing(), "a diverged run does not play again until reset");
    }

    @Test
    void trainingGetsWhatDrawingLeavesOfTheFrame() {
        FrameLoop loop = new FrameLoop(new Trainer(Spec.defaults()), new TickingClock());
        assertEquals(FrameLoop.MAX_TRAIN_BUDGET_MS, loop.trainBudgetMs(), "before any report");
        loop.reportDrawMs(6.0);
        assertEquals(FrameLoop.FRAME_MS - FrameLoop.BROWSER_SLACK_MS - 6.0, loop.trainBudgetMs(), 1e-9);
        for (int i = 0; i < 200; i++) {
            loop.reportDrawMs(40.0);
        }
        assertEquals(FrameLoop.MIN_TRAIN_BUDGET_MS, loop.trainBudgetMs(), 1e-9, "slow drawing never starves training");
        for (int i = 0; i < 200; i++) {
            loop.reportDrawMs(0.5);
        }
        assertEquals(FrameLoop.MAX_TRAIN_BUDGET_MS, loop.trainBudgetMs(), 1e-9);
        loop.reportDrawMs(Double.NaN);
        assertEquals(FrameLoop.MAX_TRAIN_BUDGET_MS, loop.trainBudgetMs(), 1e-9, "a bad report is ignored");
    }

    @Test
    void oneSlowFrameMovesTheBudgetOnlyAnEighthOfTheWay() {
        FrameLoop loop = new FrameLoop(new Trainer(Spec.defaults()), new TickingClock());
        loop.reportDrawMs(4.0);
        loop.reportDrawMs(12.0);
        assertEquals(FrameLoop.FRAME_MS - FrameLoop.BROWSER_SLACK_MS - 5.0, loop.trainBudgetMs(), 1e-9);
    }

    @Test
    void aFrameTrainsForItsBudgetThenStops() {
        FrameLoop loop = new FrameLoop(new Trainer(Spec.defaults()), new TickingClock());
        for (int i = 0; i < 50; i++) {
            loop.reportDrawMs(10.0);
        }
        double budget = loop.trainBudgetMs();
        loop.play();
        loop.frame();
        // the ticking clock advances 1 ms per read: one read before the loop, one after each batch
        assertEquals((int) Math.ceil(budget), loop.trainer().iteration());
    }
}
