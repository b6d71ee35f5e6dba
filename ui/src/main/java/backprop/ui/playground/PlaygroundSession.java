package backprop.ui.playground;

import backprop.engine.data.Dataset;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecProblem;
import backprop.engine.train.LossHistory;
import backprop.engine.train.Metrics;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.List;

/**
 * The playground's state machine, the one place that changes the run: the current spec and its
 * canonical text (what the address bar shows), the training loop, the saved state a saved
 * experiment opened with, and the loss history the chart draws. Edits, back/forward, Reset and
 * a saved state's arrival all go through here; the page shell only binds the DOM to it and
 * draws what it holds. Pure Java, so the JVM tests drive every transition.
 *
 * <p>Training goes through {@link TrainingLoop}: on the main thread today ({@link FrameLoop}),
 * and the same calls can stand in front of a Web Worker.
 */
public final class PlaygroundSession {
    /** The largest {@code ?epochs=} the page accepts. */
    public static final int MAX_EPOCHS_ON_LOAD = 10_000_000;

    private final TrainingLoop loop;
    private Spec spec;
    private String canonicalSpec;
    /** True once lr or lambda changed mid-run: the spec alone no longer reproduces the run. */
    private boolean tunedMidRun;
    /** True once a weight was set by hand: the spec alone no longer reproduces the run. */
    private boolean handSetWeights;
    /** The saved state a saved experiment opened with: Reset goes back to it. */
    private Snapshot loadedSnapshot;
    /** Train and test loss at the epochs the page saw, decimated to at most 1,000 points. */
    private final LossHistory history = new LossHistory();

    /** Imported points the run trains on ({@link ImportedSpec}); null for the spec's own. */
    private Dataset dataset;

    private Trainer historyOf;
    private int historyEpoch = -1;

    /**
     * What a page allows beyond the validator: the problems of a next spec on its points
     * ({@code points}: the imported ones it would train on, null for the spec's own), none when allowed.
     */
    public interface Gate {
        List<SpecProblem> refuse(Spec next, Dataset points);
    }

    /** Null: every valid spec. A challenge's page sets its locks and constraints ({@link #challengeMode}). */
    private Gate gate;
    /** True on a challenge's page: lr and lambda restart the run too, so a run is always its spec from epoch 0. */
    private boolean restartOnEveryChange;
    /** Play stops here (-1: never): a challenge's epoch limit. */
    private int epochLimit = -1;

    /** How an edit or a load changed the run, for the shell to follow. */
    public record Change(boolean changed, boolean restarted, boolean dataChanged, List<String> problems) {
        public static Change none(List<String> problems) {
            return new Change(false, false, false, problems);
        }
    }

    public PlaygroundSession(Spec spec, TrainingLoop loop) {
        this.spec = spec;
        this.canonicalSpec = SpecCodec.print(spec);
        this.loop = loop;
    }

    /**
     * The spec a page opens with: on a saved experiment's page the saved spec, unless the
     * address's fragment names one (then the fragment wins); invalid keys take their defaults
     * and their problems come back with it.
     */
    public static ParseResult startingSpec(String fragment, String savedSpec, boolean savedPage) {
        String text = savedPage && fragment.isEmpty() ? savedSpec : fragment;
        return ImportedSpec.namesImported(text) ? ImportedSpec.parse(text, null) : SpecCodec.parse(text);
    }

    public TrainingLoop loop() {
        return loop;
    }

    public Trainer trainer() {
        return loop.trainer();
    }

    public Spec spec() {
        return spec;
    }

    /** The address's text: the canonical spec, saying {@code data=imported} on imported points. */
    public String canonicalSpec() {
        return canonicalSpec;
    }

    /** The imported points, or null when the spec's data is used. */
    public Dataset dataset() {
        return dataset;
    }

    private String text(Spec s) {
        return dataset == null ? SpecCodec.print(s) : ImportedSpec.print(s);
    }

    /**
     * Trains on imported points from now on: the spec moves onto them ({@link ImportedSpec#carry}:
     * the network, loss, optimizer and seed stay) and a new run starts.
     */
    public Change importDataset(Dataset points) {
        Spec next = ImportedSpec.carry(spec, points);
        if (gate != null) {
            List<SpecProblem> refused = gate.refuse(next, points);
            if (!refused.isEmpty()) {
                return Change.none(messages(refused));
            }
        }
        dataset = points;
        loop.useDataset(points);
        loop.restart(next);
        tunedMidRun = false;
        loadedSnapshot = null;
        spec = next;
        canonicalSpec = text(next);
        return new Change(true, true, true, List.of());
    }

