package backprop.client;

import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import backprop.ui.playground.NeuronMap;
import backprop.ui.playground.PlaygroundSession;
import backprop.ui.playground.PointDrawing;
import backprop.ui.playground.Refresh;
import backprop.ui.playground.RunReadout;
import backprop.ui.raster.OutputView;
import backprop.ui.text.Numbers;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Draws the playground, one frame at a time and each part within its share of the frame: the
 * output (regions and points, or the map of the neuron hovered in the diagram), the counters, the
 * metrics and the loss chart, the network diagram.
 */
final class FramePainter {
    /** Milliseconds of each frame the decision regions may take while the run plays (a slice of the grid)... */
    private static final double REGION_BUDGET_PLAYING_MS = 4;
    /** ...and while it is paused, when training takes nothing. */
    private static final double REGION_BUDGET_PAUSED_MS = 8;
    /** Milliseconds of each frame the diagram's edges may take while the run plays. */
    private static final double EDGE_BUDGET_MS = 3;

    private final PlaygroundSession session;
    private final PointDrawing drawing;
    private final CanvasRenderingContext2D outputContext;
    private final CanvasRenderingContext2D pointsContext;
    private final int outputSize;
    private final NetworkDiagram diagram;
    private final LossChart lossChart;
    private OutputView output;
    private boolean regionsStale = true;
    private boolean metricsStale = true;
    private boolean diagramStale = true;
    /** While the run plays, the metrics and the diagram are redrawn as often as their cost allows. */
    private final Refresh metricsRefresh = new Refresh(0, 0.1);

    private final Refresh diagramRefresh = new Refresh(100, 0.1);
    /** When the diagram's current redraw started, and what its frames have cost so far. */
    private double diagramStartMs;

    private double diagramCostMs;
    private Metrics lastMetrics;
    /** The worker's readout the metrics show (null: measured here); a new one arrives as a change. */
    private RunReadout metricsShownFor;
    /** The neuron whose map the output shows instead of the regions (column, index), or null. */
    private int[] shownNeuron;

    private boolean neuronMapStale;

    FramePainter(PlaygroundSession session, PointDrawing drawing) {
        this.session = session;
        this.drawing = drawing;
        this.outputContext = Browser.context2d(Browser.byTestId("output"));
        JSObject pointsCanvas = Browser.byTestId("output-points");
        this.pointsContext = Browser.context2d(pointsCanvas);
        this.outputSize = ((HTMLCanvasElement) pointsCanvas).getWidth();
        this.output = new OutputView(outputSize, session.trainer().outputs());
        this.diagram = new NetworkDiagram(Browser.byTestId("network"), Browser.byTestId("network-neurons"));
        this.lossChart = new LossChart(Browser.byTestId("loss-chart"));
    }

    /** A new run (a restart, another spec): new pictures. */
    void newRun(int outputs) {
        output = new OutputView(outputSize, outputs);
        diagram.invalidate();
        showNeuron(-1, -1, null);
    }

    NetworkDiagram diagram() {
        return diagram;
    }

    /**
     * Shows neuron (column, index)'s map on the output instead of the decision regions, named in
     * the caption over it; column -1 goes back to the regions.
     */
    void showNeuron(int column, int index, String name) {
        int[] next = column < 0 ? null : new int[] {column, index};
        if (java.util.Arrays.equals(next, shownNeuron)) {
            return;
        }
        shownNeuron = next;
        neuronMapStale = next != null;
        regionsStale = true;
        JSObject output = Browser.byTestId("output");
        Browser.setAttribute(output, "data-showing", next == null ? null : column + ":" + index);
        Browser.setText(
                "output-showing",
                next == null ? "" : "Showing " + name + " over the input plane; move away for the network's output.");
        Browser.setHidden(Browser.byTestId("output-showing"), next == null);
    }

    /** Shows the network's values at (x1, x2) in the diagram's readouts. */
    void pick(double x1, double x2) {
        diagram.pick(x1, x2);
    }

    /** The metrics last shown, or null before the first. */
    Metrics lastMetrics() {
        return lastMetrics;
    }

    /** Where a frame's time goes in this runtime ({@link FrameProfile}). */
    String profile(Trainer trainer, int calls) {
        return FrameProfile.measure(trainer, output, outputContext, calls);
    }

