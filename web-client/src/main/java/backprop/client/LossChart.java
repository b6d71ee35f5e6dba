package backprop.client;

import backprop.ui.text.Numbers;
import backprop.ui.raster.Palette;
import backprop.engine.train.LossHistory;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Train (solid) and test (dashed) loss over epochs, from a {@link LossHistory} that keeps at
 * most 1,000 points however long the run, with a readout under the pointer.
 */
final class LossChart {
    private static final double PAD = 8;

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private LossHistory history;
    private double maxLoss = 1;

    LossChart(JSObject canvas) {
        this.canvas = (HTMLCanvasElement) canvas;
        this.context = Browser.context2d(canvas);
        Browser.onCanvasMove(canvas, (fx, fy) -> readout(fx));
    }

    void draw(LossHistory history) {
        this.history = history;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        context.clearRect(0, 0, w, h);
        int n = history.size();
        if (n == 0) {
            return;
        }
        maxLoss = 1e-9;
        for (int i = 0; i < n; i++) {
            maxLoss = Math.max(maxLoss, finiteOr0(history.trainLoss(i)));
            maxLoss = Math.max(maxLoss, finiteOr0(history.testLoss(i)));
        }
        int lastEpoch = Math.max(1, history.epoch(n - 1));
        for (int series = 0; series < 2; series++) {
            context.setStrokeStyle(Palette.css(series == 0 ? Palette.INK_RGB : Palette.classRgb(0)));
            context.setLineWidth(1.5);
            Browser.setDash(context, series == 0 ? 0 : 4);
            context.beginPath();
            for (int i = 0; i < n; i++) {
                double loss = finiteOr0(series == 0 ? history.trainLoss(i) : history.testLoss(i));
                double x = PAD + (w - 2 * PAD) * history.epoch(i) / lastEpoch;
                double y = h - PAD - (h - 2 * PAD) * loss / maxLoss;
                if (i == 0) {
                    context.moveTo(x, y);
                } else {
                    context.lineTo(x, y);
                }
            }
            context.stroke();
        }
        Browser.setDash(context, 0);
    }

    private void readout(double fx) {
        if (history == null || history.size() == 0) {
            return;
        }
        int lastEpoch = Math.max(1, history.epoch(history.size() - 1));
        double epoch = (fx * canvas.getWidth() - PAD) / (canvas.getWidth() - 2 * PAD) * lastEpoch;
        int best = 0;
        for (int i = 1; i < history.size(); i++) {
            if (Math.abs(history.epoch(i) - epoch) < Math.abs(history.epoch(best) - epoch)) {
                best = i;
            }
        }
        Browser.setText("loss-readout", "Epoch " + history.epoch(best) + ": train loss "
                + Numbers.fixed(history.trainLoss(best), 4) + ", test loss " + Numbers.fixed(history.testLoss(best), 4));
    }

    private static double finiteOr0(double v) {
        return v == v && v != Double.POSITIVE_INFINITY && v != Double.NEGATIVE_INFINITY ? v : 0;
    }
}
