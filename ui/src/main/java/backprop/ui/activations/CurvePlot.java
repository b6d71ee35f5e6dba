package backprop.ui.activations;

/**
 * A card's picture: f on top, f' below, over the same x range, each panel scaled to what it
 * shows (f' always includes 0 and 1, the slope that passes a gradient through unchanged). Dots
 * mark the readout points; a hover line follows the pointer. Where f or f' is undefined (NaN or
 * infinite, e.g. √x for x < 0) both panels are shaded grey and labelled "undefined".
 */
public final class CurvePlot {
    /** Blue for f, vermillion (dashed) for f': Okabe-Ito, told apart by colour-blind readers too. */
    public static final int VALUE_RGB = 0x0072B2;

    public static final int DERIVATIVE_RGB = 0xD55E00;
    static final int GRID_RGB = 0xD8DDE3;
    static final int AXIS_RGB = 0x8C959F;
    static final int LABEL_RGB = 0x5B6470;
    static final int INK_RGB = 0x1F2328;
    /** Shading of undefined stretches. */
    static final int UNDEFINED_RGB = 0x8C959F;

    private static final double LEFT = 44;
    private static final double RIGHT = 8;
    private static final double TOP = 6;
    private static final double GAP = 10;
    private static final double BOTTOM = 18;
    private static final double FONT = 11;

    private final ActivationCurve curve;
    private final double xMin;
    private final double xMax;
    private final double width;
    private final double height;
    private final Scale x;
    private final Scale yValue;
    private final Scale yDerivative;
    private final double valueTop;
    private final double valueBottom;
    private final double derivativeTop;
    private final double derivativeBottom;

    public CurvePlot(ActivationCurve curve, double xMin, double xMax, double width, double height) {
        if (!(xMax > xMin)) {
            throw new IllegalArgumentException("the x range needs min < max, got " + xMin + " and " + xMax);
        }
        this.curve = curve;
        this.xMin = xMin;
        this.xMax = xMax;
        this.width = width;
        this.height = height;
        double plotHeight = Math.max(20, height - TOP - GAP - BOTTOM);
        valueTop = TOP;
        valueBottom = TOP + plotHeight * 0.6;
        derivativeTop = valueBottom + GAP;
        derivativeBottom = derivativeTop + plotHeight * 0.4;
        x = Scale.linear(xMin, xMax, LEFT, Math.max(LEFT + 10, width - RIGHT));
        int samples = samples();
        double[] valueRange = range(curve, xMin, xMax, samples, false);
        double[] derivativeRange = range(curve, xMin, xMax, samples, true);
        yValue = Scale.linear(valueRange[0], valueRange[1], valueBottom, valueTop);
        yDerivative = Scale.linear(derivativeRange[0], derivativeRange[1], derivativeBottom, derivativeTop);
    }

    private int samples() {
        return Math.max(2, (int) Math.ceil((width - LEFT - RIGHT) * 2));
    }

