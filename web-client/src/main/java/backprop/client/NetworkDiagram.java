package backprop.client;

import backprop.engine.spec.Feature;
import backprop.engine.spec.Plane;
import backprop.engine.spec.Spec;
import backprop.engine.train.Diagnostics;
import backprop.engine.train.Trainer;
import backprop.ui.playground.DiagramMarkup;
import backprop.ui.playground.NetworkLayout;
import backprop.ui.playground.NetworkReadout;
import backprop.ui.playground.NeuronMap;
import backprop.ui.raster.Palette;
import backprop.ui.raster.Raster;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The network as TensorFlow Playground draws it, and what it hides: each neuron a small map of
 * what it computes over the input plane, edges coloured and sized by weight, per-layer gradient
 * norms, dead ReLU and saturated sigmoid/tanh units marked and counted. Each neuron is also a
 * focusable element with an accessible name; hovering or focusing a neuron or an edge shows its
 * numbers (value at the picked point, bias, weight, and the gradients dL/da, dL/db, dL/dw).
 * The hovered or focused neuron or edge is drawn highlighted; the page hears of it ({@link
 * Listener}) to show a neuron's map on the output, and of a click on an edge, to set its weight.
 * Inputs carry their features' names, outputs a frame in their class's colour.
 * Redrawn at most ten times a second while training, less often when it costs more (the page
 * decides when), and spread over frames: the maps' values in one pass, their colours a few layers
 * per frame, the edges ({@link EdgeLayer}) a few
 * column pairs per frame, then the canvas. Drawn in bulk: every neuron's map from one forward pass
 * over the map grid, into one atlas; the edges as one path per colour and width bucket instead of
 * one stroke each; a highlight repaints the canvas over the edges already drawn.
 */
final class NetworkDiagram {
    /** Cells per side of each neuron's map. */
    static final int MAP = 16;

    private static final double REDRAW_INTERVAL_MS = 100;

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private final JSObject atlasCanvas;
    private final CanvasRenderingContext2D atlas;
    private final JSObject neurons;
    private Spec drawnFor;
    private int drawnIteration = -1;
    private double drawnAtMs = -1e9;
    private NetworkLayout layout;
    private int[] atlasPixels = new int[0];
    private double[][] layerGrids = new double[0][];
    /** The next layer whose maps {@link #colourMaps} colours, and its first tile; -1 once the atlas is whole. */
    private int mapLayer;

    private int mapTile = -1;
    private final EdgeLayer edges = new EdgeLayer();
    private Trainer trainer;
    private Diagnostics diagnostics;
    /** A {@link #draw} is not finished: maps, edges or the canvas are still to be painted ({@link #finish}). */
    private boolean canvasPending;
    /** The point whose forward values the readouts show (picked by hovering the output). */
    private double pickX1;

    private double pickX2;
    /** What the readout shows: -1 none, else a neuron (column, index) or an edge. */
    private int[] hovered;
    /** What is drawn highlighted: null, a neuron (column, index) or an edge (column, from, to). */
    private int[] highlighted;

    private Listener listener;

    /** What the page does when a neuron is hovered or an edge chosen, and after each redraw. */
    interface Listener {
        /** A neuron is hovered or focused; column -1 when none is any more. */
        void neuronShown(int column, int index);

        /** An edge was clicked: the page offers to set its weight. */
        void edgeChosen(int column, int from, int to);

        /** The diagram was redrawn for this state. */
        void redrawn(Trainer trainer);
    }

    NetworkDiagram(JSObject canvas, JSObject neurons) {
        this.canvas = (HTMLCanvasElement) canvas;
        this.context = Browser.context2d(canvas);
        this.atlasCanvas = Browser.createCanvas(1, 1);
        this.atlas = Browser.context2d(atlasCanvas);
        this.neurons = neurons;
        Browser.onAction(neurons, "pointerover", (action, arg, value) -> hoverNeuron(arg));
        Browser.onAction(neurons, "focusin", (action, arg, value) -> hoverNeuron(arg));
        Browser.onAction(neurons, "pointerout", (action, arg, value) -> leave());
        Browser.onAction(neurons, "focusout", (action, arg, value) -> leave());
        Browser.onCanvasMove(canvas, (fx, fy) -> hoverEdge(fx * NetworkLayout.WIDTH, fy * layoutHeight()));
        Browser.on(canvas, "pointerleave", this::leave);
        Browser.onCanvasPointer(canvas, (fx, fy, remove) -> chooseEdge(fx * NetworkLayout.WIDTH, fy * layoutHeight()));
    }

    void setListener(Listener listener) {
        this.listener = listener;
    }

    /** The geometry drawn now, or null before the first drawing. */
    NetworkLayout layout() {
        return layout;
    }

