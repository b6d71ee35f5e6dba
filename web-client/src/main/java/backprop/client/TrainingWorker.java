package backprop.client;

import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.GoalMetric;
import backprop.ui.challenge.GoalProgress;
import backprop.ui.challenge.GoalWatch;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The playground's trainer in a Web Worker ({@code static/js/train-worker.js} loads this build
 * and drives it): no DOM calls, only the engine. The page hands over its run as a spec and a
 * {@link Snapshot} when it plays, this trains in slices of a few milliseconds, and after each
 * slice the worker posts {@link #snapshot()} back; the page mirrors it with
 * {@link Trainer#restore}, so every pause is exactly the state this reached.
 */
public final class TrainingWorker {
    /** {@link #train}'s answers. */
    static final int PLAYING = 0;

    static final int STOPPED_AT_EPOCH = 1;
    static final int DIVERGED = 2;

    private static Trainer trainer;
    private static String trainerSpec;
    /** A challenge's goal, checked at every epoch boundary of this play; null when none. */
    private static GoalWatch goalWatch;

    private TrainingWorker() {}

    public static void main(String[] args) {
        // Driven by train-worker.js through the exports below.
    }

    /**
     * Takes over the page's run: {@code specText} (canonical, with its tuning) in the state
     * {@code snapshot}; on a challenge's page ({@code goalMetric} a metric's key, else "") its goal
     * is checked at every epoch boundary from here on ({@link #goalReport}).
     */
    @JSExport
    public static void load(
            String specText, Int8Array snapshot, String goalMetric, boolean atLeast, double threshold, int byEpoch) {
        if (trainer == null || !specText.equals(trainerSpec)) {
            trainer = new Trainer(SpecCodec.parseStrict(specText));
            trainerSpec = specText;
        }
        trainer.restore(Snapshot.fromBytes(snapshot.copyToJavaArray()), false);
        GoalMetric metric = GoalMetric.fromKey(goalMetric);
        goalWatch =
                metric == null ? null : new GoalWatch(new GoalProgress(new Goal(metric, atLeast, threshold, byEpoch)));
    }

    /**
     * The first epoch boundary of this play that met the goal, as {@link GoalProgress#reachedText}
     * ("epoch value fingerprint"), or "" (none yet, or no goal).
     */
    @JSExport
    public static String goalReport() {
        return goalWatch == null ? "" : goalWatch.progress().reachedText();
    }

    /** Another lr or lambda mid-run, as {@link Trainer#retune}. */
    @JSExport
    public static void retune(String specText) {
        trainer.retune(SpecCodec.parseStrict(specText));
        trainerSpec = specText;
    }

    /**
     * Trains mini-batches for about {@code budgetMs}; stops exactly when the epoch counter
     * reaches {@code stopAtEpoch} (-1: no limit) or on divergence, and says which.
     */
    @JSExport
    public static int train(double budgetMs, int stopAtEpoch) {
        double start = now();
        do {
            if (stopAtEpoch >= 0 && trainer.epoch() >= stopAtEpoch) {
                return STOPPED_AT_EPOCH;
            }
            trainer.stepBatch();
            if (trainer.diverged()) {
                return DIVERGED;
            }
            if (goalWatch != null && trainer.position() == 0) {
                goalWatch.epochEnded(trainer);
            }
        } while (now() - start < budgetMs);
        return stopAtEpoch >= 0 && trainer.epoch() >= stopAtEpoch ? STOPPED_AT_EPOCH : PLAYING;
    }

    /** The run's state now, as {@link Snapshot#toBytes()}. */
    @JSExport
    public static Int8Array snapshot() {
        return Int8Array.copyFromJavaArray(trainer.snapshot().toBytes());
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
