package backprop.client;

import backprop.engine.nn.Network;
import backprop.ui.playground.NetworkLayout;
import backprop.ui.playground.NetworkReadout;
import backprop.ui.raster.Palette;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The network diagram's edges on a canvas of their own, which the diagram then copies under its
 * tiles in one {@code drawImage}: coloured by sign, darker (and, in a sparse layout, wider) for a
 * larger |w|, one path per colour and magnitude step and column pair. A redraw can be spread over
 * frames ({@link #paint(double)} draws column pairs until its budget is spent), on a copy of the
 * weights taken when it starts, so one picture shows one model. The layer's canvas is read back a
 * pixel after each column pair, so the browser rasterizes the pair then, inside the frame that
 * drew it and within its budget, instead of all of them at once in the frame that copies the layer.
 */
final class EdgeLayer {
    /** Edge widths and opacities are drawn in this many steps of |w| (per sign). */
    private static final int BUCKETS = 12;

    private final JSObject canvas;
    private final CanvasRenderingContext2D context;
    private NetworkLayout layout;
    private Network network;
    private double[] params = new double[0];
    /** Per bucket (sign * BUCKETS + step): a column pair's edges' end points, x0 y0 x1 y1 each. */
    private double[][] lines = new double[0][];

    private final int[] counts = new int[2 * BUCKETS];
    /** The next column pair to draw; the layout's last column when the picture is whole. */
    private int nextColumn;

    EdgeLayer() {
        canvas = Browser.createCanvas(1, 1);
        context = readableContext(canvas);
    }

    JSObject canvas() {
        return canvas;
    }

    /** A new geometry: the layer takes the diagram canvas's size. */
    void relayout(NetworkLayout next) {
        layout = next;
        Browser.resizeCanvas(canvas, (int) NetworkLayout.WIDTH, (int) next.height());
        int most = 0;
        for (int c = 0; c + 1 < next.columns(); c++) {
            most = Math.max(most, next.count(c) * next.count(c + 1));
        }
        lines = new double[2 * BUCKETS][4 * most];
        nextColumn = next.columns() - 1;
    }

    /** Starts a picture of {@code live}'s weights as they are now (copied). */
    void start(Network live) {
        network = live;
        double[] from = live.parameters();
        if (params.length != from.length) {
            params = new double[from.length];
        }
        System.arraycopy(from, 0, params, 0, from.length);
        context.clearRect(0, 0, NetworkLayout.WIDTH, layout.height());
        nextColumn = 0;
    }

    /** True when every column pair of the current picture is drawn. */
    boolean whole() {
        return layout == null || nextColumn >= layout.columns() - 1;
    }

    /** Draws column pairs until the picture is whole or {@code budgetMs} is spent; true when whole. */
    boolean paint(double budgetMs) {
        double start = Browser.now();
        while (!whole()) {
            paintColumn(nextColumn++);
            // Rasterized now, so the clock sees what the pair cost.
            readPixel(context);
            if (Browser.now() - start >= budgetMs) {
                break;
            }
        }
        return whole();
    }

    private void paintColumn(int c) {
        java.util.Arrays.fill(counts, 0);
        double tile = layout.tile();
        for (int i = 0; i < layout.count(c); i++) {
            double y0 = layout.y(c, i) + tile / 2;
            for (int j = 0; j < layout.count(c + 1); j++) {
                double weight = params[NetworkReadout.weightIndex(network.layer(c), params, j, i)];
                double magnitude = Math.min(1, Math.abs(weight) / 2);
                int bucket = (weight < 0 ? 0 : BUCKETS) + Math.min(BUCKETS - 1, (int) (magnitude * BUCKETS));
                double[] into = lines[bucket];
                int k = 4 * counts[bucket]++;
                into[k] = layout.x(c) + tile;
                into[k + 1] = y0;
                into[k + 2] = layout.x(c + 1);
                into[k + 3] = layout.y(c + 1, j) + tile / 2;
            }
        }
        for (int bucket = 0; bucket < lines.length; bucket++) {
            if (counts[bucket] == 0) {
                continue;
            }
            // The bucket's middle magnitude: widths and opacities in steps of 1/BUCKETS.
            double magnitude = ((bucket % BUCKETS) + 0.5) / BUCKETS;
            context.setStrokeStyle(Palette.css(bucket < BUCKETS ? Palette.classRgb(0) : Palette.classRgb(1)));
            context.setGlobalAlpha(layout.edgeAlpha(magnitude));
            context.setLineWidth(layout.edgeWidth(magnitude));
            Browser.strokeLines(context, lines[bucket], counts[bucket]);
        }
        context.setGlobalAlpha(1);
    }

    /** Copies the layer onto the diagram's canvas (under the tiles drawn next). */
    void drawOnto(CanvasRenderingContext2D target) {
        copy(target, canvas);
    }

    @JSBody(
            params = {"target", "layer"},
            script = "target.drawImage(layer, 0, 0);")
    private static native void copy(CanvasRenderingContext2D target, JSObject layer);

    /** A 2D context the page reads back from: kept in memory, so a one-pixel read is cheap. */
    @JSBody(params = "canvas", script = "return canvas.getContext('2d', {willReadFrequently: true});")
    private static native CanvasRenderingContext2D readableContext(JSObject canvas);

    @JSBody(params = "context", script = "context.getImageData(0, 0, 1, 1);")
    private static native void readPixel(CanvasRenderingContext2D context);
}
