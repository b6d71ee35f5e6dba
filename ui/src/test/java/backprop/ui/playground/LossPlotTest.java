package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.train.LossHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossPlotTest {
    private static LossHistory history(double... epochTrainTest) {
        LossHistory h = new LossHistory();
        for (int i = 0; i < epochTrainTest.length; i += 3) {
            h.add((int) epochTrainTest[i], epochTrainTest[i + 1], epochTrainTest[i + 2]);
        }
        return h;
    }

    @Test
    void theLinearAxisStartsAtZeroAndEndsOnARoundValueAboveTheLargestLoss() {
        LossPlot plot = new LossPlot(history(0, 0.69, 0.7, 100, 0.2, 0.31), 400, 160, false);
        List<LossPlot.Tick> ticks = plot.lossTicks();
        assertEquals("0", ticks.get(0).label());
        assertEquals("0.8", ticks.get(ticks.size() - 1).label());
        assertEquals(plot.bottom(), plot.y(0), 1e-9);
        assertEquals(LossPlot.TOP, plot.y(0.8), 1e-9);
        assertEquals(LossPlot.LEFT, plot.x(0), 1e-9);
        assertEquals(plot.right(), plot.x(100), 1e-9);
        assertEquals(
                List.of("0", "20", "40", "60", "80", "100"),
                plot.epochTicks().stream().map(LossPlot.Tick::label).toList());
    }

    @Test
    void theLogAxisSpansWholeDecades() {
        LossPlot plot = new LossPlot(history(0, 2.3, 2.4, 500, 0.004, 0.05), 400, 160, true);
        assertTrue(plot.log());
        assertEquals(
                List.of("0.001", "0.01", "0.1", "1", "10"),
                plot.lossTicks().stream().map(LossPlot.Tick::label).toList());
        assertEquals(plot.bottom(), plot.y(0.001), 1e-9);
        assertEquals(LossPlot.TOP, plot.y(10), 1e-9);
    }

    @Test
    void aDivergedRunIsMarkedAndNotDrawnAsADrop() {
        LossPlot plot = new LossPlot(history(0, 0.7, 0.7, 1, 40, 41, 2, Double.NaN, Double.NaN), 400, 160, false);
        assertEquals(List.of(2), plot.divergedEpochs());
        assertTrue(Double.isNaN(plot.y(Double.NaN)), "no point, so the line breaks");
        assertEquals("Epoch 2: train loss diverged, test loss diverged", plot.readout(2));
        assertEquals(
                "60",
                plot.lossTicks().get(plot.lossTicks().size() - 1).label(),
                "the axis follows the finite losses (41)");
    }

    @Test
    void theReadoutIsThePointNearestThePointer() {
        LossPlot plot = new LossPlot(history(0, 1, 1, 10, 0.5, 0.6, 20, 0.25, 0.5), 400, 160, false);
        assertEquals(1, plot.nearest(plot.x(11)));
        assertEquals("Epoch 10: train loss 0.5000, test loss 0.6000", plot.readout(1));
    }
}
