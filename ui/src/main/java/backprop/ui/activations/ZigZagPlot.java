package backprop.ui.activations;

/**
 * A zig-zag panel: the (w1, w2) plane over [-2, 2]^2 with the loss's level ellipses around w*,
 * the path of the weights so far, and, for all-positive inputs, the two quadrants every step must
 * point into (both weights up or both down) shaded around the current weights.
 */
public final class ZigZagPlot {
    public static final double EXTENT = 2;
    static final int PATH_RGB = 0x0072B2;
    static final int QUADRANT_RGB = 0x009E73;
    static final int OPTIMUM_RGB = 0xD55E00;
    private static final double MARGIN = 22;
    private static final double FONT = 11;

    private ZigZagPlot() {}

    /** The panel, {@code size} pixels square. */
    public static Figure figure(ZigZag zz, boolean showAllowedQuadrants, double size) {
        Figure f = new Figure(size, size);
        Scale x = Scale.linear(-EXTENT, EXTENT, MARGIN, size - 6);
        Scale y = Scale.linear(-EXTENT, EXTENT, size - MARGIN, 6);
        f.box(
                x.pixel(-EXTENT),
                y.pixel(EXTENT),
                x.pixel(EXTENT) - x.pixel(-EXTENT),
                y.pixel(-EXTENT) - y.pixel(EXTENT),
                0xFFFFFF,
                1);
        int last = zz.steps();
        double cw1 = zz.w1(last);
        double cw2 = zz.w2(last);
        if (showAllowedQuadrants && Math.abs(cw1) < EXTENT && Math.abs(cw2) < EXTENT) {
            double px = x.pixel(cw1);
            double py = y.pixel(cw2);
            // Up-right (both weights grow) and down-left (both shrink): where w - lr (p - y) x can go.
            f.box(px, y.pixel(EXTENT), x.pixel(EXTENT) - px, py - y.pixel(EXTENT), QUADRANT_RGB, 0.12);
            f.box(x.pixel(-EXTENT), py, px - x.pixel(-EXTENT), y.pixel(-EXTENT) - py, QUADRANT_RGB, 0.12);
        }
        f.segment(x.pixel(0), y.pixel(-EXTENT), x.pixel(0), y.pixel(EXTENT), CurvePlot.AXIS_RGB, 1, false);
        f.segment(x.pixel(-EXTENT), y.pixel(0), x.pixel(EXTENT), y.pixel(0), CurvePlot.AXIS_RGB, 1, false);
        contours(f, zz, x, y);
        for (double t : new double[] {-EXTENT, 0, EXTENT}) {
            f.label(
                    Digits.significant(t, 2),
                    x.pixel(t),
                    size - MARGIN / 2,
                    CurvePlot.LABEL_RGB,
                    t < 0 ? Figure.Align.LEFT : t > 0 ? Figure.Align.RIGHT : Figure.Align.CENTER,
                    FONT);
        }
        f.label("w1", x.pixel(EXTENT) - 2, y.pixel(0) - 9, CurvePlot.LABEL_RGB, Figure.Align.RIGHT, FONT);
        f.label("w2", x.pixel(0) + 5, y.pixel(EXTENT) + 8, CurvePlot.LABEL_RGB, Figure.Align.LEFT, FONT);
        double[] xs = new double[last + 1];
        double[] ys = new double[last + 1];
        for (int k = 0; k <= last; k++) {
            xs[k] = x.clampedPixel(zz.w1(k));
            ys[k] = y.clampedPixel(zz.w2(k));
        }
        f.line(xs, ys, PATH_RGB, 1.5, false);
        for (int k = 0; k <= last; k++) {
            f.dot(xs[k], ys[k], k == 0 || k == last ? 4 : 2.2, PATH_RGB);
        }
        f.dot(x.pixel(ZigZag.OPTIMUM_W1), y.pixel(ZigZag.OPTIMUM_W2), 5, OPTIMUM_RGB);
        f.label(
                "w*",
                x.pixel(ZigZag.OPTIMUM_W1) + 8,
                y.pixel(ZigZag.OPTIMUM_W2) + 1,
                OPTIMUM_RGB,
                Figure.Align.LEFT,
                FONT);
        f.label(
                "start",
                x.pixel(ZigZag.START_W1) - 7,
                y.pixel(ZigZag.START_W2) - 1,
                PATH_RGB,
                Figure.Align.RIGHT,
                FONT);
        return f;
    }

    /** Level sets L = L(start) x {1, 1/4, 1/16, 1/64}: ellipses from H's eigenvectors. */
    private static void contours(Figure f, ZigZag zz, Scale x, Scale y) {
        double[] h = zz.curvature();
        double trace = h[0] + h[2];
        double det = h[0] * h[2] - h[1] * h[1];
        double disc = Math.sqrt(Math.max(0, trace * trace / 4 - det));
        double l1 = trace / 2 + disc;
        double l2 = Math.max(1e-12, trace / 2 - disc);
        // Eigenvector of l1: (h12, l1 - h11), or an axis when H is diagonal.
        double v1x = h[1];
        double v1y = l1 - h[0];
        double norm = Math.sqrt(v1x * v1x + v1y * v1y);
        if (norm < 1e-12) {
            v1x = h[0] >= h[2] ? 1 : 0;
            v1y = h[0] >= h[2] ? 0 : 1;
        } else {
            v1x /= norm;
            v1y /= norm;
        }
        double v2x = -v1y;
        double v2y = v1x;
        double start = zz.loss(ZigZag.START_W1, ZigZag.START_W2);
        int samples = 160;
        for (double level : new double[] {start, start / 4, start / 16, start / 64}) {
            double a = Math.sqrt(2 * level / l1);
            double b = Math.sqrt(2 * level / l2);
            double[] xs = new double[samples + 1];
            double[] ys = new double[samples + 1];
            for (int i = 0; i <= samples; i++) {
                double t = 2 * Math.PI * i / samples;
                double c = Math.cos(t) * a;
                double s = Math.sin(t) * b;
                double w1 = ZigZag.OPTIMUM_W1 + c * v1x + s * v2x;
                double w2 = ZigZag.OPTIMUM_W2 + c * v1y + s * v2y;
                boolean inside = Math.abs(w1) <= EXTENT && Math.abs(w2) <= EXTENT;
                xs[i] = inside ? x.pixel(w1) : Double.NaN;
                ys[i] = inside ? y.pixel(w2) : Double.NaN;
            }
            f.line(xs, ys, CurvePlot.GRID_RGB, 1, false);
        }
    }

    /**
     * The sign pattern of every step's gradient (dL/dw1, dL/dw2) as list items, e.g.
     * {@code <li class="same">+ +</li>}; "mixed" marks opposite signs. Only +, \u2212 and 0.
     */
    public static String signsMarkup(ZigZag zz) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < zz.steps(); k++) {
            out.append("<li class=\"")
                    .append(zz.mixedSigns(k) ? "mixed" : "same")
                    .append("\" title=\"step ")
                    .append(k + 1)
                    .append(": dL/dw1 = ")
                    .append(Digits.significant(zz.gradient1(k), 3))
                    .append(", dL/dw2 = ")
                    .append(Digits.significant(zz.gradient2(k), 3))
                    .append("\">")
                    .append(sign(zz.gradient1(k)))
                    .append(' ')
                    .append(sign(zz.gradient2(k)))
                    .append("</li>");
        }
        return out.toString();
    }

    static char sign(double v) {
        return v > 0 ? '+' : v < 0 ? '\u2212' : '0';
    }
}
