package backprop.ui.playground;

import backprop.engine.data.Dataset;
import backprop.engine.spec.Keyed;
import backprop.engine.spec.Spec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;

/**
 * The one controller that changes the trainer while the page runs. Each animation frame trains
 * as many mini-batches as fit in the frame's training budget, then the views redraw once.
 * Pure Java: the clock comes in as a function, so the JVM tests drive it.
 */
public final class FrameLoop implements TrainingLoop {
    /** A 60 Hz display's frame. */
    public static final double FRAME_MS = 1000.0 / 60;
    /** Left free in every frame for the browser's own work (compositing, canvas uploads, input). */
    public static final double BROWSER_SLACK_MS = 3.0;
    /** Training gets at least this much of a frame, however slow drawing is... */
    public static final double MIN_TRAIN_BUDGET_MS = 2.0;
    /** ...and at most this much, however cheap drawing is. */
    public static final double MAX_TRAIN_BUDGET_MS = 10.0;

    /** A monotonic clock in milliseconds. */
    public interface Clock {
        double nowMs();
    }

    /** How much training one frame does. */
    public enum Speed implements Keyed {
        /** As many mini-batches as fit in the frame's training budget ({@link #trainBudgetMs()}). */
        MAX("max"),
        /** One epoch per frame, as TensorFlow Playground does. */
        EPOCH("epoch"),
        /** One mini-batch per frame: slow enough to watch each update. */
        BATCH("batch");

        private final String key;

        Speed(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Speed fromKey(String key) {
            Speed found = Keyed.byKey(values(), key);
            return found == null ? MAX : found;
        }
    }

    private final Clock clock;
    private Speed speed = Speed.MAX;
    private Trainer trainer;
    private boolean playing;
    /** Pause when the epoch counter reaches this; -1 for no limit. */
    private int stopAtEpoch = -1;

    private double statsWindowStartMs = -1;
    private int statsFrames;
    private int statsEpochStart;
    private double framesPerSecond;
    private double epochsPerSecond;
    /** Smoothed milliseconds the page spends drawing a frame; -1 before the first report. */
    private double drawMs = -1;

    /** Imported points the next runs train on; null: the spec's own. */
    private Dataset dataset;

    /** Told of each epoch boundary the training passes; null: nobody. */
    private EpochWatch watch;

    public FrameLoop(Trainer trainer, Clock clock) {
        this.trainer = trainer;
        this.clock = clock;
    }

    @Override
    public Trainer trainer() {
        return trainer;
    }

    /** Replaces the run (reset or a new spec); pauses. */
    public void replace(Trainer next) {
        this.trainer = next;
        this.playing = false;
        this.statsWindowStartMs = -1;
    }

    @Override
    public void useDataset(Dataset points) {
        this.dataset = points;
    }

    @Override
    public void restart(Spec spec) {
        replace(new Trainer(spec, dataset));
    }

    @Override
    public void resume(Spec spec, Snapshot snapshot) {
        replace(Trainer.resume(spec, dataset, snapshot));
    }

    @Override
    public void retune(Spec next) {
        trainer.retune(next);
    }

    @Override
    public void watchEpochs(EpochWatch next) {
        this.watch = next;
    }

    /** After a training step: tells the watch when it ended an epoch. */
    private void stepped() {
        if (watch != null && trainer.position() == 0 && !trainer.diverged()) {
            watch.epochEnded(trainer);
        }
    }

    public void setSpeed(Speed speed) {
        this.speed = speed;
    }

    @Override
    public boolean playing() {
        return playing;
    }

    @Override
    public void play() {
        if (!trainer.diverged() && !(stopAtEpoch >= 0 && trainer.epoch() >= stopAtEpoch)) {
            playing = true;
        }
    }

    @Override
    public void pause() {
        playing = false;
    }

    @Override
    public void stopAtEpoch(int epoch) {
        this.stopAtEpoch = epoch;
    }

    public int stopAtEpoch() {
        return stopAtEpoch;
    }

    /** Finishes the current epoch (the "step" button), respecting nothing but divergence. */
    @Override
    public void stepEpoch() {
        playing = false;
        trainer.stepEpoch();
        stepped();
    }

    @Override
    public void stepBatch() {
        playing = false;
        trainer.stepBatch();
        stepped();
    }

    /**
     * Trains for at most the budget. Returns true when the model changed, so the views redraw.
     * Stops exactly at {@link #stopAtEpoch()} and on divergence.
     */
    @Override
    public boolean frame() {
        double start = clock.nowMs();
        updateStats(start);
        if (!playing) {
            return false;
        }
        int iterationBefore = trainer.iteration();
        int epochBefore = trainer.epoch();
        do {
            if (stopAtEpoch >= 0 && trainer.epoch() >= stopAtEpoch) {
                playing = false;
                stopAtEpoch = -1;
                break;
            }
            trainer.stepBatch();
            if (trainer.diverged()) {
                playing = false;
                break;
            }
            stepped();
            if (speed == Speed.BATCH || (speed == Speed.EPOCH && trainer.epoch() > epochBefore)) {
                break;
            }
        } while (speed == Speed.EPOCH || clock.nowMs() - start < trainBudgetMs());
        if (playing && stopAtEpoch >= 0 && trainer.epoch() >= stopAtEpoch) {
            playing = false;
            stopAtEpoch = -1;
        }
        return trainer.iteration() != iterationBefore;
    }

    private void updateStats(double nowMs) {
        if (statsWindowStartMs < 0) {
            statsWindowStartMs = nowMs;
            statsFrames = 0;
            statsEpochStart = trainer.epoch();
            return;
        }
        statsFrames++;
        double elapsed = nowMs - statsWindowStartMs;
        if (elapsed >= 500) {
            framesPerSecond = statsFrames * 1000.0 / elapsed;
            epochsPerSecond = (trainer.epoch() - statsEpochStart) * 1000.0 / elapsed;
            statsWindowStartMs = nowMs;
            statsFrames = 0;
            statsEpochStart = trainer.epoch();
        }
    }

    /**
     * Training and drawing share one frame: the page reports how long its drawing took, and the
     * next frames train for what is left of {@link #FRAME_MS} after drawing and the browser's
     * slack, between {@link #MIN_TRAIN_BUDGET_MS} and {@link #MAX_TRAIN_BUDGET_MS}. The drawing
     * time is smoothed (one eighth of each new report) so one slow frame does not make the next
     * ones jump.
     */
    public void reportDrawMs(double ms) {
        if (!(ms >= 0)) {
            return;
        }
        drawMs = drawMs < 0 ? ms : drawMs + (ms - drawMs) / 8;
    }

    /** Milliseconds of training in the next frame at speed {@code max}. */
    public double trainBudgetMs() {
        if (drawMs < 0) {
            return MAX_TRAIN_BUDGET_MS;
        }
        double left = FRAME_MS - BROWSER_SLACK_MS - drawMs;
        return Math.max(MIN_TRAIN_BUDGET_MS, Math.min(MAX_TRAIN_BUDGET_MS, left));
    }

    public double framesPerSecond() {
        return framesPerSecond;
    }

    public double epochsPerSecond() {
        return epochsPerSecond;
    }
}
