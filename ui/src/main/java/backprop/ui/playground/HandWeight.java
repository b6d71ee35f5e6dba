package backprop.ui.playground;

import backprop.engine.spec.SpecNumbers;

/**
 * A weight set by hand in the diagram (TensorFlow Playground's "click an edge"): what the inline
 * editor accepts, and the message for what it refuses. Any finite number from {@link #MIN} to
 * {@link #MAX}; the text is read as a plain decimal, as the spec's numbers are (no exponent).
 */
public final class HandWeight {
    public static final double MIN = -100;
    public static final double MAX = 100;
    /** What the editor says is allowed. */
    public static final String ALLOWED = "a number from -100 to 100, e.g. 0.5 or -1.25";

    private HandWeight() {}

    /** The problem with {@code value}, or null when it is allowed. */
    public static String problem(double value) {
        if (Double.isNaN(value) || value < MIN || value > MAX) {
            return "weight: " + (Double.isNaN(value) ? "NaN" : Double.toString(value)) + " is not allowed; allowed: "
                    + ALLOWED;
        }
        return null;
    }

    /** The problem with the typed {@code text}, or null when {@link #parse} accepts it. */
    public static String problemWithText(String text) {
        String t = text == null ? "" : text.trim();
        double value = SpecNumbers.parseReal(t);
        if (Double.isNaN(value)) {
            return "weight: \"" + t + "\" is not a number; allowed: " + ALLOWED;
        }
        if (value < MIN || value > MAX) {
            return "weight: \"" + t + "\" is not allowed; allowed: " + ALLOWED;
        }
        return null;
    }

    /** The typed value (a plain decimal, as the spec's numbers); call {@link #problemWithText} first. */
    public static double parse(String text) {
        return SpecNumbers.parseReal(text.trim());
    }

    /** A weight as the editor shows it: the shortest plain decimal that reads back to the same double. */
    public static String format(double value) {
        return SpecNumbers.formatReal(value);
    }
}
