package backprop.ui.activations;

import backprop.engine.spec.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the compose panel says about a curve over the plot range, from samples at
 * x_i = xMin + (xMax - xMin) i / samples: where f or f' is undefined (NaN or infinite), where it
 * is flat (|f'| below {@link #FLAT_SLOPE}, so almost no gradient passes), and which built-in
 * activation it equals bit for bit at every sample, if any.
 */
public final class CompositionAnalysis {
    /** Slopes below this pass almost no gradient: a unit there learns (nearly) nothing. */
    public static final double FLAT_SLOPE = 1e-3;
    /** A flat stretch is reported when it covers at least this fraction of the range. */
    public static final double MIN_FLAT_FRACTION = 0.05;

    /** [from, to], the first and last sample of a run. */
    public record Interval(double from, double to) {
        public String text() {
            return from == to
                    ? "x = " + Digits.significant(from, 4)
                    : "x from " + Digits.significant(from, 4) + " to " + Digits.significant(to, 4);
        }
    }

    private CompositionAnalysis() {}

    private static double at(double xMin, double xMax, int samples, int i) {
        return xMin + (xMax - xMin) * i / samples;
    }

    static boolean finite(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    /** The runs of samples where f or f' is NaN or infinite. */
    public static List<Interval> undefined(ActivationCurve curve, double xMin, double xMax, int samples) {
        List<Interval> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= samples + 1; i++) {
            boolean bad = false;
            if (i <= samples) {
                double x = at(xMin, xMax, samples, i);
                bad = !finite(curve.value(x)) || !finite(curve.derivative(x));
            }
            if (bad && start < 0) {
                start = i;
            } else if (!bad && start >= 0) {
                out.add(new Interval(at(xMin, xMax, samples, start), at(xMin, xMax, samples, i - 1)));
                start = -1;
            }
        }
        return out;
    }

    /** The runs of samples with a finite |f'| below {@link #FLAT_SLOPE}, at least 5 % of the range long. */
    public static List<Interval> flat(ActivationCurve curve, double xMin, double xMax, int samples) {
        List<Interval> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= samples + 1; i++) {
            boolean flat = false;
            if (i <= samples) {
                double d = curve.derivative(at(xMin, xMax, samples, i));
                flat = finite(d) && Math.abs(d) < FLAT_SLOPE;
            }
            if (flat && start < 0) {
                start = i;
            } else if (!flat && start >= 0) {
                double from = at(xMin, xMax, samples, start);
                double to = at(xMin, xMax, samples, i - 1);
                if (to - from >= MIN_FLAT_FRACTION * (xMax - xMin)) {
                    out.add(new Interval(from, to));
                }
                start = -1;
            }
        }
        return out;
    }

    /**
     * The built-in element-wise activation whose f and f' have the same bits as the curve's at
     * every sample and at every extra point, or null.
     */
    public static String matchingBuiltIn(ActivationCurve curve, double xMin, double xMax, int samples, double[] extra) {
        for (Activation kind : Activation.builtIns()) {
            if (kind == Activation.MAXOUT) {
                continue;
            }
            ActivationCurve builtIn = ActivationCatalog.of(kind);
            boolean same = true;
            for (int i = 0; i <= samples + extra.length && same; i++) {
                double x = i <= samples ? at(xMin, xMax, samples, i) : extra[i - samples - 1];
                same = sameBits(curve.value(x), builtIn.value(x))
                        && sameBits(curve.derivative(x), builtIn.derivative(x));
            }
            if (same) {
                return kind.key();
            }
        }
        return null;
    }

    private static boolean sameBits(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /** "Undefined for x from -10 to -0.02 (f or f′ is NaN or infinite)." or "Defined everywhere on the range." */
    public static String undefinedText(List<Interval> undefined) {
        if (undefined.isEmpty()) {
            return "Defined (finite f and f\u2032) at every plotted x.";
        }
        return "Undefined (f or f\u2032 NaN or infinite) for " + join(undefined)
                + ": a unit whose input lands there makes the loss NaN and training stops as diverged.";
    }

    /** "Flat (|f′| < 0.001) for ..." or that it is nowhere flat. */
    public static String flatText(List<Interval> flat) {
        if (flat.isEmpty()) {
            return "Nowhere flat: |f\u2032| \u2265 0.001 except at isolated points.";
        }
        return "Flat (|f\u2032| < 0.001, almost no gradient passes) for " + join(flat) + ".";
    }

    private static String join(List<Interval> intervals) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < intervals.size(); i++) {
            if (i > 0) {
                out.append(i == intervals.size() - 1 ? " and " : ", ");
            }
            out.append(intervals.get(i).text());
        }
        return out.toString();
    }
}