    private double layoutHeight() {
        return layout == null ? canvas.getHeight() : layout.height();
    }

    void invalidate() {
        drawnFor = null;
        canvasPending = false;
        hovered = null;
        highlighted = null;
    }

    /** Picks the point (in the input plane) whose forward values the neuron readouts show. */
    void pick(double x1, double x2) {
        pickX1 = x1;
        pickX2 = x2;
        if (hovered != null && hovered.length == 2) {
            showNeuron(hovered[0], hovered[1]);
        }
    }

    /**
     * Draws {@code trainer}'s network with {@code measured} diagnostics (the training worker's,
     * for a recent state), or with the trainer's own when null; over several frames when {@code
     * split}: the neurons' maps' values now, then their colours a few layers per frame, the edges
     * a few column pairs per frame and the canvas at last ({@link #finish(double)}), so a large network's redraw never takes a whole frame while
     * the run plays.
     */
    void draw(Trainer trainer, Diagnostics measured, double nowMs, boolean force, boolean split) {
        Spec spec = trainer.spec();
        boolean sameState = spec == drawnFor && trainer == this.trainer && trainer.iteration() == drawnIteration;
        if (sameState || (!force && spec == drawnFor && nowMs - drawnAtMs < REDRAW_INTERVAL_MS)) {
            return;
        }
        if (spec != drawnFor) {
            relayout(spec);
        }
        this.trainer = trainer;
        drawnFor = spec;
        drawnIteration = trainer.iteration();
        drawnAtMs = nowMs;
        double t = Browser.now();
        diagnostics = measured != null ? measured : trainer.diagnostics();
        FrameStages.add("diagnostics", Browser.now() - t);
        t = Browser.now();
        startMaps(trainer);
        edges.start(trainer.network());
        FrameStages.add("maps", Browser.now() - t);
        canvasPending = true;
        if (!split) {
            finish(Double.POSITIVE_INFINITY);
        }
    }

    /** True when a {@link #draw} is not finished: edges or the canvas are still to be painted. */
    boolean canvasPending() {
        return canvasPending;
    }

    /**
     * Goes on with the last {@link #draw}: edges for about {@code budgetMs}, then, once they are
     * whole, the canvas (the edges, tiles and marks) and the readouts. True when the redraw is done.
     */
    boolean finish(double budgetMs) {
        if (!canvasPending) {
            return true;
        }
        double t = Browser.now();
        if (!colourMaps(budgetMs)) {
            FrameStages.add("colours", Browser.now() - t);
            return false;
        }
        double left = budgetMs - (Browser.now() - t);
        FrameStages.add("colours", Browser.now() - t);
        t = Browser.now();
        if (!edges.whole() && (left <= 0 || !edges.paint(left))) {
            FrameStages.add("edges", Browser.now() - t);
            return false;
        }
        FrameStages.add("edges", Browser.now() - t);
        canvasPending = false;
        t = Browser.now();
        paintCanvas(trainer);
        FrameStages.add("canvas", Browser.now() - t);
        showCounts();
        if (hovered != null) {
            if (hovered.length == 2) {
                showNeuron(hovered[0], hovered[1]);
            } else {
                showEdge(hovered[0], hovered[1], hovered[2]);
            }
        }
        if (listener != null) {
            listener.redrawn(trainer);
        }
        return true;
    }

    private void relayout(Spec spec) {
        layout = new NetworkLayout(spec);
        canvas.setWidth((int) NetworkLayout.WIDTH);
        canvas.setHeight((int) layout.height());
        int tiles = 0;
        for (int c = 0; c < layout.columns(); c++) {
            tiles += layout.count(c);
        }
        atlasPixels = new int[tiles * MAP * MAP];
        Browser.resizeCanvas(atlasCanvas, tiles * MAP, MAP);
        layerGrids = new double[layout.columns() - 1][];
        for (int c = 1; c < layout.columns(); c++) {
            layerGrids[c - 1] = new double[MAP * MAP * layout.count(c)];
        }
        edges.relayout(layout);
        Browser.setHtml(neurons, DiagramMarkup.neurons(spec, layout));
        Browser.placeNeurons(neurons);
        Browser.setText(
                "network-readout",
                "Hover or focus a neuron or an edge to see its numbers (a neuron's map shows on the output);"
                        + " click an edge to set its weight; hover the output to pick a point.");
    }

