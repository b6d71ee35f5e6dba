package backprop.client.view;

import backprop.engine.data.DataSplit;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.Spec;
import backprop.engine.train.Trainer;

/**
 * The output panel: the decision regions over [-6, 6]², coloured per class and shaded by the
 * model's confidence (or by the predicted value for regression), with the training and test
 * points on top. Pure Java: it paints a {@link Raster}; the DOM shell shows it.
 */
public final class OutputView {
    /** Heatmap cells per side (TensorFlow Playground uses 100 too). */
    public static final int GRID = 100;
    private static final double DOMAIN = 6.0;

    private final Raster raster;
    private final int outputs;
    private final double[] predictions;
    private final int[] cellRgb = new int[GRID * GRID];
    /** Per raster column/row: the left/top cell index and the weight of the next cell. */
    private final int[] cellIndex;
    private final double[] cellWeight;

    public OutputView(int sizePx, int outputs) {
        this.raster = new Raster(sizePx, sizePx);
        this.outputs = outputs;
        this.predictions = new double[GRID * GRID * outputs];
        this.cellIndex = new int[sizePx];
        this.cellWeight = new double[sizePx];
        for (int p = 0; p < sizePx; p++) {
            double f = (p + 0.5) * GRID / sizePx - 0.5;
            int i = (int) Math.floor(f);
            double w = f - i;
            if (i < 0) {
                i = 0;
                w = 0;
            } else if (i >= GRID - 1) {
                i = GRID - 2;
                w = 1;
            }
            cellIndex[p] = i;
            cellWeight[p] = w;
        }
    }

    public Raster raster() {
        return raster;
    }

    /** Repaints everything from the trainer's current network and data. */
    public void paint(Trainer trainer, boolean showTestPoints, boolean discretize) {
        trainer.predictGrid(GRID, GRID, predictions);
        Spec spec = trainer.spec();
        colourCells(spec, discretize);
        upsample();
        DataSplit data = trainer.data();
        boolean regression = spec.data().isRegression();
        drawPoints(data.trainX(), data.trainLabel(), data.trainTarget(), regression, false);
        if (showTestPoints) {
            drawPoints(data.testX(), data.testLabel(), data.testTarget(), regression, true);
        }
    }

    private void colourCells(Spec spec, boolean discretize) {
        boolean regression = spec.data().isRegression();
        LossKind loss = spec.loss();
        int classes = spec.classes();
        for (int cell = 0; cell < GRID * GRID; cell++) {
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

    private void upsample() {
        int size = raster.width();
        int[] pixels = raster.pixels();
        for (int py = 0; py < size; py++) {
            int row = cellIndex[py];
            double wy = cellWeight[py];
            for (int px = 0; px < size; px++) {
                int col = cellIndex[px];
                double wx = cellWeight[px];
                int c00 = cellRgb[row * GRID + col];
                int c01 = cellRgb[row * GRID + col + 1];
                int c10 = cellRgb[(row + 1) * GRID + col];
                int c11 = cellRgb[(row + 1) * GRID + col + 1];
                pixels[py * size + px] = Raster.opaque(bilinear(c00, c01, c10, c11, wx, wy));
            }
        }
    }

    private static int bilinear(int c00, int c01, int c10, int c11, double wx, double wy) {
        if (c00 == c01 && c00 == c10 && c00 == c11) {
            return c00;
        }
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((c00 >> shift) & 0xFF) * (1 - wx) + ((c01 >> shift) & 0xFF) * wx;
            double bottom = ((c10 >> shift) & 0xFF) * (1 - wx) + ((c11 >> shift) & 0xFF) * wx;
            int v = (int) (top * (1 - wy) + bottom * wy + 0.5);
            rgb |= v << shift;
        }
        return rgb;
    }

    private void drawPoints(double[] xy, int[] labels, double[] targets, boolean regression, boolean test) {
        int size = raster.width();
        double scale = size / (2 * DOMAIN);
        for (int i = 0; i < labels.length; i++) {
            double px = (xy[2 * i] + DOMAIN) * scale;
            double py = (DOMAIN - xy[2 * i + 1]) * scale;
            int fill = regression ? valueRgb(targets[i]) : Palette.classRgb(labels[i]);
            // Training points: white ring; test points: dark ring, so the two read apart.
            int ring = test ? Palette.INK_RGB : 0xFFFFFF;
            raster.disc(px, py, 4.2, 1.2, fill, ring);
        }
    }

    /** Maps a raster pixel back to the input plane (for clicks). */
    public static double toInput(double pixel, int sizePx, boolean vertical) {
        double v = pixel / sizePx * (2 * DOMAIN) - DOMAIN;
        return vertical ? -v : v;
    }
}
