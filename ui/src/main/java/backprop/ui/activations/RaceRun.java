package backprop.ui.activations;

import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Diagnostics;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import backprop.ui.playground.FrameLoop;

/**
 * One contestant: the race's experiment with every hidden layer's activation replaced by one
 * name, its trainer, the training milliseconds spent on it (reports not counted) and what it
 * reported after every epoch.
 */
public final class RaceRun {
    private final String activation;
    private final Spec spec;
    private final String specText;
    private final Trainer trainer;
    private final RunHistory history;
    private final int hiddenUnits;
    private final OffUnits offUnits;
    private double trainMs;
    private String fingerprint;
    private double[] gradientNorms = new double[0];
    /** The first training point, where the path of local derivatives is measured. */
    private final double[] pathPoint;

    private final double[] pathFeatures;
    private final int pathOutput;
    private PathProduct path;
    private Metrics metrics;
    /** The trainer's epoch and divergence after the last slice, or as the worker that trains this run reported them. */
    private int epoch;

    private boolean diverged;

    /**
     * A contestant; with {@code measure}, its epoch-0 report is taken now, else (a mirror of a run
     * trained elsewhere) it has no report until {@link #mirror} and {@link #history()} get one.
     */
    RaceRun(String activation, Spec spec, double targetLoss, boolean countOffUnits, boolean measure) {
        this.activation = activation;
        this.spec = spec;
        this.specText = SpecCodec.print(spec);
        this.trainer = new Trainer(spec);
        this.history = new RunHistory(targetLoss);
        int units = 0;
        for (int l = 0; l < trainer.network().layerCount() - 1; l++) {
            units += trainer.network().layer(l).units();
        }
        this.hiddenUnits = units;
        this.offUnits = countOffUnits ? new OffUnits(trainer) : null;
        double[] trainX = trainer.data().trainX();
        this.pathPoint = new double[] {trainX[0], trainX[1]};
        this.pathFeatures = trainer.featuresAt(trainX[0], trainX[1]);
        int label = trainer.data().trainLabel()[0];
        this.pathOutput = trainer.outputs() > 1 && label < trainer.outputs() ? label : 0;
        if (measure) {
            report();
        }
    }

    public String activation() {
        return activation;
    }

    public Spec spec() {
        return spec;
    }

    /** The canonical spec text, for the playground link. */
    public String specText() {
        return specText;
    }

    public Trainer trainer() {
        return trainer;
    }

    public RunHistory history() {
        return history;
    }

    public int hiddenUnits() {
        return hiddenUnits;
    }

    public double trainMs() {
        return trainMs;
    }

    /** The parameters' fingerprint at the last report. */
    public String fingerprint() {
        return fingerprint;
    }

    public int epoch() {
        return epoch;
    }

    public boolean diverged() {
        return diverged;
    }

    /**
     * Trains mini-batches until the epoch completes or {@code capMs} pass, timing the batches as
     * one slice; reports when an epoch completed. Returns true when it reported.
     */
    boolean slice(FrameLoop.Clock clock, double capMs) {
        int epochBefore = trainer.epoch();
        double start = clock.nowMs();
        double now;
        do {
            trainer.stepBatch();
            now = clock.nowMs();
        } while (trainer.epoch() == epochBefore && !trainer.diverged() && now - start < capMs);
        trainMs += now - start;
        epoch = trainer.epoch();
        diverged = trainer.diverged();
        if (trainer.epoch() != epochBefore) {
            report();
            return true;
        }
        return false;
    }

    /** Losses, accuracies, dead and saturated units at the current parameters: once per epoch. */
    private void report() {
        Metrics m = trainer.evaluate();
        Diagnostics d = trainer.diagnostics();
        int dead = 0;
        int saturated = 0;
        for (int l = 0; l < trainer.network().layerCount() - 1; l++) {
            dead += d.deadCount(l);
            saturated += d.saturatedCount(l);
        }
        int off = offUnits == null ? -1 : offUnits.count();
        history.record(
                trainer.epoch(),
                trainMs,
                m.trainLoss(),
                m.testLoss(),
                m.trainAccuracy(),
                m.testAccuracy(),
                dead,
                saturated,
                off,
                hiddenUnits);
        fingerprint = trainer.fingerprint();
        gradientNorms = d.gradientNorms().clone();
        metrics = m;
        path = PathProduct.strongest(trainer.network(), pathFeatures, pathOutput);
        epoch = trainer.epoch();
        diverged = trainer.diverged();
    }

    /**
     * This run as the same run trained elsewhere (a Web Worker) stands: its epoch, divergence,
     * training time and latest report ({@link RaceReport}); the reports before go to {@link #history()}.
     * This run's own trainer stays where it is.
     */
    void mirror(
            int epoch,
            boolean diverged,
            double trainMs,
            Metrics metrics,
            double[] gradientNorms,
            PathProduct path,
            String fingerprint) {
        this.epoch = epoch;
        this.diverged = diverged;
        this.trainMs = trainMs;
        this.metrics = metrics;
        this.gradientNorms = gradientNorms.clone();
        this.path = path;
        this.fingerprint = fingerprint;
    }

    /** Losses and accuracies at the latest report; {@link Metrics#totalLoss()} is the objective. */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * At the latest report, the strongest path of local derivatives (see {@link PathProduct}) from
     * an input feature to the score of the first training point's class (the only score for one
     * output), measured at that point ({@link #pathPoint()}).
     */
    public PathProduct path() {
        return path;
    }

    /** (x1, x2) of the first training point: where {@link #path()} is measured. */
    public double[] pathPoint() {
        return pathPoint.clone();
    }

    /**
     * At the latest report, per layer (hidden layers, then the output layer), the norm of the
     * training loss's gradient over the layer's parameters: with sigmoid it shrinks layer by layer
     * towards the input, since σ′ ≤ 0.25.
     */
    public double[] gradientNorms() {
        return gradientNorms.clone();
    }
}
