package backprop.ui.challenge;

import backprop.engine.train.Trainer;
import backprop.ui.playground.EpochWatch;

/**
 * Checks a goal at every epoch boundary the training passes and records it in a
 * {@link GoalProgress}, measuring only the goal's metric on its one set
 * ({@link GoalMetric#measure}): so the first epoch that meets the goal is found however many
 * epochs a frame trains, on the main thread and in the training worker alike.
 */
public final class GoalWatch implements EpochWatch {
    private final GoalProgress progress;

    public GoalWatch(GoalProgress progress) {
        this.progress = progress;
    }

    public GoalProgress progress() {
        return progress;
    }

    public Goal goal() {
        return progress.goal();
    }

    @Override
    public void epochEnded(Trainer trainer) {
        if (trainer.epoch() > progress.goal().byEpoch() || trainer.epoch() == progress.lastEpoch()) {
            return;
        }
        progress.observe(trainer.epoch(), progress.goal().metric().measure(trainer), trainer.fingerprint());
    }
}
