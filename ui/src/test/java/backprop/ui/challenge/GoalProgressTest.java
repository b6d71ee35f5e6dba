package backprop.ui.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.train.Metrics;
import org.junit.jupiter.api.Test;

class GoalProgressTest {
    private static Metrics testAccuracy(double value) {
        return new Metrics(0.5, 0.5, 0.5, value, 0);
    }

    @Test
    void theFirstBoundaryThatMeetsTheGoalIsTheReachedEpoch() {
        GoalProgress progress = new GoalProgress(new Goal(GoalMetric.TEST_ACCURACY, true, 0.9, 50));
        assertEquals("Not reached yet: press Play (goal: test accuracy at least 0.9 by epoch 50)", progress.status());
        assertFalse(progress.observe(10, testAccuracy(0.8), "a"));
        assertEquals("Not reached yet: test accuracy 0.8000 at epoch 10", progress.status());
        assertTrue(progress.observe(20, testAccuracy(0.9), "b"));
        assertFalse(progress.observe(30, testAccuracy(0.95), "c"));
        assertEquals("Goal reached at epoch 20", progress.status());
        assertEquals(20, progress.attemptEpoch());
        assertEquals(0.9, progress.reachedValue());
        assertEquals("b", progress.reachedFingerprint());
        progress.restart();
        assertFalse(progress.reached());
        assertEquals(0, progress.attemptEpoch());
    }

    @Test
    void epochsAfterTheLimitDoNotCountAndNaNNeverMeets() {
        GoalProgress progress = new GoalProgress(new Goal(GoalMetric.TEST_LOSS, false, 0.1, 50));
        assertFalse(progress.observe(50, new Metrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0), ""));
        assertFalse(progress.observe(60, new Metrics(0.01, 0.01, 1, 1, 0), ""));
        assertEquals(
                "Not reached by epoch 50: test loss – at epoch 50. Change something and try again.", progress.status());
    }
}
