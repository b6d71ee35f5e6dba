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
 * weights where the shapes agree, same shuffles), side by side. {@link #advance} gives a frame's
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

    /**
     * @param base          the experiment; its hidden layers' activations are replaced
     * @param activations   the names to race, as in a spec's {@code layers}
     * @param targetLoss    the training loss to reach
     * @param maxEpochs     where every run stops
     * @param countOffUnits also count units with z <= 0 on every training point (dying ReLU demo)
     */
    public record Settings(
            Spec base, List<String> activations, double targetLoss, int maxEpochs, boolean countOffUnits) {
        public Settings {
            activations = List.copyOf(activations);
        }
    }

    private final Settings settings;
    private final List<RaceRun> runs = new ArrayList<>();

    /** Builds every run (and its epoch-0 report); a bad setting throws with a message naming it. */
    public Race(Settings settings) {
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
        List<String> seen = new ArrayList<>();
        for (String name : settings.activations()) {
            if (seen.contains(name)) {
                throw new IllegalArgumentException("activations: " + name + " is chosen twice");
            }
            seen.add(name);
            runs.add(new RaceRun(
                    name, withActivation(settings.base(), name), settings.targetLoss(), settings.countOffUnits()));
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

    public boolean finished() {
        for (RaceRun r : runs) {
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
            for (RaceRun r : runs) {
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
