package backprop.engine.spec;

/**
 * The input plane every dataset, drawn point and picture lives on: [-6, 6]², as in TensorFlow
 * Playground. x1 grows to the right, x2 upwards; pictures put row 0 at the top.
 */
public final class Plane {
    public static final double MIN = -6.0;
    public static final double MAX = 6.0;
    /** MAX - MIN. */
    public static final double SIZE = 12.0;

    private Plane() {}

    /** x1 at {@code fraction} of the plane's width from its left edge. */
    public static double x1At(double fraction) {
        return fraction * SIZE + MIN;
    }

    /** x2 at {@code fraction} of the plane's height from its top edge. */
    public static double x2At(double fraction) {
        return MAX - fraction * SIZE;
    }

    /** True when (x1, x2) lies on the plane, edges included. */
    public static boolean contains(double x1, double x2) {
        return x1 >= MIN && x1 <= MAX && x2 >= MIN && x2 <= MAX;
    }

    /** {@code v} clamped to [MIN, MAX]. */
    public static double clamp(double v) {
        return Math.max(MIN, Math.min(MAX, v));
    }
}
