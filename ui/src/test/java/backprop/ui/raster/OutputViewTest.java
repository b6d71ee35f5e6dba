package backprop.ui.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Spec;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

class OutputViewTest {
    /** A clock that moves one millisecond each time it is read. */
    private static OutputView.Clock ticking() {
        double[] now = {0};
        return () -> now[0]++;
    }

    @Test
    void aPassSpreadOverFramesPaintsWhatOnePassPaints() {
        Trainer trainer = new Trainer(Spec.defaults());
        trainer.stepEpoch();
        OutputView whole = new OutputView(200, trainer.outputs());
        whole.paintRegions(trainer, false);

        OutputView sliced = new OutputView(200, trainer.outputs());
        sliced.startPass(trainer, false, 4, true);
        int frames = 0;
        boolean done = false;
        while (!done) {
            done = sliced.advance(3, ticking());
            frames++;
            // Training between frames does not reach the picture being computed: it drew the weights at its start.
            trainer.stepBatch();
        }
        assertTrue(frames > 1, "one frame's budget should not cover the whole grid here");
        assertFalse(sliced.passRunning());
        assertArrayEquals(whole.regions().pixels(), sliced.regions().pixels());
    }

    @Test
    void aCostlyGridIsComputedAtALowerResolutionWhilePlaying() {
        assertEquals(OutputView.GRID, OutputView.resolutionFor(0.0005, 4));
        assertEquals(OutputView.GRID / 2, OutputView.resolutionFor(0.01, 4));
        assertEquals(OutputView.GRID / 4, OutputView.resolutionFor(0.1, 4));
        assertEquals(OutputView.GRID / 4, OutputView.resolutionFor(10, 4));
    }

    @Test
    void aLowResolutionPassFillsEveryPixelOfItsCell() {
        Trainer trainer = new Trainer(Spec.defaults());
        OutputView view = new OutputView(200, trainer.outputs());
        // The first pass measures the cost; with a tiny budget the next one drops the resolution.
        view.startPass(trainer, false, 4, true);
        while (!view.advance(1000, ticking())) {
            // computes everything in one call
        }
        view.startPass(trainer, false, 1e-9, false);
        int side = view.passSide();
        assertTrue(side < OutputView.GRID, "side " + side);
        while (!view.advance(1000, ticking())) {
            // until done
        }
        int scale = OutputView.GRID / side;
        Raster regions = view.regions();
        for (int y = 0; y < OutputView.GRID; y++) {
            for (int x = 0; x < OutputView.GRID; x++) {
                assertEquals(regions.rgbAt(x - x % scale, y - y % scale), regions.rgbAt(x, y));
            }
        }
    }
}
