package backprop.ui.raster;

import backprop.engine.data.DataSplit;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.Plane;
import backprop.engine.spec.Spec;
import backprop.engine.train.Trainer;

/**
 * The output panel: the decision regions over [-6, 6]², coloured per class and shaded by the
 * model's confidence (or by the predicted value for regression), with the training and test
 * points on top. Pure Java: it paints a {@link Raster}; the DOM shell shows it.
 *
 * <p>While a run plays, the regions are computed a slice per animation frame ({@link #startPass},
 * {@link #advance}) on a copy of the weights taken when the pass starts, so one picture shows one
 * model however many frames it takes, and no frame waits for a whole grid. The pass's resolution
 * follows its measured cost: {@link #GRID} cells per side while that refreshes the picture at
 * least every {@link #MAX_FRAMES_PER_PASS} frames, else {@code GRID / 2} or {@code GRID / 4}
 * (each cell then fills 2 x 2 or 4 x 4 pixels).
 */
public final class OutputView {
    /** Heatmap cells per side (TensorFlow Playground uses 100 too). */
    public static final int GRID = 100;
    /** A playing run's picture is refreshed at least this often, in frames, by lowering the resolution. */
    public static final int MAX_FRAMES_PER_PASS = 8;

    private static final int[] RESOLUTIONS = {GRID, GRID / 2, GRID / 4};
    /** Cells computed between two looks at the clock: the engine's chunk of rows. */
    private static final int CHUNK_CELLS = 64;

    /** A monotonic clock in milliseconds. */
    public interface Clock {
        double nowMs();
    }

    /** The decision regions, one pixel per cell; the page scales it up smoothly. */
    private final Raster regions = new Raster(GRID, GRID);
    /** The data points on a transparent overlay at full size, redrawn only when they change. */
    private final Raster points;

    private final int outputs;
    private final double[] predictions;
    private final int[] cellRgb = new int[GRID * GRID];
    private DataSplit pointsDrawnFor;
    private boolean pointsDrawnWithTest;
    /** The weights the current pass draws, copied from the live run when the pass starts. */
    private Trainer model;

    private Trainer modelOf;
    /** Cells per side of the current pass; 0 when no pass runs. */
    private int passSide;

    private int passNextCell;
    private boolean passDiscretize;
    private double passMs;
    /** Smoothed milliseconds per grid cell; -1 before the first measured pass. */
    private double cellMs = -1;

    public OutputView(int sizePx, int outputs) {
        this.points = new Raster(sizePx, sizePx);
        this.outputs = outputs;
        this.predictions = new double[GRID * GRID * outputs];
    }

    /** The regions raster (GRID x GRID, opaque). */
    public Raster regions() {
        return regions;
    }

    /** The points overlay (transparent where there is no point). */
    public Raster points() {
        return points;
    }

    /** Repaints the decision regions from the trainer's current network, all at once at full resolution. */
    public void paintRegions(Trainer trainer, boolean discretize) {
        trainer.predictGrid(GRID, GRID, predictions);
        colourCells(trainer.spec(), discretize, GRID);
        int[] pixels = regions.pixels();
        for (int cell = 0; cell < GRID * GRID; cell++) {
            pixels[cell] = Raster.opaque(cellRgb[cell]);
        }
    }

    /** True while a pass started by {@link #startPass} has cells left to compute. */
    public boolean passRunning() {
        return passSide > 0;
    }

    /**
     * Starts a new picture of {@code live}'s current weights (copied now), replacing a pass that
     * was still running. {@code frameBudgetMs} is what {@link #advance} will be given per frame;
     * {@code full} asks for the full resolution whatever it costs (a paused run).
     */
    public void startPass(Trainer live, boolean discretize, double frameBudgetMs, boolean full) {
        if (model == null || modelOf != live) {
            model = new Trainer(live.spec());
            modelOf = live;
        }
        double[] from = live.network().parameters();
        System.arraycopy(from, 0, model.network().parameters(), 0, from.length);
        // Batch-normalized layers predict with their running statistics: the copy takes them too.
        double[] statistics = live.network().runningStatistics();
        System.arraycopy(statistics, 0, model.network().runningStatistics(), 0, statistics.length);
        passSide = full || cellMs < 0 ? GRID : resolutionFor(cellMs, frameBudgetMs);
        passNextCell = 0;
        passDiscretize = discretize;
        passMs = 0;
    }

    /** The largest resolution whose pass fits in {@link #MAX_FRAMES_PER_PASS} frames of {@code frameBudgetMs}. */
    static int resolutionFor(double cellMs, double frameBudgetMs) {
        for (int side : RESOLUTIONS) {
            if (side * side * cellMs <= MAX_FRAMES_PER_PASS * frameBudgetMs) {
                return side;
            }
        }
        return RESOLUTIONS[RESOLUTIONS.length - 1];
    }

    /** Cells per side of the running pass; 0 when none runs. */
    public int passSide() {
        return passSide;
    }

