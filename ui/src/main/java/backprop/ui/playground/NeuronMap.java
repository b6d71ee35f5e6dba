package backprop.ui.playground;

import backprop.engine.spec.Feature;
import backprop.engine.spec.Plane;
import backprop.engine.train.Trainer;
import backprop.ui.raster.Palette;
import backprop.ui.raster.Raster;

/**
 * One neuron's map over the input plane, as the diagram's tiles show it and, bigger, the output
 * while the neuron is hovered or focused (as TensorFlow Playground does): class 0's colour below
 * zero, class 1's above, stronger towards ±1 (clamped). Columns count as in {@link NetworkReadout}:
 * 0 the inputs, then the network's layers.
 */
public final class NeuronMap {
    private NeuronMap() {}

    /** The colour (0xRRGGBB) of a neuron's value on its map. */
    public static int rgb(double value) {
        double t = value < -1 ? -1 : (value > 1 ? 1 : value);
        return Palette.mix(Palette.NEUTRAL_RGB, Palette.classRgb(t < 0 ? 0 : 1), 0.85 * Math.abs(t));
    }

    /**
     * The neuron's values over a {@code side} × {@code side} grid of the plane, row 0 at the top
     * (x2 = 6), as {@link Trainer#predictLayerGrid} lays them out.
     */
    public static double[] values(Trainer trainer, int column, int index, int side) {
        double[] out = new double[side * side];
        if (column == 0) {
            Feature feature = trainer.spec().features().get(index);
            for (int cell = 0; cell < out.length; cell++) {
                double x1 = Plane.x1At(((cell % side) + 0.5) / side);
                double x2 = Plane.x2At(((cell / side) + 0.5) / side);
                out[cell] = NetworkReadout.inputMapValue(feature, x1, x2);
            }
            return out;
        }
        int layer = column - 1;
        int units = trainer.network().layer(layer).units();
        if (index < 0 || index >= units) {
            throw new IllegalArgumentException(
                    "neuron " + index + " does not exist; layer " + layer + " has units 0.." + (units - 1));
        }
        double[] all = new double[side * side * units];
        trainer.predictLayerGrid(layer, side, side, all);
        for (int cell = 0; cell < out.length; cell++) {
            out[cell] = all[cell * units + index];
        }
        return out;
    }

    /** The map as opaque canvas pixels (0xAABBGGRR), {@code side} × {@code side}. */
    public static int[] pixels(Trainer trainer, int column, int index, int side) {
        double[] values = values(trainer, column, index, side);
        int[] pixels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = Raster.opaque(rgb(values[i]));
        }
        return pixels;
    }
}
