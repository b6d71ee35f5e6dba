package backprop.engine.kink;

import backprop.engine.graph.GraphText;

/**
 * What happens at one point of a function, for the student who asks "what happens at x = 0?":
 * the slopes from the left and from the right, the one backprop uses (the engine's convention,
 * the left-hand slope), the central difference a gradient check computes, and why the two
 * disagree at a kink.
 *
 * <p>One-sided slopes are f' just beside x, at x ∓ δ with δ = 1e-12·max(1, |x|): on a piecewise
 * smooth function that is the limit of f' from that side to about δ·|f''|. They count as different
 * (x is a kink) when they differ by more than 1e-6·max(1, |left|, |right|). The numerical
 * estimate is the explorer's: (f(x+h) − f(x−h)) / 2h with h = 1e-5·max(1, |x|). Across a kink
 * it is about the mean of the two slopes (exactly that for a function linear on each side), so
 * its relative error against either slope is |right − left| / (|left| + |right|), 1 for relu.
 *
 * @param x the point
 * @param value f(x)
 * @param leftDerivative the slope just left of x
 * @param rightDerivative the slope just right of x
 * @param convention f'(x) as backprop computes it
 * @param side which one-sided slope the convention equals
 * @param numerical the central difference at x
 * @param step h of the central difference
 * @param relativeError |convention − numerical| / max(|convention|, |numerical|) (0 when both are 0)
 * @param explanation one or two sentences, with the numbers, for the page
 */
public record KinkLens(
        double x,
        double value,
        double leftDerivative,
        double rightDerivative,
        double convention,
        Side side,
        double numerical,
        double step,
        double relativeError,
        String explanation) {
    /** Which slope the derivative backprop uses equals. */
    public enum Side {
        /** No kink: both slopes agree (and the convention with them). */
        BOTH,
        /** A kink, and backprop uses the left-hand slope (the engine's convention). */
        LEFT,
        /** A kink, and backprop uses the right-hand slope. */
        RIGHT,
        /** A kink, and backprop's value is neither one-sided slope (or one is not a number). */
        NEITHER
    }

    /** Relative size of δ, where the one-sided slopes are read. */
    public static final double SIDE_OFFSET = 1e-12;
    /** Relative size of h in the central difference, as in the explorer. */
    public static final double CENTRAL_STEP = 1e-5;
    /** Relative difference of the one-sided slopes above which x is a kink. */
    public static final double KINK_TOLERANCE = 1e-6;

    /** True when the slopes from the two sides differ: f has no derivative at x. */
    public boolean isKink() {
        return side != Side.BOTH;
    }

    /** The lens on {@code f} at {@code x} (a finite number). */
    public static KinkLens at(ScalarFunction f, double x) {
        if (x != x || x == Double.POSITIVE_INFINITY || x == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("the kink lens needs a finite point, got " + x);
        }
        double scale = Math.max(1, Math.abs(x));
        double delta = SIDE_OFFSET * scale;
        double convention = f.derivative(x);
        double left = f.derivative(x - delta);
        double right = f.derivative(x + delta);
        double tolerance = KINK_TOLERANCE * Math.max(1, Math.max(Math.abs(left), Math.abs(right)));
        Side side;
        if (Math.abs(right - left) <= tolerance) {
            side = Side.BOTH;
            left = convention;
            right = convention;
        } else if (Math.abs(convention - left) <= tolerance) {
            side = Side.LEFT;
        } else if (Math.abs(convention - right) <= tolerance) {
            side = Side.RIGHT;
        } else {
            side = Side.NEITHER;
        }
        double h = CENTRAL_STEP * scale;
        double numerical = (f.value(x + h) - f.value(x - h)) / (2 * h);
        double largest = Math.max(Math.abs(convention), Math.abs(numerical));
        double error = largest == 0 ? 0 : Math.abs(convention - numerical) / largest;
        String explanation = explain(f.name(), x, left, right, convention, side, numerical, error);
        return new KinkLens(x, f.value(x), left, right, convention, side, numerical, h, error, explanation);
    }

    private static String explain(
            String name,
            double x,
            double left,
            double right,
            double convention,
            Side side,
            double numerical,
            double error) {
        String at = "x = " + number(x);
        if (side == Side.BOTH) {
            return name + " is smooth at " + at + ": the slopes from the left and from the right agree ("
                    + number(convention) + "), and the central difference gives " + number(numerical)
                    + " (relative error " + number(error) + "), so a numerical check passes here.";
        }
        String uses;
        switch (side) {
            case LEFT:
                uses = "Backprop uses the engine's convention, the left-hand slope " + number(convention) + ".";
                break;
            case RIGHT:
                uses = "Backprop uses the right-hand slope " + number(convention) + " here.";
                break;
            default:
                uses = "Backprop uses " + number(convention) + ", neither one-sided slope.";
        }
        return at + " is a kink of " + name + ": the slope is " + number(left) + " from the left and "
                + number(right) + " from the right, so no derivative exists there. " + uses
                + " The central difference (f(x+h) \u2212 f(x\u2212h))/2h straddles the kink and gives "
                + number(numerical)
                + ", about the mean of the two slopes, so the numerical check fails (relative error "
                + number(error) + ") although the backward code is right. Move x off the kink and they agree.";
    }

    private static String number(double v) {
        return GraphText.significant(v, 4);
    }
}