    /**
     * Starts the neurons' maps of {@code trainer}'s state: the inputs' maps and one forward pass
     * over the grid for every layer; {@link #colourMaps} colours the layers' maps from it.
     */
    private void startMaps(Trainer trainer) {
        Spec spec = trainer.spec();
        int tile = 0;
        for (int f = 0; f < layout.count(0); f++) {
            Feature feature = spec.features().get(f);
            for (int cell = 0; cell < MAP * MAP; cell++) {
                double x1 = Plane.x1At(((cell % MAP) + 0.5) / MAP);
                double x2 = Plane.x2At(((cell / MAP) + 0.5) / MAP);
                putCell(tile, cell, NetworkReadout.inputMapValue(feature, x1, x2));
            }
            tile++;
        }
        trainer.predictAllLayersGrid(MAP, MAP, layerGrids);
        mapLayer = 0;
        mapTile = tile;
    }

    /**
     * Colours the layers' maps, a layer at a time, until all are or {@code budgetMs} is spent;
     * once all are, puts them into the atlas (one putImageData). True when the atlas is whole.
     */
    private boolean colourMaps(double budgetMs) {
        double start = Browser.now();
        while (mapLayer < layerGrids.length) {
            double[] layerGrid = layerGrids[mapLayer];
            int units = layout.count(mapLayer + 1);
            for (int u = 0; u < units; u++) {
                for (int cell = 0; cell < MAP * MAP; cell++) {
                    putCell(mapTile, cell, layerGrid[cell * units + u]);
                }
                mapTile++;
            }
            mapLayer++;
            if (mapLayer < layerGrids.length && Browser.now() - start >= budgetMs) {
                return false;
            }
        }
        if (mapTile >= 0) {
            Browser.putPixels(atlas, atlasPixels, mapTile * MAP, MAP);
            mapTile = -1;
        }
        return true;
    }

    private void putCell(int tile, int cell, double value) {
        int stride = atlasPixels.length / MAP;
        int x = tile * MAP + (cell % MAP);
        int y = cell / MAP;
        atlasPixels[y * stride + x] = Raster.opaque(NeuronMap.rgb(value));
    }

    private void paintCanvas(Trainer trainer) {
        double w = NetworkLayout.WIDTH;
        double h = layout.height();
        double tile = layout.tile();
        context.clearRect(0, 0, w, h);
        edges.drawOnto(context);
        context.setGlobalAlpha(1);
        Browser.setSmoothing(context, false);
        int atlasTile = 0;
        context.setFont("11px system-ui, sans-serif");
        context.setTextAlign("center");
        for (int c = 0; c < layout.columns(); c++) {
            double x = layout.x(c);
            context.setFillStyle(Palette.css(Palette.INK_RGB));
            context.fillText(NetworkReadout.columnTitle(drawnFor, layout.columns(), c), x + tile / 2, 14);
            for (int i = 0; i < layout.count(c); i++) {
                double y = layout.y(c, i);
                int outputClass = c == layout.columns() - 1 ? DiagramMarkup.outputClass(drawnFor, i) : -1;
                if (outputClass >= 0) {
                    context.setFillStyle(Palette.css(Palette.classRgb(outputClass)));
                    context.fillRect(x - 4, y - 4, tile + 8, tile + 8);
                }
                Browser.drawTile(context, atlasCanvas, atlasTile * MAP, MAP, x, y, tile);
                atlasTile++;
                boolean dead = c > 0 && diagnostics.deadUnits()[c - 1][i];
                boolean saturated = c > 0 && diagnostics.saturatedUnits()[c - 1][i];
                context.setLineWidth(dead || saturated ? 2.5 : 1);
                context.setStrokeStyle(
                        dead
                                ? Palette.css(Palette.DEAD_RGB)
                                : (saturated ? Palette.css(Palette.SATURATED_RGB) : "rgba(31,35,40,0.55)"));
                context.strokeRect(x, y, tile, tile);
                if (dead) {
                    context.beginPath();
                    context.moveTo(x, y);
                    context.lineTo(x + tile, y + tile);
                    context.stroke();
                }
            }
            if (c > 0) {
                drawGradientBar(c, x + tile / 2);
            }
        }
        drawHighlight();
        context.setLineWidth(1);
    }

    /** The hovered edge, or the hovered neuron's edges and frame, in ink over a white halo. */
    private void drawHighlight() {
        if (highlighted == null) {
            return;
        }
        double tile = layout.tile();
        if (highlighted.length == 3) {
            strokeEdge(highlighted[0], highlighted[1], highlighted[2], 3);
            return;
        }
        int column = highlighted[0];
        int index = highlighted[1];
        if (column > 0) {
            for (int i = 0; i < layout.count(column - 1); i++) {
                strokeEdge(column - 1, i, index, 1.5);
            }
        }
        if (column + 1 < layout.columns()) {
            for (int j = 0; j < layout.count(column + 1); j++) {
                strokeEdge(column, index, j, 1.5);
            }
        }
        context.setStrokeStyle(Palette.css(Palette.INK_RGB));
        context.setLineWidth(2);
        context.strokeRect(layout.x(column) - 2, layout.y(column, index) - 2, tile + 4, tile + 4);
    }

