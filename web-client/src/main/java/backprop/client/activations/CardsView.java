package backprop.client.activations;

import backprop.ui.activations.ActivationCatalog;
import backprop.ui.activations.ActivationCurve;
import backprop.ui.activations.CostMeter;
import backprop.ui.activations.CurvePlot;
import backprop.ui.activations.Digits;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSObject;

/**
 * The activation cards: each plot of f and f' over the chosen range, the readouts of f and f' at
 * the chosen points, the value under the pointer, and the cost per call measured here.
 */
final class CardsView {
    static final int READOUTS = 3;
    /** The lecture's question: what happens at x = -10, 0 and 10? */
    static final double[] DEFAULT_READOUTS = {-10, 0, 10};

    static final double RANGE_LIMIT = 1000;

    private final String runtime;
    private final List<ActivationCurve> curves = new ArrayList<>();
    private final double[] readouts = DEFAULT_READOUTS.clone();
    private double rangeMin = -10;
    private double rangeMax = 10;
    private CostMeter meter;
    /** Told when the range or the readout points change (the compose panel redraws). */
    private Runnable onInputs = () -> {};

    CardsView(String runtime) {
        this.runtime = runtime;
        for (String name : LabDom.activationNames().split(",")) {
            ActivationCurve curve = ActivationCatalog.byName(name);
            if (curve != null) {
                curves.add(curve);
            }
        }
    }

    void onInputs(Runnable listener) {
        onInputs = listener;
    }

    double rangeMin() {
        return rangeMin;
    }

    double rangeMax() {
        return rangeMax;
    }

    double[] readouts() {
        return readouts.clone();
    }

    void bind() {
        for (int i = 0; i < READOUTS; i++) {
            LabDom.on(LabDom.byTestId("readout-x-" + i), "input", this::readInputs);
        }
        LabDom.on(LabDom.byTestId("range-min"), "input", this::readInputs);
        LabDom.on(LabDom.byTestId("range-max"), "input", this::readInputs);
        LabDom.on(LabDom.byTestId("cost-measure"), "click", this::startMeasuring);
        for (ActivationCurve curve : curves) {
            JSObject canvas = plotCanvas(curve);
            if (canvas != null) {
                LabDom.onPointerX(canvas, px -> hover(curve, canvas, px));
            }
        }
        readInputs();
    }

    private static JSObject plotCanvas(ActivationCurve curve) {
        return LabDom.byTestId("activation-" + curve.name() + "-plot");
    }