    /** Back to generated data of the same kind (the carrier's); a new run starts. */
    public Change dropDataset() {
        if (dataset == null) {
            return Change.none(List.of());
        }
        if (gate != null) {
            List<SpecProblem> refused = gate.refuse(spec, null);
            if (!refused.isEmpty()) {
                return Change.none(messages(refused));
            }
        }
        forgetDataset();
        loop.restart(spec);
        tunedMidRun = false;
        loadedSnapshot = null;
        canonicalSpec = text(spec);
        return new Change(true, true, true, List.of());
    }

    private void forgetDataset() {
        dataset = null;
        loop.useDataset(null);
    }

    /**
     * A saved experiment (or an opened file) on imported points: its spec text (saying
     * {@code data=imported}) and points, from epoch 0; {@link #resumeSaved} continues a saved state.
     * Returns the problems, and changes nothing when there are any.
     */
    public Change loadImported(String text, Dataset points) {
        ParseResult parsed = ImportedSpec.parse(text, points);
        if (!parsed.problems().isEmpty()) {
            return Change.none(messages(parsed.problems()));
        }
        if (gate != null) {
            List<SpecProblem> refused = gate.refuse(parsed.spec(), points);
            if (!refused.isEmpty()) {
                return Change.none(messages(refused));
            }
        }
        dataset = points;
        loop.useDataset(points);
        loop.restart(parsed.spec());
        tunedMidRun = false;
        loadedSnapshot = null;
        spec = parsed.spec();
        canonicalSpec = text(spec);
        return new Change(true, true, true, List.of());
    }

    public boolean tunedMidRun() {
        return tunedMidRun;
    }

    public boolean handSetWeights() {
        return handSetWeights;
    }

    /**
     * Why the spec alone can no longer replay this run (so a share must carry the trained state),
     * or null when it can.
     */
    public String replayProblem() {
        if (handSetWeights) {
            return "A weight was set by hand, so the spec alone cannot replay this run:"
                    + " the trained state is always included.";
        }
        if (tunedMidRun) {
            return "The learning rate or \u03bb changed while it trained, so the spec alone cannot replay this run:"
                    + " the trained state is always included.";
        }
        return null;
    }

    /**
     * Sets one parameter by hand (a weight clicked in the diagram): the run goes on from its
     * current epoch with that value, playing if it played, its loss history kept. A real change of
     * the state: the fingerprint and a save follow it, and the spec alone no longer replays it.
     *
     * @throws IllegalArgumentException naming the index or the value and what is allowed
     */
    public Change setWeight(int index, double value) {
        String problem = handWeightsProblem() != null ? handWeightsProblem() : HandWeight.problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Snapshot state = loop.trainer().snapshot();
        if (index < 0 || index >= state.params().length) {
            throw new IllegalArgumentException(
                    "weight: parameter " + index + " does not exist; allowed: 0 to " + (state.params().length - 1));
        }
        double[] params = state.params().clone();
        params[index] = value;
        boolean playing = loop.playing();
        loop.resume(
                spec,
                new Snapshot(
                        state.epoch(),
                        state.iteration(),
                        params,
                        state.optimizerState(),
                        state.position(),
                        state.lossHistory(),
                        state.runningStatistics()));
        // The same run, continued: its history goes on.
        historyOf = loop.trainer();
        handSetWeights = true;
        if (playing) {
            loop.play();
        }
        return new Change(true, false, false, List.of());
    }

    /**
     * Applies a control's edit: a problem leaves everything as it was and is returned; an edit
     * that changes nothing changes nothing; otherwise the run follows ({@link #load}).
     */
    public Change edit(SpecEdit edit) {
        Spec next;
        try {
            next = edit.apply(spec);
        } catch (SpecException e) {
            return Change.none(messages(e.problems()));
        } catch (RuntimeException e) {
            return Change.none(List.of(e.getMessage() == null ? "That change is not allowed." : e.getMessage()));
        }
        if (next.equals(spec)) {
            return Change.none(List.of());
        }
        return load(next);
    }

