package backprop.ui.activations;

import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecException;
import backprop.ui.playground.FrameLoop;
import backprop.ui.playground.SpecEditor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The same experiment trained once per activation, from the same seed (same data, same initial
 * weights where the shapes agree, same shuffles), side by side; with {@code seeds} above 1, also
 * from the next seeds (other data, weights and shuffles), so the verdict can give the median and
 * the spread of the epochs to the target rather than one seed's luck. The charts and the table
 * show the first seed's runs. {@link #advance} gives a frame's
 * time budget to the runs in lock step: always the run that is furthest behind trains next,
 * one epoch (or a capped slice of one) at a time, so all curves grow together and the page
 * stays responsive. A run stops at {@code maxEpochs} or when it diverges.
 */
public final class Race {
    /** Training time per animation frame, shared by all runs. */
    public static final double FRAME_BUDGET_MS = 10;
    /** The longest one run trains before the next one gets a turn (large specs have long epochs). */
    public static final double SLICE_CAP_MS = 4;

    public static final int MAX_EPOCHS_LIMIT = 100_000;
    /** At most this many seeds per activation. */
    public static final int MAX_SEEDS = 5;

    /**
     * @param base          the experiment; its hidden layers' activations are replaced
     * @param activations   the names to race, as in a spec's {@code layers}
     * @param targetLoss    the training loss to reach
     * @param maxEpochs     where every run stops
     * @param countOffUnits also count units with z <= 0 on every training point (dying ReLU demo)
     * @param seeds         runs per activation: the spec's seed, then the next ones (1..{@link #MAX_SEEDS})
     */
    public record Settings(
            Spec base, List<String> activations, double targetLoss, int maxEpochs, boolean countOffUnits, int seeds) {
        public Settings {
            activations = List.copyOf(activations);
        }

        /** One seed: the spec's own. */
        public Settings(Spec base, List<String> activations, double targetLoss, int maxEpochs, boolean countOffUnits) {
            this(base, activations, targetLoss, maxEpochs, countOffUnits, 1);
        }
    }

    private final Settings settings;
    private final List<RaceRun> runs = new ArrayList<>();
    /** Every run, the other seeds' after the first seed's; they train in the same lock step. */
    private final List<RaceRun> allRuns = new ArrayList<>();

    /** Builds every run (and its epoch-0 report); a bad setting throws with a message naming it. */
    public Race(Settings settings) {
        this(settings, true);
    }

    /**
     * The race of {@code settings} as the page shows one trained in a worker: its runs take no
     * report themselves (not even epoch 0's, the costly part of building a run), {@link
     * RaceReport#apply} brings every one; {@link #reported()} says when each run has its first.
     */
    public static Race mirror(Settings settings) {
        return new Race(settings, false);
    }

    private Race(Settings settings, boolean measure) {
        this.settings = settings;
        if (settings.activations().isEmpty()) {
            throw new IllegalArgumentException("activations: choose at least one activation to race");
        }
        if (!(settings.targetLoss() > 0) || Double.isInfinite(settings.targetLoss())) {
            throw new IllegalArgumentException(
                    "target loss: " + settings.targetLoss() + " is not allowed; allowed: a number > 0");
        }
        if (settings.maxEpochs() < 1 || settings.maxEpochs() > MAX_EPOCHS_LIMIT) {
            throw new IllegalArgumentException(
                    "epochs: " + settings.maxEpochs() + " is not allowed; allowed: 1.." + MAX_EPOCHS_LIMIT);
        }
        if (settings.base().layers().isEmpty()) {
            throw new IllegalArgumentException(
                    "layers: the race replaces the activation of every hidden layer, and this "
                            + "experiment has none; add one, e.g. layers=8:relu,8:relu");
        }
        if (settings.seeds() < 1 || settings.seeds() > MAX_SEEDS) {
            throw new IllegalArgumentException(
                    "seeds: " + settings.seeds() + " is not allowed; allowed: 1.." + MAX_SEEDS);
        }
        List<String> seen = new ArrayList<>();
        for (String name : settings.activations()) {
            if (seen.contains(name)) {
                throw new IllegalArgumentException("activations: " + name + " is chosen twice");
            }
            seen.add(name);
            runs.add(new RaceRun(
                    name,
                    withActivation(settings.base(), name),
                    settings.targetLoss(),
                    settings.countOffUnits(),
                    measure));
        }
        allRuns.addAll(runs);
        for (int k = 1; k < settings.seeds(); k++) {
            Spec seeded = withSeed(settings.base(), seedAfter(settings.base().seed(), k));
            for (String name : settings.activations()) {
                allRuns.add(new RaceRun(
                        name, withActivation(seeded, name), settings.targetLoss(), settings.countOffUnits(), measure));
            }
        }
    }

