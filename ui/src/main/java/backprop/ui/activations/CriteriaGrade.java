package backprop.ui.activations;

import java.util.ArrayList;
import java.util.List;

/**
 * A composed activation graded against the lecture's four features of a good activation
 * (non-linear, differentiable almost everywhere, simple to compute, non-saturating), each from
 * measurements on the plotted range, never asserted: the largest distance from the straight line
 * through the ends, the points where f′ is undefined or jumps, the measured time per call against
 * ReLU, and the share of the range where |f′| is below {@link CompositionAnalysis#FLAT_SLOPE}.
 */
public final class CriteriaGrade {
    /** A jump of f′ between neighbouring samples larger than this counts as a kink. */
    public static final double KINK_JUMP = 0.1;
    /** Up to this many times ReLU's time per call counts as simple (an exp, as in ELU or Swish, stays under it). */
    public static final double SIMPLE_COST_RATIO = 10;

    private CriteriaGrade() {}

    /**
     * The four lines, each starting with the criterion and "yes" or "no". {@code costRatio} is
     * the measured time per call (f and f′ over a buffer) over ReLU's, NaN when not measured.
     */
    public static List<String> grade(ActivationCurve curve, double xMin, double xMax, int samples, double costRatio) {
        List<String> lines = new ArrayList<>();
        // the straight line through the first and the last point where f is defined
        double x0 = Double.NaN;
        double f0 = Double.NaN;
        double x1 = Double.NaN;
        double f1 = Double.NaN;
        for (int i = 0; i <= samples; i++) {
            double x = xMin + (xMax - xMin) * i / samples;
            double f = curve.value(x);
            if (Double.isFinite(f)) {
                if (x0 != x0) {
                    x0 = x;
                    f0 = f;
                }
                x1 = x;
                f1 = f;
            }
        }
        double bend = 0;
        int undefined = 0;
        int kinks = 0;
        int flat = 0;
        double previous = Double.NaN;
        for (int i = 0; i <= samples; i++) {
            double x = xMin + (xMax - xMin) * i / samples;
            double f = curve.value(x);
            double d = curve.derivative(x);
            if (!Double.isFinite(f) || !Double.isFinite(d)) {
                undefined++;
                previous = Double.NaN;
                continue;
            }
            double line = x1 > x0 ? f0 + (f1 - f0) * (x - x0) / (x1 - x0) : f;
            if (Double.isFinite(line)) {
                bend = Math.max(bend, Math.abs(f - line));
            }
            if (previous == previous && Math.abs(d - previous) > KINK_JUMP) {
                kinks++;
            }
            if (Math.abs(d) < CompositionAnalysis.FLAT_SLOPE) {
                flat++;
            }
            previous = d;
        }
        int points = samples + 1;
        boolean nonLinear = bend > 1e-9 * Math.max(1, Math.max(Math.abs(f0), Math.abs(f1)));
        lines.add("Non-linear: " + (nonLinear ? "yes" : "no")
                + ", it departs from the straight line through its ends by up to " + Digits.significant(bend, 3) + ".");
        boolean differentiable = undefined == 0 && kinks <= points / 100;
        lines.add("Differentiable almost everywhere: " + (differentiable ? "yes" : "no")
                + ", f or f\u2032 is undefined at " + undefined + " of " + points + " points and f\u2032 jumps at "
                + kinks + ".");
        if (costRatio == costRatio) {
            lines.add("Simple to compute: " + (costRatio <= SIMPLE_COST_RATIO ? "yes" : "no") + ", measured at "
                    + Digits.significant(costRatio, 2) + "\u00d7 ReLU's time per call in this browser (simple: at most "
                    + Digits.significant(SIMPLE_COST_RATIO, 2) + "\u00d7).");
        } else {
            lines.add("Simple to compute: not measured yet.");
        }
        double flatShare = (double) flat / points;
        lines.add("Non-saturating: " + (flatShare < CompositionAnalysis.MIN_FLAT_FRACTION ? "yes" : "no")
                + ", |f\u2032| < "
                + Digits.significant(CompositionAnalysis.FLAT_SLOPE, 1) + " on "
                + Digits.significant(flatShare * 100, 3)
                + " % of the range.");
        return lines;
    }
}
