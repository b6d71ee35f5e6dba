package backprop.ui.playground;

import backprop.engine.spec.Spec;

/**
 * Where the network diagram puts things: one column per layer (inputs, hidden layers, outputs),
 * each neuron a square tile showing its map, room on the left for the inputs' names. Pure
 * geometry in canvas units.
 */
public final class NetworkLayout {
    public static final double WIDTH = 640;
    private static final double TOP = 34;
    private static final double BOTTOM = 40;
    private static final double SIDE = 16;
    /** Left of the input column: the features' names (x₁, sin x₂) sit there. */
    public static final double LABELS = 64;

    /**
     * Above this many edges the diagram draws them as hairlines, |w| shown by opacity alone: a
     * stroke wider than a pixel costs about ten times as much to rasterize (7,264 edges of a
     * 32 × 8 network: 98 ms against 9 ms in headless Chromium), and at that density widths merge
     * into a blur anyway.
     */
    public static final int HAIRLINE_EDGES = 400;

    private final int[] counts;
    private final int edges;
    private final double tile;
    private final double gap;
    private final double height;
    private final double columnStep;

    public NetworkLayout(Spec spec) {
        counts = new int[spec.layers().size() + 2];
        counts[0] = spec.features().size();
        int max = counts[0];
        for (int l = 0; l < spec.layers().size(); l++) {
            counts[l + 1] = spec.layers().get(l).units();
            max = Math.max(max, counts[l + 1]);
        }
        counts[counts.length - 1] = spec.outputs();
        max = Math.max(max, spec.outputs());
        int edgeCount = 0;
        for (int c = 0; c + 1 < counts.length; c++) {
            edgeCount += counts[c] * counts[c + 1];
        }
        edges = edgeCount;
        tile = max <= 8 ? 30 : (max <= 16 ? 22 : 15);
        gap = Math.max(4, tile / 3);
        height = Math.max(300, TOP + max * (tile + gap) + BOTTOM);
        columnStep = (WIDTH - LABELS - SIDE - tile) / (counts.length - 1);
    }

    public int columns() {
        return counts.length;
    }

    /** Neurons in column c (0 = inputs, last = outputs). */
    public int count(int column) {
        return counts[column];
    }

    /** Edges between neighbouring columns, all of them. */
    public int edges() {
        return edges;
    }

    /**
     * An edge's stroke width for |w| scaled to {@code magnitude} in [0, 1]: wider for stronger
     * weights, or a hairline in a layout of more than {@link #HAIRLINE_EDGES} edges.
     */
    public double edgeWidth(double magnitude) {
        return edges > HAIRLINE_EDGES ? 1 : 0.6 + 3 * magnitude;
    }

    /** An edge's opacity for |w| scaled to {@code magnitude}: hairlines carry the whole scale. */
    public double edgeAlpha(double magnitude) {
        return edges > HAIRLINE_EDGES ? 0.08 + 0.92 * magnitude : 0.15 + 0.75 * magnitude;
    }

    public double tile() {
        return tile;
    }

    public double height() {
        return height;
    }

    public double x(int column) {
        return LABELS + column * columnStep;
    }

    public double y(int column, int index) {
        double columnHeight = counts[column] * (tile + gap) - gap;
        double top = TOP + (height - TOP - BOTTOM - columnHeight) / 2;
        return top + index * (tile + gap);
    }

    /** Top of the gradient-norm bars under the columns. */
    public double barsY() {
        return height - BOTTOM + 12;
    }

    /**
     * The edge nearest the point (px, py) within {@code tolerance}, as {column, from, to}, or
     * null. An edge runs from the right middle of its source tile to the left middle of its target.
     */
    public int[] edgeAt(double px, double py, double tolerance) {
        int[] best = null;
        double bestDistance = tolerance;
        for (int c = 0; c + 1 < counts.length; c++) {
            double x0 = x(c) + tile;
            double x1 = x(c + 1);
            if (px < x0 - tolerance || px > x1 + tolerance) {
                continue;
            }
            for (int i = 0; i < counts[c]; i++) {
                double y0 = y(c, i) + tile / 2;
                for (int j = 0; j < counts[c + 1]; j++) {
                    double y1 = y(c + 1, j) + tile / 2;
                    double d = distanceToSegment(px, py, x0, y0, x1, y1);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = new int[] {c, i, j};
                    }
                }
            }
        }
        return best;
    }

    static double distanceToSegment(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double ex = x0 + t * dx - px;
        double ey = y0 + t * dy - py;
        return Math.sqrt(ex * ex + ey * ey);
    }
}