    /**
     * {@code base} with every hidden layer's activation set to {@code name} (units unchanged),
     * through the spec text, so any name the codec accepts works. Throws with the codec's message
     * when the result is not a valid spec.
     */
    public static Spec withActivation(Spec base, String name) {
        StringBuilder layers = new StringBuilder();
        for (LayerSpec layer : base.layers()) {
            if (layers.length() > 0) {
                layers.append(',');
            }
            layers.append(layer.units()).append(':').append(name);
        }
        try {
            return SpecEditor.with(base, "layers", layers.toString());
        } catch (SpecException e) {
            throw new IllegalArgumentException(
                    e.problems().isEmpty()
                            ? e.getMessage()
                            : e.problems().get(0).message(),
                    e);
        }
    }

    /** The k-th seed after {@code seed}, counting down where counting up would leave the allowed range. */
    static int seedAfter(int seed, int k) {
        return seed <= Integer.MAX_VALUE - k ? seed + k : seed - k;
    }

    private static Spec withSeed(Spec base, int seed) {
        try {
            return SpecEditor.with(base, "seed", Integer.toString(seed));
        } catch (SpecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The runs of {@code name}, one per seed, the first seed's first. */
    public List<RaceRun> seedRuns(String name) {
        List<RaceRun> same = new ArrayList<>();
        for (RaceRun r : allRuns) {
            if (r.activation().equals(name)) {
                same.add(r);
            }
        }
        return same;
    }

    /** Every run: the first seed's, then the other seeds' in the same order. */
    List<RaceRun> allRuns() {
        return Collections.unmodifiableList(allRuns);
    }

    public Settings settings() {
        return settings;
    }

    public List<RaceRun> runs() {
        return Collections.unmodifiableList(runs);
    }

    /** The run of {@code name}, or null. */
    public RaceRun run(String name) {
        for (RaceRun r : runs) {
            if (r.activation().equals(name)) {
                return r;
            }
        }
        return null;
    }

    private boolean done(RaceRun run) {
        return run.diverged() || run.epoch() >= settings.maxEpochs();
    }

    /** Every run has reported at least its epoch 0 (always, unless a {@link #mirror} still waits for its first report). */
    public boolean reported() {
        for (RaceRun r : allRuns) {
            if (r.history().size() == 0) {
                return false;
            }
        }
        return true;
    }

    public boolean finished() {
        for (RaceRun r : allRuns) {
            if (!done(r)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Trains for about {@code budgetMs}: repeatedly the unfinished run with the fewest updates
     * (first in order on ties) gets one slice. Returns true when any run reported an epoch.
     */
    public boolean advance(FrameLoop.Clock clock, double budgetMs) {
        double start = clock.nowMs();
        boolean reported = false;
        while (true) {
            RaceRun next = null;
            for (RaceRun r : allRuns) {
                if (!done(r)
                        && (next == null
                                || r.trainer().iteration() < next.trainer().iteration())) {
                    next = r;
                }
            }
            if (next == null) {
                return reported;
            }
            reported |= next.slice(clock, Math.min(SLICE_CAP_MS, budgetMs));
            if (clock.nowMs() - start >= budgetMs) {
                return reported;
            }
        }
    }
}