    /**
     * Computes cells of the running pass until {@code budgetMs} have passed (at least one chunk);
     * returns true when the pass finished and {@link #regions()} holds the new picture.
     */
    public boolean advance(double budgetMs, Clock clock) {
        if (passSide == 0) {
            return false;
        }
        int cells = passSide * passSide;
        double start = clock.nowMs();
        double now = start;
        int first = passNextCell;
        do {
            int count = Math.min(CHUNK_CELLS, cells - passNextCell);
            model.predictGridCells(passSide, passSide, passNextCell, count, predictions);
            passNextCell += count;
            now = clock.nowMs();
        } while (passNextCell < cells && now - start < budgetMs);
        passMs += now - start;
        if (passNextCell < cells) {
            return false;
        }
        double measured = passMs / cells;
        if (passNextCell - first > 0 && measured > 0) {
            cellMs = cellMs < 0 ? measured : cellMs + (measured - cellMs) / 4;
        }
        colourCells(model.spec(), passDiscretize, passSide);
        int[] pixels = regions.pixels();
        int scale = GRID / passSide;
        for (int y = 0; y < GRID; y++) {
            int row = (y / scale) * passSide;
            for (int x = 0; x < GRID; x++) {
                pixels[y * GRID + x] = Raster.opaque(cellRgb[row + x / scale]);
            }
        }
        passSide = 0;
        return true;
    }

    /** Repaints the points when the data or the test-point toggle changed; returns true if it did. */
    /** The next {@link #paintPoints} draws again (after the page showed something else). */
    public void invalidatePoints() {
        pointsDrawnFor = null;
    }

    public boolean paintPoints(Trainer trainer, boolean showTestPoints) {
        DataSplit data = trainer.data();
        if (data == pointsDrawnFor && showTestPoints == pointsDrawnWithTest) {
            return false;
        }
        pointsDrawnFor = data;
        pointsDrawnWithTest = showTestPoints;
        points.clear();
        boolean regression = trainer.spec().data().isRegression();
        drawPoints(data.trainX(), data.trainLabel(), data.trainTarget(), regression, false);
        if (showTestPoints) {
            drawPoints(data.testX(), data.testLabel(), data.testTarget(), regression, true);
        }
        return true;
    }

    private void colourCells(Spec spec, boolean discretize, int side) {
        boolean regression = spec.data().isRegression();
        LossKind loss = spec.loss();
        int classes = spec.classes();
        for (int cell = 0; cell < side * side; cell++) {
            int base = cell * outputs;
            if (regression) {
                double v = predictions[base];
                cellRgb[cell] = valueRgb(discretize ? (v < 0 ? -1 : 1) : v);
            } else if (outputs == 1) {
                // One output: a probability (bce) or a score near 0..1 (mse on one output is not used).
                double p = predictions[base];
                int label = p >= 0.5 ? 1 : 0;
                double confidence = label == 1 ? p : 1 - p;
                cellRgb[cell] = regionRgb(label, discretize ? 1 : (confidence - 0.5) * 2);
            } else {
                int best = 0;
                for (int k = 1; k < outputs; k++) {
                    if (predictions[base + k] > predictions[base + best]) {
                        best = k;
                    }
                }
                cellRgb[cell] = regionRgb(best, discretize ? 1 : confidence(loss, base, best, classes));
            }
        }
    }

    /** How sure the model is of {@code best}, scaled to [0, 1] (0 = uniform, 1 = certain). */
    private double confidence(LossKind loss, int base, int best, int classes) {
        double p;
        if (loss == LossKind.SOFTMAX) {
            p = predictions[base + best];
        } else {
            // Scores (svm) or regressed one-hot values (mse): shade by the softmax of the scores.
            double sum = 0;
            double top = predictions[base + best];
            for (int k = 0; k < outputs; k++) {
                sum += expNonPositive(predictions[base + k] - top);
            }
            p = 1 / sum;
        }
        double uniform = 1.0 / classes;
        return (p - uniform) / (1 - uniform);
    }

    /** e^x for x <= 0 by a rational bound good enough for shading (not for training). */
    private static double expNonPositive(double x) {
        if (x < -30) {
            return 0;
        }
        // (1 + x/64)^64 approximates e^x; squaring six times keeps it cheap and deterministic.
        double y = 1 + x / 64;
        if (y <= 0) {
            return 0;
        }
        for (int i = 0; i < 6; i++) {
            y *= y;
        }
        return y;
    }

    private static int regionRgb(int label, double strength) {
        double s = strength < 0 ? 0 : (strength > 1 ? 1 : strength);
        return Palette.mix(Palette.NEUTRAL_RGB, Palette.classRgb(label), 0.12 + 0.5 * s);
    }

    /** Regression: negative values towards class-0 blue, positive towards class-1 orange. */
    private static int valueRgb(double value) {
        double t = value < -1 ? -1 : (value > 1 ? 1 : value);
        int target = t < 0 ? Palette.classRgb(0) : Palette.classRgb(1);
        return Palette.mix(Palette.NEUTRAL_RGB, target, 0.7 * Math.abs(t));
    }

    private void drawPoints(double[] xy, int[] labels, double[] targets, boolean regression, boolean test) {
        int size = points.width();
        double scale = size / Plane.SIZE;
        for (int i = 0; i < labels.length; i++) {
            double px = (xy[2 * i] - Plane.MIN) * scale;
            double py = (Plane.MAX - xy[2 * i + 1]) * scale;
            int fill = regression ? valueRgb(targets[i]) : Palette.classRgb(labels[i]);
            // Training points: white ring; test points: dark ring, so the two read apart.
            int ring = test ? Palette.INK_RGB : 0xFFFFFF;
            points.disc(px, py, 4.2, 1.2, fill, ring);
        }
    }
}
