package backprop.client;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.GoalWatch;
import backprop.ui.playground.EpochWatch;
import backprop.ui.playground.FrameLoop;
import backprop.ui.playground.RunReadout;
import backprop.ui.playground.TrainingLoop;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Training on a core of its own: while the run plays at speed {@code max}, a Web Worker
 * ({@link TrainingWorker}) trains it and posts its state after each slice; the page's
 * {@link FrameLoop} keeps a mirror of that state ({@link Trainer#restore}), which the views draw.
 * Everything exact runs on the mirror once the worker has stopped: a pause waits for the worker's
 * last state (the page shows "playing" until it arrives), and Step epoch, Step batch and a
 * retune asked for meanwhile run after it, so each pause shows the epoch and fingerprint the run
 * reached, as on the main thread. Until the worker is ready, where it cannot start, and at the
 * speeds {@code epoch} and {@code batch}, the {@link FrameLoop} trains on the main thread.
 */
final class WorkerLoop implements TrainingLoop {
    private static final int PLAYING = 0;
    private static final int DIVERGED = 2;

    private final FrameLoop local;
    private final JSObject worker;
    private boolean ready;
    /** The worker trains the run. */
    private boolean remote;
    /** A pause was sent; the worker's last state has not arrived yet. */
    private boolean syncing;
    /** Tells the worker's states of an earlier play (or an earlier run) from the current one's. */
    private int generation;

    private boolean changed;
    /** The newest state the playing worker posted, not yet mirrored; null when none. */
    private StateMessage latest;
    /** The newest readout the worker posted, not yet decoded; null when none. */
    private Float64Array latestReadout;
    /** The worker's newest readout of the run it trains (or trained last), or null. */
    private RunReadout readout;
    /** Play again once the worker's last state has arrived (a retune of speed, a play clicked while pausing). */
    private boolean playAfterSync;

    private FrameLoop.Speed speed = FrameLoop.Speed.MAX;
    /** The imported points last sent to the worker, and their CSV (written once per set). */
    private Dataset sentPoints;

    private String sentPointsCsv;

    private final List<Runnable> afterSync = new ArrayList<>();

    /** A challenge's goal: the worker checks it at every epoch boundary and reports the first that meets it. */
    private GoalWatch goalWatch;

    private WorkerLoop(FrameLoop local, JSObject worker) {
        this.local = local;
        this.worker = worker;
    }

    /** A loop over {@code local} with a worker in {@code runtime} ("wasm" or "js"), or without one where none starts. */
    static WorkerLoop start(FrameLoop local, String runtime, boolean useWorker) {
        JSObject worker = useWorker ? TrainingWorkers.start(runtime, "worker") : null;
        WorkerLoop loop = new WorkerLoop(local, worker);
        if (worker != null) {
            onMessage(worker, loop::onMessage);
        }
        return loop;
    }

    private void onMessage(String kind, int messageGeneration, int status, StateMessage state) {
        if (kind.equals("ready")) {
            ready = true;
            return;
        }
        if (kind.equals("failed")) {
            ready = false;
            if (remote || syncing) {
                // Nothing more will come from the worker: go on from the last state it sent.
                if (latest != null) {
                    mirror(latest, false);
                    latest = null;
                }
                boolean wasPlaying = remote;
                remote = false;
                finishSync();
                if (wasPlaying) {
                    local.play();
                }
            }
            return;
        }
        if (messageGeneration != generation || !(remote || syncing)) {
            return;
        }
        if (state.getReadout() != null) {
            // Kept as sent and decoded in the next frame, the newest only.
            latestReadout = state.getReadout();
        }
        if (goalWatch != null && state.getGoal() != null && !state.getGoal().isEmpty()) {
            goalWatch.progress().reachedFrom(state.getGoal());
        }
        if (status == PLAYING) {
            // Mirrored in the next frame, and only the latest of those that came in meanwhile.
            latest = state;
            return;
        }
        latest = null;
        mirror(state, status == DIVERGED);
        changed = true;
        if (remote && status != DIVERGED) {
            // Stopped at the epoch asked for: the limit is used up, as FrameLoop does.
            local.stopAtEpoch(-1);
        }
        remote = false;
        finishSync();
    }

    /** Puts the worker's state into the page's trainer, exactly (every number of the run's state). */
    private void mirror(StateMessage state, boolean diverged) {
        local.trainer()
                .restore(
                        new Snapshot(
                                state.getEpoch(),
                                state.getIteration(),
                                state.getParams().copyToJavaArray(),
                                state.getOptimizer().copyToJavaArray(),
                                state.getPosition(),
                                new double[0],
                                state.getRunning().copyToJavaArray()),
                        diverged);
    }

    private void finishSync() {
        syncing = false;
        List<Runnable> pending = new ArrayList<>(afterSync);
        afterSync.clear();
        for (Runnable r : pending) {
            r.run();
        }
        changed = true;
        if (playAfterSync) {
            playAfterSync = false;
            play();
        }
    }

    /** Runs {@code action} on the mirror now if the worker is idle, else once it has stopped. */
    private void whenStopped(Runnable action) {
        if (remote) {
            pause();
        }
        if (syncing) {
            afterSync.add(action);
        } else {
            action.run();
        }
    }

    /** Forgets whatever the worker is doing (a new run replaces it). */
    private void drop() {
        if (remote || syncing) {
            TrainingWorkers.postKind(worker, "pause");
        }
        remote = false;
        syncing = false;
        latest = null;
        latestReadout = null;
        readout = null;
        afterSync.clear();
        playAfterSync = false;
        generation++;
    }

    @Override
    public Trainer trainer() {
        return local.trainer();
    }

    /**
     * The worker's newest readout while it trains the run, and of the state it stopped on until
     * the page changes the run itself (a step, a restart); else null (measure the trainer).
     */
    @Override
    public RunReadout readout() {
        if (readout == null
                || (!remote
                        && !syncing
                        && readout.iteration() != local.trainer().iteration())) {
            return null;
        }
        return readout;
    }

    @Override
    public void useDataset(Dataset dataset) {
        local.useDataset(dataset);
    }

    /** On the main thread as given; a {@link GoalWatch}'s goal also goes to the worker with each play. */
    @Override
    public void watchEpochs(EpochWatch watch) {
        local.watchEpochs(watch);
        goalWatch = watch instanceof GoalWatch g ? g : null;
    }

    @Override
    public void restart(Spec spec) {
        drop();
        local.restart(spec);
    }

    @Override
    public void resume(Spec spec, Snapshot snapshot) {
        drop();
        local.resume(spec, snapshot);
    }

    @Override
    public void retune(Spec next) {
        local.retune(next);
        if (remote) {
            postSpec(worker, "retune", SpecCodec.print(local.trainer().spec()));
        } else {
            // Measured under the old lambda: the page measures the retuned state itself.
            readout = null;
            latestReadout = null;
        }
    }

    public void setSpeed(FrameLoop.Speed next) {
        this.speed = next;
        local.setSpeed(next);
        if (remote && next != FrameLoop.Speed.MAX) {
            pause();
            playAfterSync = true;
        }
    }

    @Override
    public boolean playing() {
        return remote || syncing || local.playing();
    }

    @Override
    public void play() {
        if (syncing) {
            playAfterSync = true;
            return;
        }
        if (remote) {
            return;
        }
        local.play();
        if (!local.playing() || !ready || speed != FrameLoop.Speed.MAX) {
            return;
        }
        local.pause();
        remote = true;
        generation++;
        Trainer trainer = local.trainer();
        Goal goal = goalWatch == null ? null : goalWatch.goal();
        postPlay(
                worker,
                generation,
                SpecCodec.print(trainer.spec()),
                Int8Array.copyFromJavaArray(trainer.snapshot().toBytes()),
                pointsCsv(trainer.imported()),
                local.stopAtEpoch(),
                goal == null ? "" : goal.metric().key(),
                goal != null && goal.atLeast(),
                goal == null ? 0 : goal.threshold(),
                goal == null ? 0 : goal.byEpoch());
    }

    @Override
    public void pause() {
        if (remote) {
            remote = false;
            syncing = true;
            TrainingWorkers.postKind(worker, "pause");
        } else if (syncing) {
            playAfterSync = false;
        } else {
            local.pause();
        }
    }

    @Override
    public void stopAtEpoch(int epoch) {
        local.stopAtEpoch(epoch);
        if (remote) {
            postStopAt(worker, epoch);
        }
    }

    @Override
    public void stepEpoch() {
        whenStopped(local::stepEpoch);
    }

    @Override
    public void stepBatch() {
        whenStopped(local::stepBatch);
    }

    @Override
    public boolean frame() {
        if (latest != null && remote) {
            double t = Browser.now();
            mirror(latest, false);
            FrameStages.add("restore", Browser.now() - t);
            changed = true;
        }
        latest = null;
        if (latestReadout != null) {
            readout = RunReadout.decode(latestReadout.copyToJavaArray());
            latestReadout = null;
            changed = true;
        }
        boolean localChanged = local.frame();
        boolean any = changed || localChanged;
        changed = false;
        return any;
    }

    public void reportDrawMs(double ms) {
        local.reportDrawMs(ms);
    }

    public double framesPerSecond() {
        return local.framesPerSecond();
    }

    public double epochsPerSecond() {
        return local.epochsPerSecond();
    }

    /** True when a worker trains (or will train) this page's runs. */
    boolean hasWorker() {
        return worker != null && ready;
    }

    /**
     * The run's imported points as {@link DatasetCsv} (which reads back to an equal dataset, so
     * the worker trains on the very same numbers), or null for the spec's own points.
     */
    private String pointsCsv(Dataset points) {
        if (points == null) {
            return null;
        }
        if (points != sentPoints) {
            sentPoints = points;
            sentPointsCsv = DatasetCsv.write(points);
        }
        return sentPointsCsv;
    }

    @JSBody(
            params = {
                "worker",
                "generation",
                "spec",
                "bytes",
                "points",
                "stopAt",
                "metric",
                "atLeast",
                "threshold",
                "byEpoch"
            },
            script = "worker.postMessage({kind: 'play', generation: generation, spec: spec, bytes: bytes,"
                    + " points: points, stopAt: stopAt, goal: {metric: metric, atLeast: atLeast,"
                    + " threshold: threshold, byEpoch: byEpoch}}, [bytes.buffer]);")
    private static native void postPlay(
            JSObject worker,
            int generation,
            String spec,
            Int8Array bytes,
            String points,
            int stopAt,
            String metric,
            boolean atLeast,
            double threshold,
            int byEpoch);

    @JSBody(
            params = {"worker", "kind", "spec"},
            script = "worker.postMessage({kind: kind, spec: spec});")
    private static native void postSpec(JSObject worker, String kind, String spec);

    @JSBody(
            params = {"worker", "epoch"},
            script = "worker.postMessage({kind: 'stopAt', epoch: epoch});")
    private static native void postStopAt(JSObject worker, int epoch);

    @JSBody(
            params = {"worker", "handler"},
            script = "worker.onmessage = function(e) { var d = e.data;"
                    + " handler(d.kind, d.generation | 0, d.status | 0, d.kind === 'state' ? d : null); };"
                    + " worker.onerror = function(e) { e.preventDefault(); handler('failed', 0, 0, null); };")
    private static native void onMessage(JSObject worker, MessageHandler handler);

    @JSFunctor
    interface MessageHandler extends JSObject {
        void handle(String kind, int generation, int status, StateMessage state);
    }

    /**
     * A {@code state} message of {@code train-worker.js}: the run's whole state, a readout or null,
     * and the goal's report ("" when none).
     */
    interface StateMessage extends JSObject {
        @JSProperty
        int getEpoch();

        @JSProperty
        int getIteration();

        @JSProperty
        int getPosition();

        @JSProperty
        Float64Array getParams();

        @JSProperty
        Float64Array getOptimizer();

        @JSProperty
        Float64Array getRunning();

        @JSProperty
        Float64Array getReadout();

        @JSProperty
        String getGoal();
    }
}
