package backprop.client;

import backprop.engine.train.LossHistory;
import backprop.ui.playground.LossPlot;
import backprop.ui.raster.Palette;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Train (solid) and test (dashed) loss over the whole run, from a {@link LossHistory} that keeps
 * at most 1,000 points however long the run: labelled axes with ticks, a linear or logarithmic
 * loss axis, diverged epochs marked, and a readout of the point under the pointer that follows
 * the data as it grows. The geometry is {@link LossPlot}'s.
 */
final class LossChart {
    private static final String FONT = "11px system-ui, sans-serif";

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private LossHistory history;
    private LossPlot plot;
    /** The pointer's x in canvas pixels while it is over the chart, else -1. */
    private double pointerX = -1;

    LossChart(JSObject canvas) {
        this.canvas = (HTMLCanvasElement) canvas;
        this.context = Browser.context2d(canvas);
        Browser.onCanvasMove(canvas, (fx, fy) -> {
            pointerX = fx * this.canvas.getWidth();
            showReadout();
        });
        Browser.onTestId("loss-scale", "change", () -> {
            if (history != null) {
                draw(history);
            }
        });
    }

    void draw(LossHistory history) {
        this.history = history;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        plot = new LossPlot(history, w, h, Browser.checked("loss-scale"));
        context.clearRect(0, 0, w, h);
        drawAxes(w, h);
        int n = history.size();
        for (int series = 0; series < 2 && n > 0; series++) {
            context.setStrokeStyle(Palette.css(series == 0 ? Palette.INK_RGB : Palette.classRgb(0)));
            context.setLineWidth(1.5);
            Browser.setDash(context, series == 0 ? 0 : 4);
            context.beginPath();
            boolean open = false;
            for (int i = 0; i < n; i++) {
                double y = plot.y(series == 0 ? history.trainLoss(i) : history.testLoss(i));
                if (y != y) {
                    open = false; // a gap: the line does not pretend the loss dropped
                    continue;
                }
                double x = plot.x(history.epoch(i));
                if (open) {
                    context.lineTo(x, y);
                } else {
                    context.moveTo(x, y);
                    open = true;
                }
            }
            context.stroke();
        }
        Browser.setDash(context, 0);
        drawDivergence();
        showReadout();
    }

    private void drawAxes(double w, double h) {
        context.setFont(FONT);
        context.setLineWidth(1);
        context.setFillStyle(Palette.css(Palette.MUTED_INK_RGB));
        context.setTextAlign("right");
        for (LossPlot.Tick tick : plot.lossTicks()) {
            context.setStrokeStyle(Palette.css(Palette.TRACK_RGB));
            context.beginPath();
            context.moveTo(LossPlot.LEFT, tick.at());
            context.lineTo(plot.right(), tick.at());
            context.stroke();
            context.fillText(tick.label(), LossPlot.LEFT - 4, tick.at() + 4);
        }
        context.setTextAlign("center");
        for (LossPlot.Tick tick : plot.epochTicks()) {
            context.fillText(tick.label(), tick.at(), h - 6);
        }
        context.setStrokeStyle(Palette.css(Palette.MUTED_INK_RGB));
        context.beginPath();
        context.moveTo(LossPlot.LEFT, LossPlot.TOP);
        context.lineTo(LossPlot.LEFT, plot.bottom());
        context.lineTo(plot.right(), plot.bottom());
        context.stroke();
    }

    /** A vertical mark, in the colour saturated units use, at each epoch whose loss was not finite. */
    private void drawDivergence() {
        context.setStrokeStyle(Palette.css(Palette.SATURATED_RGB));
        context.setLineWidth(2);
        for (int epoch : plot.divergedEpochs()) {
            double x = plot.x(epoch);
            context.beginPath();
            context.moveTo(x, LossPlot.TOP);
            context.lineTo(x, plot.bottom());
            context.stroke();
        }
        context.setLineWidth(1);
    }

    /** The readout always describes what is drawn: the point under the pointer, else the latest. */
    private void showReadout() {
        if (history == null || history.size() == 0 || plot == null) {
            return;
        }
        int i = pointerX >= 0 ? plot.nearest(pointerX) : history.size() - 1;
        Browser.setText("loss-readout", plot.readout(i));
    }
}
