package backprop.ui.playground;

import backprop.engine.train.Diagnostics;
import backprop.engine.train.Fingerprint;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;

/**
 * What the views show of one state of a run besides its weights: the metrics, the diagnostics the
 * network diagram draws (gradient, per-layer gradient norms, dead and saturated units) and the
 * fingerprint, measured where the run trains. A Web Worker that trains the run measures it there,
 * on its own core, and sends it to the page as {@link #encode()}'s numbers, so the page draws
 * without a pass over the data. Pure Java: the same numbers on every runtime.
 */
public record RunReadout(int epoch, int iteration, Metrics metrics, Diagnostics diagnostics, String fingerprint) {
    /** Numbers before the per-layer ones: epoch, iteration, 5 metrics, the fingerprint's 2 halves, the layer count. */
    private static final int HEADER = 10;

    /** Measures {@code trainer}'s current state: one evaluation and one diagnostics pass. */
    public static RunReadout of(Trainer trainer) {
        return new RunReadout(
                trainer.epoch(), trainer.iteration(), trainer.evaluate(), trainer.diagnostics(), trainer.fingerprint());
    }

    /**
     * As numbers: epoch, iteration, the metrics (train loss, test loss, train accuracy, test
     * accuracy, regularization), the fingerprint's high and low 32 bits, the layer count L, the L
     * unit counts, the L gradient norms, a 0/1 per unit for dead, then for saturated, then the
     * gradient (the rest).
     */
    public double[] encode() {
        boolean[][] dead = diagnostics.deadUnits();
        int layers = dead.length;
        int units = 0;
        for (boolean[] layer : dead) {
            units += layer.length;
        }
        double[] gradient = diagnostics.gradient();
        double[] out = new double[HEADER + 2 * layers + 2 * units + gradient.length];
        long hash = 0;
        for (int k = 0; k < fingerprint.length(); k++) {
            hash = (hash << 4) | Character.digit(fingerprint.charAt(k), 16);
        }
        out[0] = epoch;
        out[1] = iteration;
        out[2] = metrics.trainLoss();
        out[3] = metrics.testLoss();
        out[4] = metrics.trainAccuracy();
        out[5] = metrics.testAccuracy();
        out[6] = metrics.regularization();
        out[7] = hash >>> 32;
        out[8] = hash & 0xFFFFFFFFL;
        out[9] = layers;
        int at = HEADER;
        for (boolean[] layer : dead) {
            out[at++] = layer.length;
        }
        System.arraycopy(diagnostics.gradientNorms(), 0, out, at, layers);
        at += layers;
        at = putFlags(out, at, dead);
        at = putFlags(out, at, diagnostics.saturatedUnits());
        System.arraycopy(gradient, 0, out, at, gradient.length);
        return out;
    }

    /** Reads {@link #encode()}'s numbers back. */
    public static RunReadout decode(double[] in) {
        if (in.length < HEADER || in[9] < 0 || HEADER + 2 * in[9] > in.length) {
            throw new IllegalArgumentException("run readout: " + in.length + " numbers do not hold its header");
        }
        int layers = (int) in[9];
        boolean[][] dead = new boolean[layers][];
        boolean[][] saturated = new boolean[layers][];
        int units = 0;
        for (int l = 0; l < layers; l++) {
            int count = (int) in[HEADER + l];
            dead[l] = new boolean[count];
            saturated[l] = new boolean[count];
            units += count;
        }
        int at = HEADER + layers;
        double[] norms = new double[layers];
        System.arraycopy(in, at, norms, 0, layers);
        at += layers;
        if (at + 2 * units > in.length) {
            throw new IllegalArgumentException(
                    "run readout: " + in.length + " numbers do not hold " + units + " units");
        }
        at = getFlags(in, at, dead);
        at = getFlags(in, at, saturated);
        double[] gradient = new double[in.length - at];
        System.arraycopy(in, at, gradient, 0, gradient.length);
        long hash = ((long) in[7] << 32) | (long) in[8];
        return new RunReadout(
                (int) in[0],
                (int) in[1],
                new Metrics(in[2], in[3], in[4], in[5], in[6]),
                new Diagnostics(gradient, norms, dead, saturated),
                Fingerprint.hex(hash));
    }

    private static int putFlags(double[] out, int at, boolean[][] flags) {
        for (boolean[] layer : flags) {
            for (boolean flag : layer) {
                out[at++] = flag ? 1 : 0;
            }
        }
        return at;
    }

    private static int getFlags(double[] in, int at, boolean[][] flags) {
        for (boolean[] layer : flags) {
            for (int u = 0; u < layer.length; u++) {
                layer[u] = in[at++] != 0;
            }
        }
        return at;
    }
}
