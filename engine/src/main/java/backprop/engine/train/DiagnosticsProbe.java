package backprop.engine.train;

import backprop.engine.nn.Activations;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Losses;
import backprop.engine.nn.Network;
import backprop.engine.nn.OutputLoss;
import backprop.engine.spec.Activation;
import backprop.engine.spec.RegularizationKind;

/** Computes {@link Diagnostics} with one forward and backward pass over the whole training set. */
final class DiagnosticsProbe {
    private DiagnosticsProbe() {}

    static Diagnostics run(
            Network network,
            OutputLoss loss,
            double[] trainFeatures,
            int[] labels,
            double[] targets,
            RegularizationKind reg,
            double lambda) {
        int layers = network.layerCount();
        int count = labels.length;
        int inputs = network.inputs();
        int outputs = network.outputs();
        boolean[][] alive = new boolean[layers][];
        int[][] saturatedPoints = new int[layers][];
        for (int l = 0; l < layers; l++) {
            alive[l] = new boolean[network.layer(l).units()];
            saturatedPoints[l] = new int[network.layer(l).units()];
        }
        int[] identity = new int[count];
        for (int k = 0; k < count; k++) {
            identity[k] = k;
        }
        network.zeroGradients();
        double scale = 1.0 / count;
        for (int start = 0; start < count; start += Network.CHUNK_ROWS) {
            int rows = Math.min(Network.CHUNK_ROWS, count - start);
            System.arraycopy(trainFeatures, start * inputs, network.input(), 0, rows * inputs);
            network.forward(rows);
            for (int l = 0; l < layers - 1; l++) {
                inspect(network.layer(l), rows, alive[l], saturatedPoints[l]);
            }
            Losses.batchLossAndGradient(
                    loss,
                    network.output(),
                    rows,
                    outputs,
                    labels,
                    targets,
                    identity,
                    start,
                    network.outputGradient(),
                    scale);
            network.backward(rows);
        }
        network.addRegularizationGradient(reg, lambda);
        double[] gradient = network.gradients().clone();
        double[] norms = new double[layers];
        boolean[][] dead = new boolean[layers][];
        boolean[][] saturated = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            Layer layer = network.layer(l);
            double sumSquares = 0;
            int end = layer.weightOffset() + layer.parameterCount();
            for (int k = layer.weightOffset(); k < end; k++) {
                sumSquares += gradient[k] * gradient[k];
            }
            norms[l] = Math.sqrt(sumSquares);
            int units = layer.units();
            dead[l] = new boolean[units];
            saturated[l] = new boolean[units];
            for (int j = 0; j < units; j++) {
                dead[l][j] = layer.activation() == Activation.RELU && !alive[l][j];
                saturated[l][j] = 2 * saturatedPoints[l][j] > count;
            }
        }
        return new Diagnostics(gradient, norms, dead, saturated);
    }

    /** Marks units with a non-zero ReLU output, counts points where a sigmoid/tanh unit is saturated. */
    private static void inspect(Layer layer, int rows, boolean[] alive, int[] saturatedPoints) {
        Activation kind = layer.activation();
        int units = layer.units();
        double[] a = layer.activations();
        if (kind == Activation.RELU) {
            for (int k = 0; k < rows * units; k++) {
                if (a[k] != 0) {
                    alive[k % units] = true;
                }
            }
        } else if (kind == Activation.SIGMOID || kind == Activation.TANH) {
            double[] z = layer.preActivations();
            for (int k = 0; k < rows * units; k++) {
                if (Math.abs(Activations.derivative(kind, z[k])) < Diagnostics.SATURATION_DERIVATIVE) {
                    saturatedPoints[k % units]++;
                }
            }
        }
    }
}