    /**
     * Switches to {@code next}: the running trainer is retuned when only lr or lambda changed
     * (training goes on), otherwise a new run starts from epoch 0.
     */
    public Change load(Spec next) {
        boolean dropping = dataset != null && next.data() != ImportedSpec.carrier(dataset.regression());
        if (gate != null && !next.equals(spec)) {
            List<SpecProblem> refused = gate.refuse(next, dropping ? null : dataset);
            if (!refused.isEmpty()) {
                return Change.none(messages(refused));
            }
        }
        if (dropping) {
            forgetDataset();
        }
        boolean onlyTuning = !dropping && !restartOnEveryChange && spec.sameExceptTuning(next);
        if (onlyTuning) {
            loop.retune(next);
            tunedMidRun = tunedMidRun || loop.trainer().iteration() > 0;
        } else {
            loop.restart(next);
            tunedMidRun = false;
            handSetWeights = false;
            loadedSnapshot = null;
        }
        boolean dataChanged = dropping || (!onlyTuning && !sameData(spec, next));
        spec = next;
        canonicalSpec = text(next);
        return new Change(true, !onlyTuning, dataChanged, List.of());
    }

    /**
     * Back/forward or a hand-edited address: loads the spec it names (nearest valid one, its
     * problems returned), or nothing when it already is the current one.
     */
    public Change loadFragment(String fragment) {
        if (fragment.equals(canonicalSpec)) {
            return Change.none(List.of());
        }
        ParseResult parsed = parse(fragment);
        Change change = load(parsed.spec());
        return new Change(change.changed(), change.restarted(), change.dataChanged(), messages(parsed.problems()));
    }

    /** A command from the host page ({@code backprop:load}): the spec, or every problem and no change. */
    public Change loadText(String text) {
        ParseResult parsed = parse(text);
        if (!parsed.problems().isEmpty()) {
            return Change.none(messages(parsed.problems()));
        }
        return load(parsed.spec());
    }

    /** A text from the address or the host page: on the imported points when it names them. */
    private ParseResult parse(String text) {
        return ImportedSpec.namesImported(text) ? ImportedSpec.parse(text, dataset) : SpecCodec.parse(text);
    }

    /** Continues from a saved experiment's trained state; Reset comes back here. */
    public void resumeSaved(Snapshot snapshot) {
        loop.resume(spec, snapshot);
        loadedSnapshot = snapshot;
        startHistory();
    }

    /** A new history for the loop's current run, from the saved one's when it continues a saved state. */
    private void startHistory() {
        Trainer trainer = loop.trainer();
        historyOf = trainer;
        history.clear();
        historyEpoch = -1;
        if (loadedSnapshot != null
                && trainer.epoch() == loadedSnapshot.epoch()
                && loadedSnapshot.lossHistory().length > 0) {
            LossHistory saved = LossHistory.fromArray(loadedSnapshot.lossHistory());
            for (int i = 0; i < saved.size(); i++) {
                history.add(saved.epoch(i), saved.trainLoss(i), saved.testLoss(i));
            }
            historyEpoch = trainer.epoch();
        }
    }

    /** Reset: the saved state when one was loaded, else the spec's start (same seed: same fingerprint). */
    public void reset() {
        if (loadedSnapshot != null) {
            loop.resume(spec, loadedSnapshot);
        } else {
            loop.restart(spec);
        }
        tunedMidRun = false;
        handSetWeights = false;
    }

    /** Everything an undo brings back: the spec, the trained state, its history and how it was reached. */
    public record Memento(
            Spec spec,
            Snapshot state,
            double[] history,
            boolean tunedMidRun,
            Snapshot loadedSnapshot,
            Dataset dataset,
            boolean handSetWeights) {}

    /** The current spec and run, to {@link #restore} later. */
    public Memento memento() {
        return new Memento(
                spec,
                loop.trainer().snapshot(),
                history.toArray(),
                tunedMidRun,
                loadedSnapshot,
                dataset,
                handSetWeights);
    }

    /** Back to a {@link #memento()}: its spec, its trained state and its loss history. */
    public Change restore(Memento m) {
        boolean dataChanged =
                !sameData(spec, m.spec()) || !spec.points().equals(m.spec().points()) || dataset != m.dataset();
        dataset = m.dataset();
        loop.useDataset(dataset);
        spec = m.spec();
        canonicalSpec = text(spec);
        loop.resume(spec, m.state());
        tunedMidRun = m.tunedMidRun();
        handSetWeights = m.handSetWeights();
        loadedSnapshot = m.loadedSnapshot();
        historyOf = loop.trainer();
        history.clear();
        LossHistory saved = LossHistory.fromArray(m.history());
        for (int i = 0; i < saved.size(); i++) {
            history.add(saved.epoch(i), saved.trainLoss(i), saved.testLoss(i));
        }
        historyEpoch = saved.size() == 0 ? -1 : saved.epoch(saved.size() - 1);
        return new Change(true, true, dataChanged, List.of());
    }

