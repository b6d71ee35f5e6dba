package backprop.client.activations;

import backprop.engine.spec.Composition;
import backprop.engine.spec.SpecNumbers;
import backprop.ui.activations.ActivationCatalog;
import backprop.ui.activations.ActivationCurve;
import backprop.ui.activations.ComposeForm;
import backprop.ui.activations.CompositionAnalysis;
import backprop.ui.activations.CostMeter;
import backprop.ui.activations.CriteriaGrade;
import backprop.ui.activations.CurvePlot;
import backprop.ui.activations.Digits;
import backprop.ui.activations.LabMarkup;
import java.util.List;
import org.teavm.jso.JSObject;

/**
 * The compose panel: b(u1(x), u2(x)) from the selects and β, its plot of f and f' over the
 * cards' range (undefined stretches shaded), its readouts at the cards' points, the spec name,
 * where it is undefined or flat, whether it equals a built-in, the presets, and "use": a race
 * checkbox beside the built-ins and a playground link.
 */
final class ComposeView {
    private final CardsView cards;
    private Composition composition = Composition.swish(1);
    private double lastGoodBeta = 1;
    private boolean valid = true;

    ComposeView(CardsView cards) {
        this.cards = cards;
    }

    void bind() {
        for (String id : new String[] {"compose-b", "compose-u1", "compose-u2"}) {
            LabDom.on(LabDom.byTestId(id), "change", this::read);
        }
        LabDom.on(LabDom.byTestId("compose-beta"), "input", this::read);
        for (String preset : new String[] {
            "swish", "xsigmoid", "relu", "sqrt", "maxsigmoid", "cosminus", "minsin", "maxtanh", "sincplus"
        }) {
            JSObject button = LabDom.byTestId("compose-preset-" + preset);
            LabDom.on(button, "click", () -> applyPreset(LabDom.attribute(button, "data-composition")));
        }
        LabDom.on(LabDom.byTestId("compose-use"), "click", this::use);
        JSObject canvas = LabDom.byTestId("compose-plot");
        LabDom.onPointerX(canvas, px -> render(px));
        cards.onInputs(() -> render(-1));
        LabDom.onWindow("resize", () -> render(-1));
        read();
    }

    private void applyPreset(String name) {
        Composition c = Composition.parse(name).composition();
        if (c == null) {
            return;
        }
        LabDom.setValue(LabDom.byTestId("compose-b"), c.b().key());
        LabDom.setValue(LabDom.byTestId("compose-u1"), c.u1().key());
        LabDom.setValue(LabDom.byTestId("compose-u2"), c.u2().key());
        if (c.usesBeta()) {
            LabDom.setValue(LabDom.byTestId("compose-beta"), SpecNumbers.formatReal(c.beta()));
        }
        read();
    }

    /** Reads the form; a bad β is listed (naming the field), keeps its last good value and blocks "use". */
    private void read() {
        JSObject betaInput = LabDom.byTestId("compose-beta");
        ComposeForm.Reading reading = ComposeForm.read(
                LabDom.value(LabDom.byTestId("compose-b")),
                LabDom.value(LabDom.byTestId("compose-u1")),
                LabDom.value(LabDom.byTestId("compose-u2")),
                LabDom.value(betaInput),
                lastGoodBeta);
        composition = reading.composition();
        valid = reading.valid();
        if (valid && composition.usesBeta()) {
            lastGoodBeta = composition.beta();
        }
        boolean uses = composition.usesBeta();
        LabDom.setDisabled(betaInput, !uses);
        LabDom.setAttribute(betaInput, "aria-invalid", valid ? null : "true");
        LabDom.setText(
                LabDom.byTestId("compose-beta-note"),
                uses ? "used by " + betaUsers(composition) : "unused: no part reads \u03b2");
        JSObject error = LabDom.byTestId("compose-error");
        LabDom.setText(error, valid ? "" : reading.betaProblem());
        LabDom.setHidden(error, valid);
        LabDom.setDisabled(LabDom.byTestId("compose-use"), !valid);
        LabDom.setText(LabDom.byTestId("compose-name"), composition.name());
        LabDom.setText(LabDom.byTestId("compose-formula"), "f(x) = " + composition.formula());
        LabDom.setHidden(LabDom.byTestId("compose-open"), true);
        LabDom.setText(LabDom.byTestId("compose-status"), "");
        render(-1);
    }

    private static String betaUsers(Composition c) {
        StringBuilder out = new StringBuilder();
        if (c.b().usesBeta()) {
            out.append("b");
        }
        if (c.u1().usesBeta()) {
            out.append(out.length() > 0 ? ", " : "").append("u1");
        }
        if (c.u2().usesBeta()) {
            out.append(out.length() > 0 ? ", " : "").append("u2");
        }
        return out.toString();
    }