    /**
     * One frame's drawing, each part within its share: the counters at once; the decision regions
     * a slice of the grid per frame (a whole picture of one set of weights when the slices are
     * done); the metrics and the diagram as often as their cost allows while the run plays, and
     * at once when it is paused, so a paused page always shows the exact state.
     */
    void draw(Trainer trainer, RunReadout readout, boolean playing, boolean changed) {
        if (changed) {
            regionsStale = true;
            neuronMapStale = shownNeuron != null;
            metricsStale = true;
            diagramStale = true;
            double t = Browser.now();
            showCounters(trainer, playing);
            FrameStages.add("counters", Browser.now() - t);
        }
        if (drawing.blank()) {
            // An empty set of your own: nothing to show on the output until the first point.
            outputContext.clearRect(0, 0, OutputView.GRID, OutputView.GRID);
            pointsContext.clearRect(0, 0, outputSize, outputSize);
            output.invalidatePoints();
            return;
        }
        double tp = Browser.now();
        if (output.paintPoints(trainer, Browser.checked("show-test"))) {
            Browser.putPixels(pointsContext, output.points().pixels(), outputSize, outputSize);
        }
        if (shownNeuron != null) {
            paintNeuronMap(trainer, playing);
        } else if (regionsStale && (!playing || !output.passRunning())) {
            output.startPass(trainer, Browser.checked("discretize"), REGION_BUDGET_PLAYING_MS, !playing);
            regionsStale = false;
        }
        if (shownNeuron == null
                && output.passRunning()
                && output.advance(playing ? REGION_BUDGET_PLAYING_MS : REGION_BUDGET_PAUSED_MS, Browser::now)) {
            Browser.putPixels(outputContext, output.regions().pixels(), OutputView.GRID, OutputView.GRID);
        }
        FrameStages.add("regions", Browser.now() - tp);
        double now = Browser.now();
        boolean metricsDue = readout != null ? readout != metricsShownFor : !playing || metricsRefresh.due(now);
        if (metricsStale && metricsDue) {
            showMetrics(trainer, readout);
            metricsShownFor = readout;
            metricsStale = false;
            metricsRefresh.done(now, Browser.now());
            FrameStages.add("metrics", Browser.now() - now);
        }
        now = Browser.now();
        if (diagram.canvasPending()) {
            // The rest of a redraw spread over frames.
            boolean done = diagram.finish(EDGE_BUDGET_MS);
            diagramCostMs += Browser.now() - now;
            if (done) {
                diagramRefresh.done(diagramStartMs, diagramStartMs + diagramCostMs);
            }
            FrameStages.add("diagram", Browser.now() - now);
        } else if (diagramStale && (!playing || diagramRefresh.due(now))) {
            diagram.draw(trainer, readout == null ? null : readout.diagnostics(), now, true, playing);
            diagramStale = false;
            diagramStartMs = now;
            diagramCostMs = Browser.now() - now;
            if (!diagram.canvasPending()) {
                diagramRefresh.done(now, now + diagramCostMs);
            }
            FrameStages.add("diagram", Browser.now() - now);
        }
    }

    /** The shown neuron's map over the whole output, as often as the diagram is redrawn. */
    private void paintNeuronMap(Trainer trainer, boolean playing) {
        if (!neuronMapStale || (playing && !diagramRefresh.due(Browser.now()))) {
            return;
        }
        neuronMapStale = false;
        int column = shownNeuron[0];
        int index = shownNeuron[1];
        int units = column == 0 ? trainer.spec().features().size() : -1;
        if (column > 0 && column - 1 < trainer.network().layerCount()) {
            units = trainer.network().layer(column - 1).units();
        }
        if (index >= units) {
            return;
        }
        Browser.putPixels(
                outputContext,
                NeuronMap.pixels(trainer, column, index, OutputView.GRID),
                OutputView.GRID,
                OutputView.GRID);
    }

    private void showCounters(Trainer trainer, boolean playing) {
        Browser.setText("epoch", Integer.toString(trainer.epoch()));
        Browser.setText("iteration", Integer.toString(trainer.iteration()));
        Browser.setAttribute(Browser.byTestId("play"), "aria-pressed", playing ? "true" : "false");
        Browser.setText("play-label", playing ? "Pause" : "Play");
        String cannotPlay = drawing.blank()
                ? "Draw a point first: the set is empty."
                : (trainer.diverged() ? "Training diverged: Reset, or change a setting, to start again." : null);
        for (String control : new String[] {"play", "step-epoch", "step-batch"}) {
            Browser.setDisabled(control, cannotPlay != null);
        }
        Browser.setAttribute(Browser.byTestId("play"), "title", cannotPlay);
        String divergence = session.divergence();
        if (divergence != null) {
            Browser.setText("status", divergence);
        }
        Browser.setHidden(Browser.byTestId("status"), divergence == null);
    }

    /**
     * The metrics and the fingerprint: the worker's readout when it measured them (a recent state
     * while it trains, the exact one where it stopped), else measured here.
     */
    private void showMetrics(Trainer trainer, RunReadout readout) {
        Metrics metrics = readout != null ? readout.metrics() : trainer.evaluate();
        int epoch = readout != null ? readout.epoch() : trainer.epoch();
        Browser.setText("fingerprint", readout != null ? readout.fingerprint() : trainer.fingerprint());
        lastMetrics = metrics;
        if (session.recordHistory(epoch, metrics)) {
            lossChart.draw(session.history());
        }
        Browser.setText("train-loss", Numbers.fixed(metrics.trainLoss(), 4));
        Browser.setText("test-loss", Numbers.fixed(metrics.testLoss(), 4));
        boolean regression = session.spec().data().isRegression();
        Browser.setText("train-accuracy", regression ? "–" : Numbers.fixed(metrics.trainAccuracy(), 4));
        Browser.setText("test-accuracy", regression ? "–" : Numbers.fixed(metrics.testAccuracy(), 4));
        Browser.setText("regularization", Numbers.fixed(metrics.regularization(), 4));
        Browser.setText("total-loss", Numbers.fixed(metrics.totalLoss(), 4));
    }
}
