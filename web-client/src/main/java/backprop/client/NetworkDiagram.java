package backprop.client;

import backprop.client.view.Palette;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Feature;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.Spec;
import backprop.engine.train.Trainer;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The network as columns of neurons: inputs on the left, the hidden layers, the outputs on the
 * right, every connection drawn with its weight: blue negative, orange positive, thicker when
 * larger (as in TensorFlow Playground). Redrawn at most ten times a second while training.
 */
final class NetworkDiagram {
    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private static final double REDRAW_INTERVAL_MS = 100;
    private Spec drawnFor;
    private int drawnIteration = -1;
    private double drawnAtMs = -1e9;

    NetworkDiagram(JSObject canvas) {
        this.canvas = (HTMLCanvasElement) canvas;
        this.context = Browser.context2d(canvas);
    }

    void invalidate() {
        drawnFor = null;
    }

    void draw(Trainer trainer, double nowMs, boolean force) {
        Spec spec = trainer.spec();
        boolean sameRun = spec == drawnFor && trainer.iteration() == drawnIteration;
        if (sameRun || (!force && spec == drawnFor && nowMs - drawnAtMs < REDRAW_INTERVAL_MS)) {
            return;
        }
        drawnFor = spec;
        drawnIteration = trainer.iteration();
        drawnAtMs = nowMs;
        Network network = trainer.network();
        double[] params = network.parameters();
        int[] widths = columnSizes(spec);
        String[] titles = columnTitles(spec);
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        context.clearRect(0, 0, w, h);
        double top = 28;
        double bottom = h - 10;
        double columnGap = (w - 80) / (widths.length - 1);
        for (int c = 0; c + 1 < widths.length; c++) {
            Layer layer = network.layer(c);
            for (int i = 0; i < widths[c]; i++) {
                for (int j = 0; j < widths[c + 1]; j++) {
                    double weight = weight(layer, params, j, i);
                    double magnitude = Math.min(1, Math.abs(weight) / 2);
                    context.setStrokeStyle(Palette.css(weight < 0 ? Palette.classRgb(0) : Palette.classRgb(1)));
                    context.setGlobalAlpha(0.15 + 0.75 * magnitude);
                    context.setLineWidth(0.6 + 3 * magnitude);
                    context.beginPath();
                    context.moveTo(40 + c * columnGap, y(i, widths[c], top, bottom));
                    context.lineTo(40 + (c + 1) * columnGap, y(j, widths[c + 1], top, bottom));
                    context.stroke();
                }
            }
        }
        context.setGlobalAlpha(1);
        context.setLineWidth(1);
        context.setFont("12px system-ui, sans-serif");
        context.setTextAlign("center");
        for (int c = 0; c < widths.length; c++) {
            double x = 40 + c * columnGap;
            context.setFillStyle(Palette.css(Palette.INK_RGB));
            context.fillText(titles[c], x, 14);
            for (int i = 0; i < widths[c]; i++) {
                double yy = y(i, widths[c], top, bottom);
                context.beginPath();
                context.arc(x, yy, radius(widths[c], top, bottom), 0, 2 * Math.PI);
                context.setFillStyle(c == 0 ? "#e8eef4" : (c == widths.length - 1 ? "#fdf1dc" : "#ffffff"));
                context.fill();
                context.setStrokeStyle(Palette.css(Palette.INK_RGB));
                context.stroke();
            }
        }
    }

    /** The weight from input {@code i} to unit {@code j}; for maxout, the larger-magnitude piece. */
    private static double weight(Layer layer, double[] params, int j, int i) {
        int rowsPerUnit = layer.preUnits() / layer.units();
        double best = 0;
        for (int p = 0; p < rowsPerUnit; p++) {
            double w = params[layer.weightOffset() + (j * rowsPerUnit + p) * layer.inputs() + i];
            if (Math.abs(w) > Math.abs(best)) {
                best = w;
            }
        }
        return best;
    }

    private static double y(int index, int count, double top, double bottom) {
        double step = (bottom - top) / count;
        return top + step * (index + 0.5);
    }

    private static double radius(int count, double top, double bottom) {
        double step = (bottom - top) / count;
        return Math.max(2.5, Math.min(10, step * 0.38));
    }

    private static int[] columnSizes(Spec spec) {
        int[] sizes = new int[spec.layers().size() + 2];
        sizes[0] = spec.features().size();
        for (int l = 0; l < spec.layers().size(); l++) {
            sizes[l + 1] = spec.layers().get(l).units();
        }
        sizes[sizes.length - 1] = spec.outputs();
        return sizes;
    }

    private static String[] columnTitles(Spec spec) {
        String[] titles = new String[spec.layers().size() + 2];
        StringBuilder inputs = new StringBuilder();
        for (Feature f : spec.features()) {
            inputs.append(inputs.length() == 0 ? "" : " ").append(f.key());
        }
        titles[0] = spec.features().size() > 2 ? "inputs" : inputs.toString();
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            titles[l + 1] = layer.units() + " " + layer.activation().key();
        }
        titles[titles.length - 1] = spec.loss().key();
        return titles;
    }
}
