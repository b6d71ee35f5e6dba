package backprop.client;

import backprop.engine.train.Trainer;
import backprop.ui.raster.OutputView;
import backprop.ui.text.Numbers;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * Where a frame's time goes in this runtime: milliseconds per call of each drawing stage,
 * averaged over a number of calls, as JSON (for {@code ?stats=1} investigations and the
 * benchmark notes).
 */
final class FrameProfile {
    private FrameProfile() {}

    static String measure(Trainer trainer, OutputView view, CanvasRenderingContext2D outputContext, int calls) {
        double[] grid = new double[OutputView.GRID * OutputView.GRID * trainer.outputs()];
        double t0 = Browser.now();
        for (int i = 0; i < calls; i++) {
            trainer.predictGrid(OutputView.GRID, OutputView.GRID, grid);
        }
        double t1 = Browser.now();
        for (int i = 0; i < calls; i++) {
            view.paintRegions(trainer, false);
        }
        double t2 = Browser.now();
        for (int i = 0; i < calls; i++) {
            Browser.putPixels(outputContext, view.regions().pixels(), OutputView.GRID, OutputView.GRID);
        }
        double t3 = Browser.now();
        for (int i = 0; i < calls; i++) {
            trainer.evaluate();
        }
        double t4 = Browser.now();
        for (int i = 0; i < calls; i++) {
            trainer.fingerprint();
        }
        double t5 = Browser.now();
        for (int i = 0; i < calls; i++) {
            trainer.stepEpoch();
        }
        double t6 = Browser.now();
        return "{\"predictGridMs\":" + Numbers.fixed((t1 - t0) / calls, 3)
                + ",\"paintMs\":" + Numbers.fixed((t2 - t1) / calls, 3)
                + ",\"putPixelsMs\":" + Numbers.fixed((t3 - t2) / calls, 3)
                + ",\"evaluateMs\":" + Numbers.fixed((t4 - t3) / calls, 3)
                + ",\"fingerprintMs\":" + Numbers.fixed((t5 - t4) / calls, 3)
                + ",\"epochMs\":" + Numbers.fixed((t6 - t5) / calls, 3) + "}";
    }
}
