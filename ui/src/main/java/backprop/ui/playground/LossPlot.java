package backprop.ui.playground;

import backprop.engine.math.Fdlibm;
import backprop.engine.train.LossHistory;
import backprop.ui.text.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The loss chart's geometry: the plot area inside labelled axes, the epoch and loss ranges with
 * their ticks (a linear loss axis from 0, or a logarithmic one by decades), where each point
 * falls, which epochs diverged, and which point a pointer is nearest. Pure, so the JVM tests
 * check what the chart claims; the page draws it.
 */
public final class LossPlot {
    /** Room for the loss labels on the left and the epoch labels below. */
    public static final double LEFT = 44;

    public static final double RIGHT = 10;
    public static final double TOP = 8;
    public static final double BOTTOM = 22;

    /** A tick: where it sits (pixels along its axis) and what it says. */
    public record Tick(double at, String label) {}

    private final LossHistory history;
    private final double width;
    private final double height;
    private final boolean log;
    private final int lastEpoch;
    private final int firstEpoch;
    private final double low;
    private final double high;

    public LossPlot(LossHistory history, double width, double height, boolean log) {
        this.history = history;
        this.width = width;
        this.height = height;
        int n = history.size();
        this.firstEpoch = n == 0 ? 0 : history.epoch(0);
        this.lastEpoch = n == 0 ? 1 : Math.max(firstEpoch + 1, history.epoch(n - 1));
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (double v : new double[] {history.trainLoss(i), history.testLoss(i)}) {
                if (finite(v)) {
                    max = Math.max(max, v);
                    if (v > 0) {
                        minPositive = Math.min(minPositive, v);
                    }
                }
            }
        }
        this.log = log && minPositive < Double.POSITIVE_INFINITY;
        if (this.log) {
            double lowDecade = Math.floor(log10(minPositive));
            double highDecade = Math.max(lowDecade + 1, Math.ceil(log10(max)));
            this.low = lowDecade;
            this.high = highDecade;
        } else {
            this.low = 0;
            this.high = max > 0 ? niceCeiling(max) : 1;
        }
    }

    public boolean log() {
        return log;
    }

    /** The x pixel of an epoch. */
    public double x(double epoch) {
        return LEFT + (width - LEFT - RIGHT) * (epoch - firstEpoch) / (lastEpoch - firstEpoch);
    }

    /** The y pixel of a loss; NaN for a loss the axis cannot show (not finite, or ≤ 0 on a log axis). */
    public double y(double loss) {
        if (!finite(loss) || (log && loss <= 0)) {
            return Double.NaN;
        }
        double t = log ? (log10(loss) - low) / (high - low) : (loss - low) / (high - low);
        return TOP + (height - TOP - BOTTOM) * (1 - t);
    }

    /** The bottom edge of the plot area (the epoch axis). */
    public double bottom() {
        return height - BOTTOM;
    }

    /** The right edge of the plot area. */
    public double right() {
        return width - RIGHT;
    }

    /** Ticks on the loss axis: 0 and about four round steps, or one per decade. */
    public List<Tick> lossTicks() {
        List<Tick> ticks = new ArrayList<>();
        if (log) {
            for (double d = low; d <= high + 1e-9; d++) {
                double value = Fdlibm.pow(10, d);
                ticks.add(new Tick(y(value), compact(value)));
            }
            return ticks;
        }
        double step = niceStep(high / 4);
        for (double v = 0; v <= high + step * 1e-9; v += step) {
            ticks.add(new Tick(y(v), compact(v)));
        }
        return ticks;
    }

    /** Ticks on the epoch axis: about five round epochs from the first shown to the last. */
    public List<Tick> epochTicks() {
        List<Tick> ticks = new ArrayList<>();
        double step = Math.max(1, niceStep((lastEpoch - firstEpoch) / 5.0));
        double start = Math.ceil(firstEpoch / step) * step;
        for (double e = start; e <= lastEpoch + 1e-9; e += step) {
            ticks.add(new Tick(x(e), Integer.toString((int) e)));
        }
        return ticks;
    }

    /** The epochs at which a loss first became NaN or infinite (diverged runs stop there). */
    public List<Integer> divergedEpochs() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (!finite(history.trainLoss(i)) || !finite(history.testLoss(i))) {
                out.add(history.epoch(i));
            }
        }
        return out;
    }

    /** The index of the history point nearest to x pixel {@code px}, or -1 when there is none. */
    public int nearest(double px) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < history.size(); i++) {
            double distance = Math.abs(x(history.epoch(i)) - px);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    /** The readout for history point {@code i}: what the chart shows there, in words. */
    public String readout(int i) {
        return "Epoch " + history.epoch(i) + ": train loss " + lossText(history.trainLoss(i)) + ", test loss "
                + lossText(history.testLoss(i));
    }

    private static String lossText(double v) {
        return finite(v) ? Numbers.fixed(v, 4) : "diverged";
    }

    /** A tick label: at most three significant digits, no exponent above 1e-4. */
    static String compact(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            int decimals = a >= 100 ? 0 : (a >= 1 ? 2 : (int) Math.ceil(-log10(a)) + 2);
            String text = Numbers.fixed(v, decimals);
            if (text.indexOf('.') >= 0) {
                int end = text.length();
                while (text.charAt(end - 1) == '0') {
                    end--;
                }
                if (text.charAt(end - 1) == '.') {
                    end--;
                }
                text = text.substring(0, end);
            }
            return text;
        }
        return "1e" + (int) Math.round(log10(a));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 1;
        }
        double decade = Fdlibm.pow(10, Math.floor(log10(rough)));
        double f = rough / decade;
        double nice = f <= 1 ? 1 : (f <= 2 ? 2 : (f <= 5 ? 5 : 10));
        return nice * decade;
    }

    /** The smallest multiple of a round step (a quarter of the range) at or above {@code max}. */
    static double niceCeiling(double max) {
        double step = niceStep(max / 4);
        return Math.ceil(max / step - 1e-9) * step;
    }

    private static double log10(double v) {
        return Fdlibm.log(v) / 2.302585092994046;
    }

    private static boolean finite(double v) {
        return v == v && v != Double.POSITIVE_INFINITY && v != Double.NEGATIVE_INFINITY;
    }
}
