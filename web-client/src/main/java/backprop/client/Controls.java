package backprop.client;

import backprop.engine.data.DataSplit;
import backprop.engine.spec.Activation;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.Plane;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecLimits;
import backprop.engine.spec.SpecNumbers;
import backprop.ui.playground.LayerMarkup;
import backprop.ui.playground.PointDrawing;
import backprop.ui.playground.SpecEdit;
import backprop.ui.playground.SpecEditor;
import backprop.ui.raster.Palette;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSObject;

/**
 * The playground's controls: shows a spec in them, and turns what the user does into spec edits
 * handed to one {@link Editor}. Every limit comes from the validator ({@link SpecLimits}).
 */
final class Controls {
    /** The one place edits go (the page controller). */
    interface Editor {
        void edit(SpecEdit edit);

        Spec current();

        DataSplit shownData();

        /** A press (or Enter / Delete) at (x1, x2) on the output: draws in draw mode, else probes. */
        void pointAt(double x1, double x2, boolean remove);

        /** Starts your own data from an empty set. */
        void clearPoints();

        PointDrawing drawing();
    }

    private final Editor editor;
    /** The class new points get, or -1 for the eraser. */
    private int pointClass = 0;

    Controls(Editor editor) {
        this.editor = editor;
    }

    void bind() {
        for (String key : new String[] {"lr", "opt", "reg", "lambda", "init", "batch", "n", "seed", "noise", "split"}) {
            Browser.onTestId(
                    key,
                    "change",
                    () -> editor.edit(spec ->
                            SpecEditor.with(spec, key, Browser.value(key).trim())));
        }
        Browser.onTestId("noise", "input", () -> Browser.setText("noise-value", Browser.value("noise")));
        Browser.onTestId("split", "input", () -> Browser.setText("split-value", Browser.value("split") + "%"));
        Browser.onTestId(
                "loss", "change", () -> editor.edit(spec -> SpecEditor.withLoss(spec, lossOf(Browser.value("loss")))));
        Browser.onTestId(
                "classes",
                "change",
                () -> editor.edit(spec -> SpecEditor.withClasses(spec, Integer.parseInt(Browser.value("classes")))));
        Browser.onTestId(
                "regenerate", "click", () -> editor.edit(spec -> SpecEditor.regenerate(spec, Browser.randomSeed())));
        Browser.onTestId(
                "new-weights", "click", () -> editor.edit(spec -> SpecEditor.newWeights(spec, Browser.randomSeed())));
        for (DatasetKind kind : DatasetKind.values()) {
            if (kind == DatasetKind.CUSTOM) {
                Browser.onTestId("dataset-custom", "click", () -> {
                    if (editor.current().data() != DatasetKind.CUSTOM) {
                        editor.clearPoints();
                    }
                });
                continue;
            }
            Browser.onTestId(
                    "dataset-" + kind.key(),
                    "click",
                    () -> editor.edit(
                            spec -> spec.data() == kind ? spec : SpecEditor.withData(spec, kind, editor.shownData())));
        }
        for (Feature feature : Feature.values()) {
            String id = "feature-" + feature.key();
            Browser.onTestId(
                    id,
                    "change",
                    () -> editor.edit(spec -> SpecEditor.toggleFeature(spec, feature, Browser.checked(id))));
        }
        Browser.onTestId("add-layer", "click", () -> editor.edit(Controls::addLayer));
        Browser.onTestId("remove-layer", "click", () -> editor.edit(Controls::removeLayer));
        JSObject layers = Browser.byTestId("layers");
        Browser.onAction(layers, "click", (action, arg, value) -> {
            if (action.equals("units-up") || action.equals("units-down")) {
                int index = Integer.parseInt(arg);
                editor.edit(spec -> changeUnits(spec, index, action.equals("units-up") ? 1 : -1));
            }
        });
        Browser.onAction(layers, "change", (action, arg, value) -> {
            if (action.equals("activation")) {
                int index = Integer.parseInt(arg);
                editor.edit(spec -> SpecEditor.withActivation(spec, index, value));
            }
        });
        Browser.onAction(Browser.byTestId("point-class"), "click", (action, arg, value) -> {
            pointClass = Integer.parseInt(arg);
            if (pointClass >= 0) {
                editor.drawing().setDrawClass(pointClass);
            }
            showPointClasses(editor.current());
        });
    }

    /** A press on the output at fractions (fx, fy) of its box; the eraser or a modifier key removes. */
    void pointerOnOutput(double fx, double fy, boolean remove) {
        editor.pointAt(Plane.x1At(fx), Plane.x2At(fy), remove || pointClass < 0);
    }

    /** True when the eraser is the chosen tool. */
    boolean erasing() {
        return pointClass < 0;
    }

    /**
     * Disables a control that does nothing in the current state, with the reason as its
     * description (its tooltip); enabled again, it shows {@code usual} (or no tooltip).
     */
    private static void disable(String testId, String reason, String usual) {
        Browser.setDisabled(testId, reason != null);
        Browser.setAttribute(Browser.byTestId(testId), "title", reason != null ? reason : usual);
    }