    /** Redraws the plot (hover line at pointer px, or none when px < 0), the readouts and the notes. */
    private void render(double px) {
        ActivationCurve curve = ActivationCatalog.composed(composition);
        double min = cards.rangeMin();
        double max = cards.rangeMax();
        double[] readouts = cards.readouts();
        JSObject canvas = LabDom.byTestId("compose-plot");
        double w = LabDom.clientWidth(canvas);
        double h = LabDom.clientHeight(canvas);
        JSObject caption = LabDom.byTestId("compose-hover");
        if (w > 0 && h > 0) {
            CurvePlot plot = new CurvePlot(curve, min, max, w, h);
            double hoverX = px < 0 ? Double.NaN : plot.xAt(px);
            FigurePainter.paint(canvas, plot.figure(readouts, hoverX));
            LabDom.setText(
                    caption,
                    px < 0
                            ? ""
                            : "x = " + Digits.significant(hoverX, 4) + ": f = "
                                    + Digits.significant(curve.value(hoverX), 4) + ", f\u2032 = "
                                    + Digits.significant(curve.derivative(hoverX), 4));
        }
        if (px >= 0) {
            return;
        }
        for (int i = 0; i < readouts.length; i++) {
            CardsView.show("compose-f-" + i, curve.value(readouts[i]));
            CardsView.show("compose-df-" + i, curve.derivative(readouts[i]));
        }
        int samples = 2000;
        List<CompositionAnalysis.Interval> undefined = CompositionAnalysis.undefined(curve, min, max, samples);
        JSObject undefinedNote = LabDom.byTestId("compose-undefined");
        LabDom.setText(undefinedNote, CompositionAnalysis.undefinedText(undefined));
        LabDom.setAttribute(undefinedNote, "data-state", undefined.isEmpty() ? "defined" : "undefined");
        LabDom.setText(
                LabDom.byTestId("compose-flat"),
                CompositionAnalysis.flatText(CompositionAnalysis.flat(curve, min, max, samples)));
        LabDom.setHtml(
                LabDom.byTestId("compose-criteria"),
                LabMarkup.items(CriteriaGrade.grade(curve, min, max, samples, costRatio(curve))));
        String same = CompositionAnalysis.matchingBuiltIn(curve, min, max, samples, readouts);
        JSObject match = LabDom.byTestId("compose-match");
        LabDom.setAttribute(match, "data-builtin", same);
        LabDom.setText(
                match,
                same == null
                        ? "Equals no built-in activation bit for bit on this range."
                        : "Equals the built-in " + same + " bit for bit (f and f\u2032) at all " + (samples + 1)
                                + " plotted points and the readout points.");
    }

    /** Adds the composition to the race (checked) and offers the playground. */
    private void use() {
        if (!valid) {
            return;
        }
        String name = composition.name();
        JSObject existing = LabDom.byTestId("race-act-" + name);
        if (existing == null) {
            LabDom.appendHtml(LabDom.byTestId("race-activations"), ComposeForm.raceChoice(name));
        } else {
            LabDom.setChecked(existing, true);
        }
        JSObject link = LabDom.byTestId("compose-open");
        try {
            LabDom.setAttribute(
                    link, "href", ComposeForm.playgroundLink(LabDom.value(LabDom.byTestId("race-spec")), composition));
            LabDom.setHidden(link, false);
            LabDom.setText(
                    LabDom.byTestId("compose-status"), name + " is in the race below, ticked beside the built-ins.");
        } catch (IllegalArgumentException e) {
            LabDom.setHidden(link, true);
            LabDom.setText(
                    LabDom.byTestId("compose-status"),
                    name + " is in the race; the playground link needs a valid " + "experiment: " + e.getMessage());
        }
    }

    /** f and f′ over a buffer, timed against ReLU's in this browser: the "simple to compute" criterion. */
    private static double costRatio(ActivationCurve curve) {
        ActivationCurve relu = ActivationCatalog.byName("relu");
        int n = CostMeter.BUFFER;
        double[] z = new double[n];
        double[] a = new double[n];
        double[] dA = new double[n];
        double[] dZ = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = -5 + 10.0 * i / n;
            dA[i] = 1;
        }
        double own = time(curve, z, a, dA, dZ);
        double base = time(relu, z, a, dA, dZ);
        return base > 0 ? own / base : Double.NaN;
    }

    /** Time per pass (f and f′ over the buffer), passes repeated for at least 4 ms so the clock's grain does not matter. */
    private static double time(ActivationCurve curve, double[] z, double[] a, double[] dA, double[] dZ) {
        curve.forward(z, a, z.length);
        curve.backward(z, a, dA, dZ, z.length);
        double start = LabDom.now();
        double elapsed = 0;
        int passes = 0;
        while (elapsed < 4 && passes < 2000) {
            curve.forward(z, a, z.length);
            curve.backward(z, a, dA, dZ, z.length);
            passes++;
            elapsed = LabDom.now() - start;
        }
        return elapsed / passes;
    }
}
