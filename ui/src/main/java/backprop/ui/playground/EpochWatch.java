package backprop.ui.playground;

import backprop.engine.train.Trainer;

/**
 * Told of every epoch boundary the training passes, inside the training step (a frame may train
 * many epochs and draw only the last): a challenge's page checks its goal at each one.
 */
public interface EpochWatch {
    /** {@code trainer} has just finished epoch {@code trainer.epoch()} (its position is 0). */
    void epochEnded(Trainer trainer);
}
