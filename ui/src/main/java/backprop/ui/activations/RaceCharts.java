package backprop.ui.activations;

import backprop.ui.raster.Palette;
import java.util.List;

/**
 * The race's pictures, over epochs: training loss of every run on a log axis with the target as
 * a dashed line, and the fraction of hidden units dead (or saturated) over time. Run i has the
 * Okabe-Ito colour i; from the seventh run on the colours repeat with dashed lines.
 */
public final class RaceCharts {
    private static final double LEFT = 52;
    private static final double RIGHT = 12;
    private static final double TOP = 10;
    private static final double BOTTOM = 24;
    private static final double FONT = 11;
    /** The lowest loss the axis shows. */
    static final double LOSS_FLOOR = 1e-4;

    private RaceCharts() {}

    public static int rgb(int run) {
        return Palette.classRgb(run % Palette.classCount());
    }

    public static boolean dashed(int run) {
        return run >= Palette.classCount();
    }

    /** Training loss per reported epoch, every run; the target (unless NaN) as a dashed ink line. */
    public static Figure loss(List<RaceRun> runs, double target, int maxEpochs, double width, double height) {
        boolean hasTarget = target == target;
        double lo = hasTarget ? Math.max(LOSS_FLOOR, target / 2) : 1;
        double hi = hasTarget ? target * 2 : 1;
        for (RaceRun run : runs) {
            RunHistory h = run.history();
            for (int i = 0; i < h.size(); i++) {
                double v = h.trainLoss(i);
                if (v > 0 && !Double.isInfinite(v)) {
                    lo = Math.min(lo, Math.max(LOSS_FLOOR, v));
                    hi = Math.max(hi, v);
                }
            }
        }
        hi *= 1.15;
        lo /= 1.15;
        Figure f = new Figure(width, height);
        Scale x = Scale.linear(0, Math.max(1, maxEpochs), LEFT, width - RIGHT);
        Scale y = Scale.log10(lo, hi, height - BOTTOM, TOP);
        frame(f, x, y, maxEpochs, width, height);
        for (double decade : Scale.logTicks(lo, hi)) {
            double py = y.pixel(decade);
            f.segment(LEFT, py, width - RIGHT, py, CurvePlot.GRID_RGB, 1, false);
            f.label(Digits.significant(decade, 2), LEFT - 6, py, CurvePlot.LABEL_RGB, Figure.Align.RIGHT, FONT);
        }
        if (hasTarget) {
            double ty = y.pixel(target);
            f.segment(LEFT, ty, width - RIGHT, ty, CurvePlot.INK_RGB, 1, true);
            f.label(
                    "target " + Digits.significant(target, 3),
                    width - RIGHT - 4,
                    ty - 8,
                    CurvePlot.INK_RGB,
                    Figure.Align.RIGHT,
                    FONT);
        }
        for (int r = 0; r < runs.size(); r++) {
            RunHistory h = runs.get(r).history();
            double[] xs = new double[h.size()];
            double[] ys = new double[h.size()];
            for (int i = 0; i < h.size(); i++) {
                xs[i] = x.pixel(h.epoch(i));
                double v = h.trainLoss(i);
                ys[i] = v > 0 && !Double.isInfinite(v) ? y.clampedPixel(v) : Double.NaN;
            }
            f.line(xs, ys, rgb(r), 2, dashed(r));
        }
        return f;
    }

    /** The fraction of hidden units dead ({@code dead}) or saturated, per reported epoch, every run. */
    public static Figure fraction(List<RaceRun> runs, boolean dead, int maxEpochs, double width, double height) {
        Figure f = new Figure(width, height);
        Scale x = Scale.linear(0, Math.max(1, maxEpochs), LEFT, width - RIGHT);
        Scale y = Scale.linear(0, 1, height - BOTTOM, TOP);
        frame(f, x, y, maxEpochs, width, height);
        for (double t : new double[] {0, 0.5, 1}) {
            double py = y.pixel(t);
            f.segment(LEFT, py, width - RIGHT, py, CurvePlot.GRID_RGB, 1, false);
            f.label(Digits.significant(t * 100, 3) + "%", LEFT - 6, py, CurvePlot.LABEL_RGB, Figure.Align.RIGHT, FONT);
        }
        for (int r = 0; r < runs.size(); r++) {
            RunHistory h = runs.get(r).history();
            double[] xs = new double[h.size()];
            double[] ys = new double[h.size()];
            for (int i = 0; i < h.size(); i++) {
                xs[i] = x.pixel(h.epoch(i));
                ys[i] = y.pixel(dead ? h.deadFraction(i) : h.saturatedFraction(i));
            }
            f.line(xs, ys, rgb(r), 2, dashed(r));
        }
        return f;
    }

    /** Units off on every training point (z <= 0 everywhere), a count per reported epoch, every run. */
    public static Figure offUnits(List<RaceRun> runs, int maxEpochs, double width, double height) {
        int most = 1;
        for (RaceRun run : runs) {
            most = Math.max(most, run.hiddenUnits());
        }
        Figure f = new Figure(width, height);
        Scale x = Scale.linear(0, Math.max(1, maxEpochs), LEFT, width - RIGHT);
        Scale y = Scale.linear(0, most, height - BOTTOM, TOP);
        frame(f, x, y, maxEpochs, width, height);
        for (double t : Scale.ticks(0, most, 4)) {
            double py = y.pixel(t);
            f.segment(LEFT, py, width - RIGHT, py, CurvePlot.GRID_RGB, 1, false);
            f.label(Digits.significant(t, 3), LEFT - 6, py, CurvePlot.LABEL_RGB, Figure.Align.RIGHT, FONT);
        }
        for (int r = 0; r < runs.size(); r++) {
            RunHistory h = runs.get(r).history();
            double[] xs = new double[h.size()];
            double[] ys = new double[h.size()];
            for (int i = 0; i < h.size(); i++) {
                xs[i] = x.pixel(h.epoch(i));
                ys[i] = h.offUnits(i) < 0 ? Double.NaN : y.pixel(h.offUnits(i));
            }
            f.line(xs, ys, rgb(r), 2, dashed(r));
        }
        return f;
    }

