package backprop.ui.activations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A picture as a list of marks in CSS pixels (origin top left), built in plain Java and handed
 * to a canvas painter once. Lines break where a coordinate is NaN.
 */
public final class Figure {
    /** Horizontal anchor of a label. */
    public enum Align {
        LEFT("left"),
        CENTER("center"),
        RIGHT("right");

        private final String css;

        Align(String css) {
            this.css = css;
        }

        public String css() {
            return css;
        }
    }

    /** Something drawn. */
    public sealed interface Mark permits Line, Label, Dot, Box {}

    /** A polyline through (xs[i], ys[i]); {@code dashed} for a second series of the same colour. */
    public record Line(double[] xs, double[] ys, int rgb, double width, boolean dashed) implements Mark {}

    /** Text whose vertical middle is at y. */
    public record Label(String text, double x, double y, int rgb, Align align, double size) implements Mark {}

    /** A filled disc. */
    public record Dot(double x, double y, double radius, int rgb) implements Mark {}

    /** A filled rectangle with opacity {@code alpha} in [0, 1]. */
    public record Box(double x, double y, double w, double h, int rgb, double alpha) implements Mark {}

    private final double width;
    private final double height;
    private final List<Mark> marks = new ArrayList<>();

    public Figure(double width, double height) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a figure needs a positive size, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public List<Mark> marks() {
        return Collections.unmodifiableList(marks);
    }

    public Figure add(Mark mark) {
        marks.add(mark);
        return this;
    }

    public Figure line(double[] xs, double[] ys, int rgb, double lineWidth, boolean dashed) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("a line needs as many x as y, got " + xs.length + " and " + ys.length);
        }
        return add(new Line(xs, ys, rgb, lineWidth, dashed));
    }

    /** A straight segment. */
    public Figure segment(double x0, double y0, double x1, double y1, int rgb, double lineWidth, boolean dashed) {
        return add(new Line(new double[] {x0, x1}, new double[] {y0, y1}, rgb, lineWidth, dashed));
    }

    public Figure label(String text, double x, double y, int rgb, Align align, double size) {
        return add(new Label(text, x, y, rgb, align, size));
    }

    public Figure dot(double x, double y, double radius, int rgb) {
        return add(new Dot(x, y, radius, rgb));
    }

    public Figure box(double x, double y, double w, double h, int rgb, double alpha) {
        return add(new Box(x, y, w, h, rgb, alpha));
    }
}
