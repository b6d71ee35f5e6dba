package backprop.ui.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import backprop.ui.playground.FrameLoop;
import backprop.ui.playground.PlaygroundSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The goal is checked at every epoch boundary the training passes, so "Goal reached at epoch N"
 * names the first epoch that met it, as the server (retraining epoch by epoch) finds it, even when
 * one frame trains every epoch up to the limit and draws only the last.
 */
class GoalWatchTest {
    /** A circle learnt at a low rate: a goal is met well after epoch 1. */
    private static final Spec SOLUTION = SpecCodec.parseStrict("v=1&data=circle&seed=4&layers=4:tanh&lr=0.01");

    /** A goal on {@code metric} at what the run measures at epoch 30, by epoch 60. */
    private static Goal goalAtEpoch30(GoalMetric metric) {
        Trainer trainer = new Trainer(SOLUTION);
        for (int i = 0; i < 30; i++) {
            trainer.stepEpoch();
        }
        return new Goal(metric, metric.accuracy(), metric.of(trainer.evaluate()), 60);
    }

    /** The first epoch boundary meeting the goal, the server's way: train an epoch, evaluate everything. */
    private static int firstEpochMeeting(Spec spec, Goal goal, Trainer[] at) {
        Trainer trainer = new Trainer(spec);
        while (trainer.epoch() < goal.byEpoch()) {
            trainer.stepEpoch();
            if (goal.meets(goal.metric().of(trainer.evaluate()))) {
                at[0] = trainer;
                return trainer.epoch();
            }
        }
        return -1;
    }

    @Test
    void theReportedEpochIsTheFirstThatMetTheGoalThoughOneFrameTrainedThemAll() {
        for (GoalMetric metric : GoalMetric.values()) {
            Goal goal = goalAtEpoch30(metric);
            Trainer[] reference = new Trainer[1];
            int first = firstEpochMeeting(SOLUTION, goal, reference);
            assertTrue(first > 1 && first <= 30, goal.describe() + ": first at " + first);

            // A clock that never moves: one frame trains until Play stops at the goal's epoch.
            PlaygroundSession session = new PlaygroundSession(SOLUTION, new FrameLoop(new Trainer(SOLUTION), () -> 0));
            session.challengeMode((next, points) -> List.of(), goal.byEpoch());
            GoalProgress progress = new GoalProgress(goal);
            session.loop().watchEpochs(new GoalWatch(progress));
            session.play();
            session.loop().frame();
            assertEquals(goal.byEpoch(), session.trainer().epoch(), "one frame trained every epoch");

            assertEquals(first, progress.reachedEpoch(), goal.describe());
            assertEquals("Goal reached at epoch " + first, progress.status());
            assertEquals(goal.metric().of(reference[0].evaluate()), progress.reachedValue());
            assertEquals(reference[0].fingerprint(), progress.reachedFingerprint());
            assertEquals(first, progress.attemptEpoch());
        }
    }

    @Test
    void measuringOneSetGivesExactlyTheFullEvaluationsFigure() {
        Trainer trainer = new Trainer(SOLUTION);
        for (int epoch = 0; epoch < 5; epoch++) {
            for (GoalMetric metric : GoalMetric.values()) {
                assertEquals(metric.of(trainer.evaluate()), metric.measure(trainer), metric.key());
            }
            trainer.stepEpoch();
        }
    }

    @Test
    void whatTheWorkerReportsKeepsTheEarliestEpochAndItsExactFigures() {
        Goal goal = goalAtEpoch30(GoalMetric.TEST_LOSS);
        Trainer[] reference = new Trainer[1];
        int first = firstEpochMeeting(SOLUTION, goal, reference);
        GoalProgress worker = new GoalProgress(goal);
        GoalWatch watch = new GoalWatch(worker);
        Trainer trainer = new Trainer(SOLUTION);
        while (trainer.epoch() < goal.byEpoch()) {
            trainer.stepBatch();
            if (trainer.position() == 0) {
                watch.epochEnded(trainer);
            }
        }
        GoalProgress page = new GoalProgress(goal);
        page.observe(goal.byEpoch(), goal.metric().measure(trainer), trainer.fingerprint()); // the frame it drew
        assertEquals(goal.byEpoch(), page.reachedEpoch(), "a frame alone sees only the epoch it drew");
        page.reachedFrom(worker.reachedText());
        assertEquals(first, page.reachedEpoch());
        assertEquals(goal.metric().of(reference[0].evaluate()), page.reachedValue(), "exact through the text");
        assertEquals(reference[0].fingerprint(), page.reachedFingerprint());
        page.reachedFrom("");
        page.reachedFrom((first + 3) + " 0 0123456789abcdef");
        assertEquals(first, page.reachedEpoch(), "a later report does not replace the first");
    }
}