    private void strokeEdge(int column, int from, int to, double width) {
        double tile = layout.tile();
        double x0 = layout.x(column) + tile;
        double y0 = layout.y(column, from) + tile / 2;
        double x1 = layout.x(column + 1);
        double y1 = layout.y(column + 1, to) + tile / 2;
        for (int pass = 0; pass < 2; pass++) {
            context.setStrokeStyle(pass == 0 ? "#ffffff" : Palette.css(Palette.INK_RGB));
            context.setLineWidth(pass == 0 ? width + 2 : width);
            context.beginPath();
            context.moveTo(x0, y0);
            context.lineTo(x1, y1);
            context.stroke();
        }
    }

    /** Draws the highlight anew (the maps stay: only the canvas is repainted). */
    private void highlight(int[] what) {
        if (java.util.Arrays.equals(what, highlighted)) {
            return;
        }
        highlighted = what;
        if (layout != null && diagnostics != null && trainer != null && drawnFor == trainer.spec() && !canvasPending) {
            paintCanvas(trainer);
        }
    }

    /** The layer's gradient norm on a log scale, 1e-6 .. 10. */
    private void drawGradientBar(int column, double centre) {
        double norm = diagnostics.gradientNorms()[column - 1];
        double fraction = NetworkReadout.gradientBarFraction(norm);
        double y = layout.barsY();
        double barWidth = 44;
        context.setFillStyle(Palette.css(Palette.TRACK_RGB));
        context.fillRect(centre - barWidth / 2, y, barWidth, 5);
        context.setFillStyle(Palette.css(Palette.INK_RGB));
        context.fillRect(centre - barWidth / 2, y, barWidth * fraction, 5);
        context.setFillStyle(Palette.css(Palette.MUTED_INK_RGB));
        context.fillText("‖∇‖ " + NetworkReadout.shortNumber(norm), centre, y + 18);
    }

    private void showCounts() {
        int dead = 0;
        int saturated = 0;
        for (int l = 0; l < diagnostics.deadUnits().length; l++) {
            dead += diagnostics.deadCount(l);
            saturated += diagnostics.saturatedCount(l);
        }
        Browser.setText("dead-units", Integer.toString(dead));
        Browser.setText("saturated-units", Integer.toString(saturated));
    }

    private void hoverNeuron(String arg) {
        int colon = arg.indexOf(':');
        if (colon < 0 || trainer == null) {
            return;
        }
        int column = Integer.parseInt(arg.substring(0, colon));
        int index = Integer.parseInt(arg.substring(colon + 1));
        hovered = new int[] {column, index};
        showNeuron(column, index);
        highlight(hovered);
        if (listener != null) {
            listener.neuronShown(column, index);
        }
    }

    /** An edge focused elsewhere (the weights table): highlighted, its numbers in the readout. */
    void focusEdge(int column, int from, int to) {
        if (layout == null || trainer == null || column + 1 >= layout.columns()) {
            return;
        }
        if (from >= layout.count(column) || to >= layout.count(column + 1)) {
            return;
        }
        hovered = new int[] {column, from, to};
        showEdge(column, from, to);
        highlight(hovered);
    }

    /** The pointer or the focus left the diagram: no highlight, the output shows the network's output again. */
    void leave() {
        highlight(null);
        if (listener != null) {
            listener.neuronShown(-1, -1);
        }
    }

    /** A press on the canvas: an edge under it is offered for editing. */
    private void chooseEdge(double x, double y) {
        if (layout == null || trainer == null) {
            return;
        }
        int[] edge = layout.edgeAt(x, y, 6);
        if (edge != null && listener != null) {
            listener.edgeChosen(edge[0], edge[1], edge[2]);
        }
    }

    private void hoverEdge(double x, double y) {
        if (layout == null || trainer == null) {
            return;
        }
        int[] edge = layout.edgeAt(x, y, 6);
        Browser.setAttribute(canvas, "data-over-edge", edge == null ? null : "true");
        if (edge == null) {
            highlight(null);
            return;
        }
        hovered = edge;
        showEdge(edge[0], edge[1], edge[2]);
        highlight(edge);
    }

    private void showNeuron(int column, int index) {
        DiagramReadout.neuron(trainer, diagnostics, layout.columns(), column, index, pickX1, pickX2);
    }

    private void showEdge(int column, int from, int to) {
        DiagramReadout.edge(trainer, diagnostics, column, from, to);
    }
}
