package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The page's cheaper grid passes give the same numbers as the pass per layer and the whole-grid pass. */
class GridPassTest {
    @Test
    void onePassOverAllLayersEqualsAPassPerLayer() {
        Trainer t = new Trainer(
                TestSpecs.defaults().layers("5:relu", "3:maxout", "4:tanh").build());
        t.stepEpoch();
        int cols = 13;
        int rows = 11;
        int layers = t.network().layerCount();
        double[][] all = new double[layers][];
        for (int l = 0; l < layers; l++) {
            all[l] = new double[cols * rows * t.network().layer(l).units()];
        }
        t.predictAllLayersGrid(cols, rows, all);
        for (int l = 0; l < layers; l++) {
            double[] one = new double[all[l].length];
            t.predictLayerGrid(l, cols, rows, one);
            assertArrayEquals(one, all[l], 0.0);
        }
        assertThrows(
                IllegalArgumentException.class, () -> t.predictAllLayersGrid(cols, rows, new double[layers - 1][]));
    }

    @Test
    void aGridComputedInSlicesEqualsTheWholeGrid() {
        Trainer t = new Trainer(TestSpecs.defaults().layers("6:tanh", "6:tanh").build());
        t.stepEpoch();
        int cols = 30;
        int rows = 20;
        double[] whole = new double[cols * rows * t.outputs()];
        t.predictGrid(cols, rows, whole);
        double[] sliced = new double[whole.length];
        for (int first = 0; first < cols * rows; first += 77) {
            t.predictGridCells(cols, rows, first, Math.min(77, cols * rows - first), sliced);
        }
        assertArrayEquals(whole, sliced, 0.0);
        assertThrows(IllegalArgumentException.class, () -> t.predictGridCells(cols, rows, 590, 20, sliced));
    }
}
