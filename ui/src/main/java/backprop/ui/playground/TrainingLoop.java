package backprop.ui.playground;

import backprop.engine.data.Dataset;
import backprop.engine.spec.Spec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;

/**
 * What the page asks of training, whoever runs it: {@link FrameLoop} trains on the main thread
 * within each animation frame; an implementation backed by a Web Worker can train on a core of
 * its own and publish its weights into {@link #trainer()} for drawing. Every call keeps the run
 * exact: the same spec and the same steps give the same epoch and fingerprint.
 */
public interface TrainingLoop {
    /** The run as the views draw it (its spec, counters, weights and metrics). */
    Trainer trainer();

    /**
     * The points later runs ({@link #restart}, {@link #resume}) train on: imported ones, or null
     * for the spec's own. The current run keeps its points.
     */
    void useDataset(Dataset dataset);

    /** A new run of {@code spec} from epoch 0; pauses. */
    void restart(Spec spec);

    /** A run of {@code spec} continued from a saved state; pauses. */
    void resume(Spec spec, Snapshot snapshot);

    /** The same run with another lr or lambda ({@link Spec#sameExceptTuning}); keeps playing. */
    void retune(Spec next);

    boolean playing();

    void play();

    void pause();

    /** Pause when the epoch counter reaches {@code epoch}; -1 for no limit. */
    void stopAtEpoch(int epoch);

    /** Finishes the current epoch (the "step" button); pauses. */
    void stepEpoch();

    /** One mini-batch; pauses. */
    void stepBatch();

    /**
     * Told of every epoch boundary the training passes from now on, whoever trains ({@code null}:
     * none). A challenge's page watches its goal this way.
     */
    void watchEpochs(EpochWatch watch);

    /** Called once per animation frame: trains what fits; true when the model changed. */
    boolean frame();

    /**
     * The metrics, diagnostics and fingerprint of the run, measured where it trains (a Web
     * Worker) for a recent state, or null when the views should measure {@link #trainer()}
     * themselves (training on the main thread, or a state the page made).
     */
    default RunReadout readout() {
        return null;
    }
}
