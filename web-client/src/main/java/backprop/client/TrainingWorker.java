package backprop.client;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.GoalMetric;
import backprop.ui.challenge.GoalProgress;
import backprop.ui.challenge.GoalWatch;
import backprop.ui.playground.Refresh;
import backprop.ui.playground.RunReadout;
import java.util.Objects;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The playground's trainer in a Web Worker ({@code static/js/train-worker.js} loads this build
 * and drives it): no DOM calls, only the engine. The page hands over its run as a spec and a
 * {@link Snapshot} when it plays, this trains in slices of a few milliseconds, and every few
 * slices the worker posts the run's state back as plain arrays ({@link #params()},
 * {@link #optimizerState()}, {@link #runningStatistics()} and the counters, no byte encoding);
 * the page mirrors it with {@link Trainer#restore}, so every pause is exactly the state this
 * reached. With some of those states goes a {@link RunReadout} ({@link #readout}): the metrics,
 * diagnostics and fingerprint measured here, so the page never passes over the data itself while
 * the worker trains.
 */
public final class TrainingWorker {
    /** {@link #train}'s answers. */
    static final int PLAYING = 0;

    static final int STOPPED_AT_EPOCH = 1;
    static final int DIVERGED = 2;

    /** Readouts cost a pass over the data: at most every 50 ms, and within a tenth of the worker's time. */
    private static final Refresh READOUTS = new Refresh(50, 0.1);

    private static Trainer trainer;
    private static String trainerSpec;
    private static String trainerPoints;
    /** A challenge's goal, checked at every epoch boundary of this play; null when none. */
    private static GoalWatch goalWatch;

    private TrainingWorker() {}

    public static void main(String[] args) {
        // Driven by train-worker.js through the exports below.
    }

    /**
     * Takes over the page's run: {@code specText} (canonical, with its tuning) in the state {@code
     * snapshot}, on {@code pointsCsv}'s imported points ({@link DatasetCsv}), or on the spec's own
     * when that is null; on a challenge's page ({@code goalMetric} a metric's key, else "") its
     * goal is checked at every epoch boundary from here on ({@link #goalReport}).
     */
    @JSExport
    public static void load(
            String specText,
            Int8Array snapshot,
            String pointsCsv,
            String goalMetric,
            boolean atLeast,
            double threshold,
            int byEpoch) {
        if (trainer == null || !specText.equals(trainerSpec) || !Objects.equals(pointsCsv, trainerPoints)) {
            Dataset points =
                    pointsCsv == null ? null : CsvImport.parse(pointsCsv).dataset();
            trainer = new Trainer(SpecCodec.parseStrict(specText), points);
            trainerSpec = specText;
            trainerPoints = pointsCsv;
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

    /** The run's parameters now (with {@link #optimizerState()} and the counters, its whole state). */
    @JSExport
    public static Float64Array params() {
        return Float64Array.copyFromJavaArray(trainer.network().parameters());
    }

    @JSExport
    public static Float64Array optimizerState() {
        return Float64Array.copyFromJavaArray(trainer.optimizerState());
    }

    @JSExport
    public static Float64Array runningStatistics() {
        return Float64Array.copyFromJavaArray(trainer.network().runningStatistics());
    }

    @JSExport
    public static int epoch() {
        return trainer.epoch();
    }

    @JSExport
    public static int iteration() {
        return trainer.iteration();
    }

    @JSExport
    public static int position() {
        return trainer.position();
    }

    /**
     * The run's {@link RunReadout} now, encoded, when one is due by {@link #READOUTS} or {@code
     * force}d (the state a pause ends on); else null.
     */
    @JSExport
    public static Float64Array readout(boolean force) {
        double start = now();
        if (!force && !READOUTS.due(start)) {
            return null;
        }
        double[] numbers = RunReadout.of(trainer).encode();
        READOUTS.done(start, now());
        return Float64Array.copyFromJavaArray(numbers);
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