    /** Restart: epoch 0 of the same spec, even on a saved experiment (which Reset returns to). */
    public void restart() {
        loadedSnapshot = null;
        loop.restart(spec);
        tunedMidRun = false;
        handSetWeights = false;
    }

    /**
     * {@code ?epochs=N}: trains until the epoch counter reads N, then pauses. Returns null, or the
     * message naming the parameter and the allowed range.
     */
    public String trainUntil(String epochs) {
        int target;
        try {
            target = Integer.parseInt(epochs);
        } catch (NumberFormatException e) {
            target = -1;
        }
        if (target < 0 || target > MAX_EPOCHS_ON_LOAD) {
            return "epochs: \"" + epochs + "\" is not allowed; allowed: an integer from 0 to " + MAX_EPOCHS_ON_LOAD;
        }
        loop.stopAtEpoch(target);
        loop.play();
        return null;
    }

    /** Play, or Pause when playing (the run bar's toggle). */
    public void togglePlay() {
        if (loop.playing()) {
            loop.pause();
        } else {
            play();
        }
    }

    /** Plays up to the page's epoch limit (none but on a challenge's page). */
    public void play() {
        loop.stopAtEpoch(epochLimit);
        loop.play();
    }

    /**
     * Why weights cannot be set by hand here, or null when they can: on a challenge's page an
     * attempt is always its spec trained from epoch 0, which is what the server retrains.
     */
    public String handWeightsProblem() {
        return gate == null
                ? null
                : "weight: set by hand is off in a challenge; an attempt is its spec trained from epoch 0, "
                        + "as the server retrains it";
    }

    /**
     * A challenge's page: every change is checked by {@code gate} (a refused one changes nothing
     * and returns its problems), every change restarts the run (lr and lambda too), and Play stops
     * at {@code epochLimit}.
     */
    public void challengeMode(Gate gate, int epochLimit) {
        this.gate = gate;
        this.restartOnEveryChange = true;
        this.epochLimit = epochLimit;
    }

    /**
     * Adds the drawn epoch to the loss history: true when the chart should redraw. A new run
     * (reset, new spec) starts a new history; a saved state brings its own when it is loaded, so
     * a page that trains on at once ({@code ?epochs=}) keeps the saved epochs.
     */
    public boolean recordHistory(Metrics metrics) {
        return recordHistory(loop.trainer().epoch(), metrics);
    }

    /** {@link #recordHistory(Metrics)} for metrics measured at {@code epoch} (a worker's readout). */
    public boolean recordHistory(int epoch, Metrics metrics) {
        Trainer trainer = loop.trainer();
        if (trainer != historyOf) {
            startHistory();
        }
        if (epoch == historyEpoch) {
            return false;
        }
        historyEpoch = epoch;
        history.add(epoch, metrics.trainLoss(), metrics.testLoss());
        return true;
    }

    public LossHistory history() {
        return history;
    }

    /** The sentence the status line shows when the run diverged, or null. */
    public String divergence() {
        Trainer trainer = loop.trainer();
        if (!trainer.diverged()) {
            return null;
        }
        return "Training diverged at epoch " + trainer.epoch()
                + ": the loss became NaN or infinite. Try a lower learning rate, then Reset."
                + (hasComposed(spec)
                        ? " A composed activation gives NaN too where it is undefined"
                                + " (e.g. \u221ax for x < 0): the activation lab shows where."
                        : "");
    }

    private static boolean hasComposed(Spec spec) {
        for (LayerSpec layer : spec.layers()) {
            if (layer.composition() != null) {
                return true;
            }
        }
        return false;
    }

    /** The dataset's points stay (thumbnails need no redraw) when seed, classes and noise stay. */
    private static boolean sameData(Spec a, Spec b) {
        return a.seed() == b.seed() && a.classes() == b.classes() && a.noise() == b.noise();
    }

    /** Each problem's message, in order. */
    public static List<String> messages(List<SpecProblem> problems) {
        List<String> out = new ArrayList<>(problems.size());
        for (SpecProblem problem : problems) {
            out.add(problem.message());
        }
        return out;
    }
}