    /** Shows {@code spec} in every control. */
    void show(Spec spec) {
        Browser.setValue("lr", SpecNumbers.formatReal(spec.lr()));
        Browser.setValue("lambda", SpecNumbers.formatReal(spec.lambda()));
        Browser.setValue("batch", Integer.toString(spec.batch()));
        Browser.setValue("loss", spec.loss().key());
        Browser.setValue("opt", spec.opt().key());
        Browser.setValue("reg", spec.reg().key());
        Browser.setValue("init", spec.init().key());
        boolean custom = spec.data() == DatasetKind.CUSTOM;
        boolean regression = spec.data().isRegression();
        // A regression set has one output and no classes: the (disabled) box says 1, as the spec does.
        Browser.setValue("classes", Integer.toString(regression ? 1 : Math.max(2, spec.classes())));
        disable(
                "classes",
                regression
                        ? "A regression set predicts one value: it has no classes."
                        : spec.data().hasClassChoice()
                                ? null
                                : "Only clusters, spiral and your own points take 2 to 6 classes.",
                null);
        Browser.setValue("noise", Integer.toString(spec.noise()));
        Browser.setText("noise-value", Integer.toString(spec.noise()));
        Browser.setValue("split", Integer.toString(spec.split()));
        Browser.setText("split-value", spec.split() + "%");
        Browser.setValue("n", Integer.toString(spec.n()));
        disable("n", custom ? "Your own data has as many points as you drew." : null, null);
        disable(
                "noise",
                custom ? "Noise perturbs generated data; your own points stay where you drew them." : null,
                null);
        disable(
                "regenerate",
                custom ? "Your own points are not generated: New weights draws new initial weights." : null,
                "New data and new initial weights from a new seed");
        Browser.setValue("seed", Integer.toString(spec.seed()));
        for (DatasetKind kind : DatasetKind.values()) {
            Browser.setAttribute(
                    Browser.byTestId("dataset-" + kind.key()), "aria-pressed", spec.data() == kind ? "true" : "false");
        }
        for (Feature feature : Feature.values()) {
            Browser.setChecked("feature-" + feature.key(), spec.features().contains(feature));
        }
        int layerCount = spec.layers().size();
        Browser.setText("layer-count", layerCount + (layerCount == 1 ? " hidden layer" : " hidden layers"));
        disable(
                "add-layer",
                layerCount >= SpecLimits.MAX_LAYERS
                        ? "At most " + SpecLimits.MAX_LAYERS + " hidden layers: remove one first."
                        : null,
                null);
        disable("remove-layer", layerCount == 0 ? "There is no hidden layer to remove." : null, null);
        Browser.setHtml(Browser.byTestId("layers"), LayerMarkup.layers(spec.layers()));
        showPointClasses(spec);
    }

    /** The class buttons: one per class that can be drawn on the current data, in the class colours, and the eraser. */
    void showPointClasses(Spec spec) {
        PointDrawing drawing = editor.drawing();
        int classes = drawing.drawableClasses();
        if (pointClass >= classes) {
            pointClass = 0;
        }
        if (pointClass >= 0) {
            drawing.setDrawClass(pointClass);
        }
        StringBuilder html = new StringBuilder();
        for (int k = 0; k < classes; k++) {
            html.append("<button type=\"button\" role=\"radio\" data-action=\"class\" data-arg=\"")
                    .append(k)
                    .append("\" data-testid=\"draw-class-")
                    .append(k)
                    .append("\" aria-checked=\"")
                    .append(pointClass == k)
                    .append("\"><span class=\"dot\"></span>Class ")
                    .append(k)
                    .append("</button>");
        }
        html.append(
                        "<button type=\"button\" role=\"radio\" data-action=\"class\" data-arg=\"-1\" data-testid=\"point-eraser\" aria-checked=\"")
                .append(pointClass < 0)
                .append("\">Eraser</button>");
        JSObject group = Browser.byTestId("point-class");
        Browser.setHtml(group, html.toString());
        for (int k = 0; k < classes; k++) {
            Browser.setDotColour(group, k, Palette.css(Palette.classRgb(k)));
        }
    }

    private static Spec addLayer(Spec spec) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        LayerSpec last = layers.isEmpty() ? new LayerSpec(4, Activation.TANH) : layers.get(layers.size() - 1);
        layers.add(last);
        return SpecEditor.withLayers(spec, layers);
    }

    private static Spec removeLayer(Spec spec) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        if (!layers.isEmpty()) {
            layers.remove(layers.size() - 1);
        }
        return SpecEditor.withLayers(spec, layers);
    }

    private static Spec changeUnits(Spec spec, int index, int delta) {
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        LayerSpec layer = layers.get(index);
        int units = Math.max(SpecLimits.MIN_UNITS, Math.min(SpecLimits.MAX_UNITS, layer.units() + delta));
        layers.set(index, new LayerSpec(units, layer.activation(), layer.composition(), layer.batchNorm()));
        return SpecEditor.withLayers(spec, layers);
    }

    private static LossKind lossOf(String key) {
        LossKind loss = LossKind.fromKey(key);
        return loss == null ? LossKind.SOFTMAX : loss;
    }
}
