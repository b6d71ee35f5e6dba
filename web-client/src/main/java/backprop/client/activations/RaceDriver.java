package backprop.client.activations;

import backprop.client.TrainingWorkers;
import backprop.engine.spec.SpecCodec;
import backprop.ui.activations.Race;
import backprop.ui.activations.RaceReport;
import backprop.ui.playground.FrameLoop;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * Where one of the lab's races trains: in a Web Worker of its own ({@code train-worker.js} with
 * the {@link RaceWorker} build) once
 * that has loaded, so the race has a whole core and the page only draws; else on the page, a
 * slice of every animation frame ({@link Race#advance}). The page always holds a {@link Race} of
 * the race's settings: with the worker a {@link Race#mirror}, which neither trains nor measures
 * but takes in the worker's {@link RaceReport}s (the first, at once, with every run's epoch 0), which carry the worker's own numbers, so the charts, tables and verdicts are the
 * same as on the page. A worker that fails hands the race back to the page, which starts it again.
 */
final class RaceDriver {
    /** A report's status while the worker races (else it finished, or stopped as asked). */
    private static final int RACING = 0;

    private final FrameLoop.Clock clock;
    private JSObject worker;
    private boolean ready;
    /** Tells the reports of the current race from an earlier one's. */
    private int generation;

    private Race race;
    private boolean running;
    private boolean onWorker;
    /** Stopped on the worker, whose last report has not arrived yet. */
    private boolean stopping;

    private boolean changed;

    RaceDriver(FrameLoop.Clock clock) {
        this.clock = clock;
    }

    /** Starts this race's worker in {@code runtime}; until it is ready, and where none starts, races run on the page. */
    void startWorker(String runtime) {
        if (worker != null) {
            return;
        }
        worker = TrainingWorkers.start(runtime, "race-worker");
        if (worker != null) {
            onMessage(worker, this::onMessage);
        }
    }

    /** A worker is ready for the next race. */
    boolean hasWorker() {
        return ready;
    }

    /** Runs a new race of {@code settings}; throws, with a message naming the setting, when one is not allowed. */
    void start(Race.Settings settings) {
        // On the worker, the page's race measures nothing itself: the click returns at once.
        Race next = ready ? Race.mirror(settings) : new Race(settings);
        generation++;
        race = next;
        running = true;
        stopping = false;
        changed = true;
        onWorker = ready;
        if (onWorker) {
            postRace(
                    worker,
                    generation,
                    SpecCodec.print(settings.base()),
                    String.join(",", settings.activations()),
                    settings.targetLoss(),
                    settings.maxEpochs(),
                    settings.countOffUnits(),
                    settings.seeds());
        }
    }

    /** Stops the race where it stands; its state is "stopping" until the worker's last report has arrived. */
    void stop() {
        if (running && onWorker) {
            TrainingWorkers.postKind(worker, "raceStop");
            stopping = true;
        }
        running = false;
        changed = true;
    }

    /** The race shown, or null before the first. */
    Race race() {
        return race;
    }

    boolean running() {
        return running;
    }

    /** "running", "stopping", "finished", "stopped", or "idle" before the first race: the status's data-state. */
    String state() {
        if (race == null) {
            return "idle";
        }
        return running ? "running" : stopping ? "stopping" : race.finished() ? "finished" : "stopped";
    }

    /** The race runs, a slice of every frame, on the page. */
    boolean trainsOnPage() {
        return running && !onWorker;
    }

    /** Where the current race trains: "worker" or "main". */
    String training() {
        return onWorker ? "worker" : "main";
    }

    /** On the page, trains for about {@code budgetMs}; true when the race changed since the last call. */
    boolean advance(double budgetMs) {
        if (race != null && running && !onWorker) {
            changed |= race.advance(clock, budgetMs);
            if (race.finished()) {
                running = false;
                changed = true;
            }
        }
        boolean was = changed;
        changed = false;
        return was;
    }

    private void onMessage(String kind, int messageGeneration, int status, Float64Array numbers, String prints) {
        if (kind.equals("ready")) {
            ready = true;
        } else if (kind.equals("failed")) {
            ready = false;
            if (onWorker && running) {
                // Nothing more will come from the worker: the page runs the race again from the start.
                onWorker = false;
                race = new Race(race.settings());
                changed = true;
            } else if (stopping) {
                // Where the reports stopped is where the race stopped.
                stopping = false;
                changed = true;
            }
        } else if (kind.equals("raceReport") && messageGeneration == generation && onWorker) {
            RaceReport.apply(race, numbers.copyToJavaArray(), prints);
            changed = true;
            if (status != RACING) {
                running = false;
                stopping = false;
            }
        }
    }

    @JSBody(
            params = {"worker", "generation", "spec", "activations", "target", "epochs", "offUnits", "seeds"},
            script = "worker.postMessage({kind: 'race', generation: generation, spec: spec,"
                    + " activations: activations, target: target, epochs: epochs, offUnits: offUnits, seeds: seeds});")
    private static native void postRace(
            JSObject worker,
            int generation,
            String spec,
            String activations,
            double target,
            int epochs,
            boolean offUnits,
            int seeds);

    @JSBody(
            params = {"worker", "handler"},
            script = "worker.addEventListener('message', function(event) { var data = event.data;"
                    + " handler(data.kind, data.generation | 0, data.status | 0,"
                    + " data.kind === 'raceReport' ? data.numbers : null,"
                    + " data.kind === 'raceReport' ? data.fingerprints : null); });"
                    + " worker.addEventListener('error', function(event) { event.preventDefault();"
                    + " handler('failed', 0, 0, null, null); });")
    private static native void onMessage(JSObject worker, MessageHandler handler);

    @JSFunctor
    interface MessageHandler extends JSObject {
        void handle(String kind, int generation, int status, Float64Array numbers, String fingerprints);
    }
}