    /** The smallest |product| the path chart shows; 0 (a dead unit on the path) sits on this floor. */
    static final double PATH_FLOOR = 1e-12;

    /**
     * The size of the running product of local derivatives along every run's strongest path (see
     * {@link PathProduct}), on a log axis: x is the stage (the input, where the product is 1, then
     * after each layer), y is |product so far|, with 1 as a dashed line. Sigmoid's line falls by
     * at least a factor 4/|w| per layer; ReLU's stays near 1.
     */
    public static Figure pathProducts(List<RaceRun> runs, double width, double height) {
        int stages = 1;
        double lo = 0.1;
        double hi = 2;
        for (RaceRun run : runs) {
            List<PathProduct.Step> steps = run.path().steps();
            stages = Math.max(stages, steps.size());
            for (PathProduct.Step step : steps) {
                double v = Math.abs(step.product());
                if (v > 0 && !Double.isInfinite(v)) {
                    lo = Math.min(lo, Math.max(PATH_FLOOR, v));
                    hi = Math.max(hi, v);
                }
            }
        }
        hi *= 1.5;
        lo /= 1.5;
        Figure f = new Figure(width, height);
        double bottom = height - BOTTOM;
        Scale x = Scale.linear(0, stages, LEFT + 8, width - RIGHT - 8);
        Scale y = Scale.log10(lo, hi, bottom, TOP);
        f.box(LEFT, TOP, width - RIGHT - LEFT, bottom - TOP, 0xFFFFFF, 1);
        f.segment(LEFT, bottom, width - RIGHT, bottom, CurvePlot.AXIS_RGB, 1, false);
        f.segment(LEFT, TOP, LEFT, bottom, CurvePlot.AXIS_RGB, 1, false);
        double[] ticks = Scale.logTicks(lo, hi);
        // every k-th tick labelled, so labels stay at least 16 px apart
        int every = Math.max(1, (int) Math.ceil(ticks.length * 16 / Math.max(1, bottom - TOP)));
        for (int t = 0; t < ticks.length; t++) {
            double py = y.pixel(ticks[t]);
            f.segment(LEFT, py, width - RIGHT, py, CurvePlot.GRID_RGB, 1, false);
            if ((ticks.length - 1 - t) % every == 0) {
                f.label(Digits.significant(ticks[t], 2), LEFT - 6, py, CurvePlot.LABEL_RGB, Figure.Align.RIGHT, FONT);
            }
        }
        double one = y.pixel(1);
        f.segment(LEFT, one, width - RIGHT, one, CurvePlot.INK_RGB, 1, true);
        boolean narrow = (width - LEFT - RIGHT) / (stages + 1) < 56;
        for (int s = 0; s <= stages; s++) {
            String name = s == 0 ? "input" : s == stages ? "score" : (narrow ? "" : "layer ") + s;
            f.label(name, x.pixel(s), bottom + 12, CurvePlot.LABEL_RGB, Figure.Align.CENTER, FONT);
        }
        for (int r = 0; r < runs.size(); r++) {
            List<PathProduct.Step> steps = runs.get(r).path().steps();
            double[] xs = new double[steps.size() + 1];
            double[] ys = new double[steps.size() + 1];
            xs[0] = x.pixel(0);
            ys[0] = one;
            for (int s = 0; s < steps.size(); s++) {
                // the output layer is the last stage, whatever the run's depth
                xs[s + 1] = x.pixel(s == steps.size() - 1 ? stages : s + 1);
                double v = Math.abs(steps.get(s).product());
                ys[s + 1] = v != v || Double.isInfinite(v) ? Double.NaN : y.clampedPixel(Math.max(PATH_FLOOR, v));
            }
            f.line(xs, ys, rgb(r), 2, dashed(r));
            for (int s = 0; s < xs.length; s++) {
                if (ys[s] == ys[s]) {
                    f.dot(xs[s], ys[s], 3, rgb(r));
                }
            }
        }
        return f;
    }

    /** The plot area's frame and the epoch axis. */
    private static void frame(Figure f, Scale x, Scale y, int maxEpochs, double width, double height) {
        double bottom = height - BOTTOM;
        f.box(LEFT, TOP, width - RIGHT - LEFT, bottom - TOP, 0xFFFFFF, 1);
        f.segment(LEFT, bottom, width - RIGHT, bottom, CurvePlot.AXIS_RGB, 1, false);
        f.segment(LEFT, TOP, LEFT, bottom, CurvePlot.AXIS_RGB, 1, false);
        int approx = width < 360 ? 3 : 6;
        for (double t : Scale.ticks(0, Math.max(1, maxEpochs), approx)) {
            double px = x.pixel(t);
            f.segment(px, bottom, px, bottom + 4, CurvePlot.AXIS_RGB, 1, false);
            f.label(Digits.significant(t, 6), px, bottom + 12, CurvePlot.LABEL_RGB, Figure.Align.CENTER, FONT);
        }
    }
}