    /** Reads the range and the readout points; a bad field keeps its last good value and says why. */
    private void readInputs() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < READOUTS; i++) {
            JSObject input = LabDom.byTestId("readout-x-" + i);
            Double v = number(input, "x" + (i + 1), problems);
            if (v != null) {
                readouts[i] = v;
            }
        }
        JSObject minInput = LabDom.byTestId("range-min");
        JSObject maxInput = LabDom.byTestId("range-max");
        Double min = number(minInput, "from", problems);
        Double max = number(maxInput, "to", problems);
        if (min != null && max != null) {
            if (min < max) {
                rangeMin = min;
                rangeMax = max;
            } else {
                problems.add("range: from (" + Digits.significant(min, 6) + ") must be less than to ("
                        + Digits.significant(max, 6) + ")");
                LabDom.setAttribute(maxInput, "aria-invalid", "true");
            }
        }
        JSObject errors = LabDom.byTestId("readout-error");
        LabDom.setText(errors, String.join("; ", problems));
        LabDom.setHidden(errors, problems.isEmpty());
        for (int i = 0; i < READOUTS; i++) {
            LabDom.setTextAll("[data-readout-x=\"" + i + "\"]", "x = " + Digits.significant(readouts[i], 6));
        }
        render();
        onInputs.run();
    }

    private static Double number(JSObject input, String field, List<String> problems) {
        String text = LabDom.value(input);
        Double v = Digits.parse(text);
        boolean ok = v != null && Math.abs(v) <= RANGE_LIMIT;
        LabDom.setAttribute(input, "aria-invalid", ok ? null : "true");
        if (!ok) {
            problems.add(field + ": \u201c" + text + "\u201d is not allowed; allowed: a number from -"
                    + (int) RANGE_LIMIT + " to " + (int) RANGE_LIMIT);
            return null;
        }
        return v;
    }

    void render() {
        for (ActivationCurve curve : curves) {
            renderCard(curve, Double.NaN);
        }
    }

    private void renderCard(ActivationCurve curve, double hoverX) {
        JSObject canvas = plotCanvas(curve);
        double w = LabDom.clientWidth(canvas);
        double h = LabDom.clientHeight(canvas);
        if (w > 0 && h > 0) {
            FigurePainter.paint(canvas, new CurvePlot(curve, rangeMin, rangeMax, w, h).figure(readouts, hoverX));
        }
        String prefix = "activation-" + curve.name();
        for (int i = 0; i < READOUTS; i++) {
            show(prefix + "-f-" + i, curve.value(readouts[i]));
            show(prefix + "-df-" + i, curve.derivative(readouts[i]));
        }
    }

    /** Six significant digits for people; the exact double in data-value for anyone who checks. */
    static void show(String testId, double value) {
        JSObject cell = LabDom.byTestId(testId);
        LabDom.setText(cell, Digits.significant(value, 6));
        LabDom.setAttribute(cell, "data-value", Double.toString(value));
    }

    private void hover(ActivationCurve curve, JSObject canvas, double px) {
        JSObject caption = LabDom.byTestId("activation-" + curve.name() + "-hover");
        double w = LabDom.clientWidth(canvas);
        double h = LabDom.clientHeight(canvas);
        if (px < 0 || w <= 0) {
            renderCard(curve, Double.NaN);
            LabDom.setText(caption, "");
            return;
        }
        CurvePlot plot = new CurvePlot(curve, rangeMin, rangeMax, w, h);
        double x = plot.xAt(px);
        FigurePainter.paint(canvas, plot.figure(readouts, x));
        LabDom.setText(
                caption,
                "x = " + Digits.significant(x, 4) + ": f = " + Digits.significant(curve.value(x), 4) + ", f\u2032 = "
                        + Digits.significant(curve.derivative(x), 4));
    }

    /** Starts (or restarts) measuring the cost per call of every card's activation. */
    void startMeasuring() {
        meter = new CostMeter(curves, LabDom::now);
        LabDom.setDisabled(LabDom.byTestId("cost-measure"), true);
        LabDom.setText(LabDom.byTestId("cost-status"), "Measuring in " + runtime + "\u2026");
    }

    boolean measuring() {
        return meter != null && !meter.finished();
    }

    /** One piece of the measurement per animation frame; shows the results when done. */
    void measureStep() {
        if (!measuring()) {
            return;
        }
        boolean done = meter.step();
        JSObject status = LabDom.byTestId("cost-status");
        if (!done) {
            // Progress without touching the live status text (screen readers would read every frame).
            LabDom.setAttribute(status, "data-progress", meter.progress() + "/" + meter.total());
            return;
        }
        String reference = meter.reference();
        for (ActivationCurve curve : curves) {
            JSObject cell = LabDom.byTestId("activation-" + curve.name() + "-cost");
            if (!meter.measures(curve.name())) {
                continue;
            }
            String text = "f " + Digits.significant(meter.relativeForward(curve.name()), 2) + "\u00d7, f\u2032 "
                    + Digits.significant(meter.relativeBackward(curve.name()), 2) + "\u00d7 " + reference + " ("
                    + Digits.significant(meter.forwardNs(curve.name()), 2) + " and "
                    + Digits.significant(meter.backwardNs(curve.name()), 2) + " ns per call)";
            LabDom.setText(cell, text);
            LabDom.setAttribute(cell, "data-forward-ns", Double.toString(meter.forwardNs(curve.name())));
            LabDom.setAttribute(cell, "data-backward-ns", Double.toString(meter.backwardNs(curve.name())));
        }
        LabDom.setText(
                status,
                "Measured in " + runtime + ": time per call of f and f\u2032 relative to " + reference
                        + ", the fastest of " + CostMeter.ROUNDS + " rounds of " + (int) CostMeter.SLICE_MS
                        + " ms each.");
        LabDom.setAttribute(status, "data-state", "done");
        LabDom.setDisabled(LabDom.byTestId("cost-measure"), false);
    }
}