    /**
     * [lo, hi] for f (always including 0) or f' (always including 0 and 1) over the range,
     * padded by 8 % so the curve does not touch the frame. Non-finite values are left out.
     */
    public static double[] range(ActivationCurve curve, double xMin, double xMax, int samples, boolean derivative) {
        double lo = 0;
        double hi = derivative ? 1 : 0;
        for (int i = 0; i <= samples; i++) {
            double at = xMin + (xMax - xMin) * i / samples;
            double v = derivative ? curve.derivative(at) : curve.value(at);
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        double pad = (hi - lo) * 0.08;
        return new double[] {lo - pad, hi + pad};
    }

    /** The x under a pixel column, clamped to the range. */
    public double xAt(double pixel) {
        return Math.max(xMin, Math.min(xMax, x.value(pixel)));
    }

    public Scale xScale() {
        return x;
    }

    public Scale valueScale() {
        return yValue;
    }

    public Scale derivativeScale() {
        return yDerivative;
    }

    /** The picture, with dots at {@code marks} (those inside the range) and a hover line at {@code hoverX} (NaN for none). */
    public Figure figure(double[] marks, double hoverX) {
        Figure f = new Figure(width, height);
        double left = x.pixel(xMin);
        double right = x.pixel(xMax);
        panel(f, yValue, valueTop, valueBottom, left, right);
        panel(f, yDerivative, derivativeTop, derivativeBottom, left, right);
        if (xMin < 0 && xMax > 0) {
            double zero = x.pixel(0);
            f.segment(zero, valueTop, zero, valueBottom, AXIS_RGB, 1, false);
            f.segment(zero, derivativeTop, zero, derivativeBottom, AXIS_RGB, 1, false);
        }
        int samples = samples();
        double[] xs = new double[samples + 1];
        double[] ysValue = new double[samples + 1];
        double[] ysDerivative = new double[samples + 1];
        for (int i = 0; i <= samples; i++) {
            double at = xMin + (xMax - xMin) * i / samples;
            xs[i] = x.pixel(at);
            ysValue[i] = yValue.clampedPixel(curve.value(at));
            ysDerivative[i] = yDerivative.clampedPixel(curve.derivative(at));
        }
        shadeUndefined(f, samples);
        f.line(xs, ysValue, VALUE_RGB, 2, false);
        f.line(xs.clone(), ysDerivative, DERIVATIVE_RGB, 2, true);
        double[] xTicks = {xMin, 0, xMax};
        for (double t : xTicks) {
            if (t < xMin || t > xMax || (t == 0 && (xMin == 0 || xMax == 0))) {
                continue;
            }
            Figure.Align align = t == xMin ? Figure.Align.LEFT : t == xMax ? Figure.Align.RIGHT : Figure.Align.CENTER;
            f.label(Digits.significant(t, 4), x.pixel(t), height - BOTTOM / 2, LABEL_RGB, align, FONT);
        }
        for (double m : marks) {
            if (m >= xMin && m <= xMax) {
                mark(f, m, INK_RGB, 3.5);
            }
        }
        if (hoverX == hoverX && hoverX >= xMin && hoverX <= xMax) {
            double px = x.pixel(hoverX);
            f.segment(px, valueTop, px, derivativeBottom, AXIS_RGB, 1, true);
            mark(f, hoverX, INK_RGB, 3);
        }
        return f;
    }

    /** Grey boxes over the runs of samples where f or f' is not finite, half a sample wider on each side. */
    private void shadeUndefined(Figure f, int samples) {
        double step = (x.pixel(xMax) - x.pixel(xMin)) / samples;
        for (CompositionAnalysis.Interval run : CompositionAnalysis.undefined(curve, xMin, xMax, samples)) {
            double left = Math.max(x.pixel(xMin), x.pixel(run.from()) - step / 2);
            double right = Math.min(x.pixel(xMax), x.pixel(run.to()) + step / 2);
            f.box(left, valueTop, right - left, derivativeBottom - valueTop, UNDEFINED_RGB, 0.25);
            if (right - left >= 56) {
                f.label("undefined", (left + right) / 2, valueTop + 10, INK_RGB, Figure.Align.CENTER, FONT);
            }
        }
    }

    private void mark(Figure f, double at, int rgb, double radius) {
        double px = x.pixel(at);
        double v = curve.value(at);
        double d = curve.derivative(at);
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            f.dot(px, yValue.clampedPixel(v), radius, rgb);
        }
        if (!Double.isNaN(d) && !Double.isInfinite(d)) {
            f.dot(px, yDerivative.clampedPixel(d), radius, rgb);
        }
    }

    private static void panel(Figure f, Scale y, double top, double bottom, double left, double right) {
        f.box(left, top, right - left, bottom - top, 0xFFFFFF, 1);
        f.segment(left, top, right, top, GRID_RGB, 1, false);
        f.segment(left, bottom, right, bottom, GRID_RGB, 1, false);
        double lo = y.value(bottom);
        double hi = y.value(top);
        if (lo < 0 && hi > 0) {
            double zero = y.pixel(0);
            f.segment(left, zero, right, zero, AXIS_RGB, 1, false);
        }
        f.label(Digits.significant(hi, 3), left - 4, top + 5, LABEL_RGB, Figure.Align.RIGHT, FONT);
        f.label(Digits.significant(lo, 3), left - 4, bottom - 5, LABEL_RGB, Figure.Align.RIGHT, FONT);
    }
}
