package backprop.ui.activations;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a data interval onto a pixel interval, linearly or on a log10 axis, and back; and picks
 * readable tick values.
 */
public final class Scale {
    private static final double LN10 = 2.302585092994046;

    private final double from;
    private final double to;
    private final double pixelFrom;
    private final double pixelTo;
    private final boolean log;

    private Scale(double from, double to, double pixelFrom, double pixelTo, boolean log) {
        if (!(to > from)) {
            throw new IllegalArgumentException("a scale needs from < to, got " + from + " and " + to);
        }
        this.from = from;
        this.to = to;
        this.pixelFrom = pixelFrom;
        this.pixelTo = pixelTo;
        this.log = log;
    }

    /** Data [from, to] onto pixels [pixelFrom, pixelTo] (pixelTo < pixelFrom flips a y axis). */
    public static Scale linear(double from, double to, double pixelFrom, double pixelTo) {
        return new Scale(from, to, pixelFrom, pixelTo, false);
    }

    /** log10 of data in [from, to] (both > 0) onto pixels. */
    public static Scale log10(double from, double to, double pixelFrom, double pixelTo) {
        if (!(from > 0)) {
            throw new IllegalArgumentException("a log scale needs from > 0, got " + from);
        }
        return new Scale(ln(from), ln(to), pixelFrom, pixelTo, true);
    }

    private static double ln(double v) {
        return Math.log(v);
    }

    public double from() {
        return log ? Math.exp(from) : from;
    }

    public double to() {
        return log ? Math.exp(to) : to;
    }

    /** The pixel of {@code value}; values outside the domain map outside the pixel range; NaN stays NaN. */
    public double pixel(double value) {
        double v = log ? (value > 0 ? ln(value) : Double.NaN) : value;
        return pixelFrom + (v - from) / (to - from) * (pixelTo - pixelFrom);
    }

    /** The value at {@code pixel}. */
    public double value(double pixel) {
        double v = from + (pixel - pixelFrom) / (pixelTo - pixelFrom) * (to - from);
        return log ? Math.exp(v) : v;
    }

    /** The value clamped to the pixel range, then mapped (keeps lines on the canvas). */
    public double clampedPixel(double value) {
        double p = pixel(value);
        double lo = Math.min(pixelFrom, pixelTo);
        double hi = Math.max(pixelFrom, pixelTo);
        return p != p ? p : Math.max(lo, Math.min(hi, p));
    }

    /**
     * About {@code count} round tick values (1, 2 or 5 times a power of ten apart) inside
     * [lo, hi], for a linear axis.
     */
    public static double[] ticks(double lo, double hi, int count) {
        double span = hi - lo;
        if (!(span > 0) || count < 1) {
            return new double[] {lo};
        }
        double raw = span / count;
        double power = 1;
        while (power * 10 <= raw) {
            power *= 10;
        }
        while (power > raw) {
            power /= 10;
        }
        double m = raw / power;
        double step = (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] ticks = new double[Math.max(n, 0)];
        for (int i = 0; i < ticks.length; i++) {
            double t = first + i * step;
            ticks[i] = Math.abs(t) < step * 1e-9 ? 0 : t;
        }
        return ticks;
    }

    /**
     * Ticks for a log axis over [lo, hi] (lo > 0): the powers of ten inside, and also 2 and 5
     * times them when the axis spans less than two decades (so a short axis is still labelled).
     */
    public static double[] logTicks(double lo, double hi) {
        double[] powers = decades(lo / 10, hi);
        if (Math.log(hi / lo) / LN10 >= 2) {
            return decades(lo, hi);
        }
        List<Double> out = new ArrayList<>();
        for (double p : powers) {
            for (double m : new double[] {1, 2, 5}) {
                double t = p * m;
                if (t >= lo && t <= hi) {
                    out.add(t);
                }
            }
        }
        double[] ticks = new double[out.size()];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = out.get(i);
        }
        return ticks;
    }

    /** Powers of ten inside [lo, hi] (lo > 0), for a log axis. */
    public static double[] decades(double lo, double hi) {
        int first = (int) Math.ceil(Math.log(lo) / LN10 - 1e-9);
        int last = (int) Math.floor(Math.log(hi) / LN10 + 1e-9);
        if (last < first) {
            return new double[0];
        }
        double[] out = new double[last - first + 1];
        for (int i = 0; i < out.length; i++) {
            double v = 1;
            int k = first + i;
            for (int j = 0; j < Math.abs(k); j++) {
                v = k > 0 ? v * 10 : v / 10;
            }
            out[i] = v;
        }
        return out;
    }
}
