package backprop.ui.activations;

import backprop.engine.data.Features;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Activation;
import backprop.engine.train.Trainer;

/**
 * Hidden units whose input z is at most 0 on every training point: for ReLU exactly the dead
 * units (output 0, gradient 0, so they never come back); for leaky ReLU, PReLU and ELU the same
 * units still pass a small gradient (slope 0.01, the learned slope, e^z) and can recover. Maxout
 * layers are not counted (a unit has two pieces, neither is "off"). One forward pass over the
 * training set; it only writes the network's activation buffers, which every training step
 * recomputes, so training is unchanged.
 */
public final class OffUnits {
    private final Trainer trainer;
    private final double[] features;
    private final int inputs;

    public OffUnits(Trainer trainer) {
        this.trainer = trainer;
        this.inputs = trainer.spec().features().size();
        this.features =
                Features.matrix(trainer.spec().features(), trainer.data().trainX());
    }

    /** Units off on every training point, over all hidden layers. */
    public int count() {
        Network network = trainer.network();
        int hidden = network.layerCount() - 1;
        boolean[][] on = new boolean[hidden][];
        for (int l = 0; l < hidden; l++) {
            on[l] = new boolean[network.layer(l).units()];
        }
        network.forwardAll(features.length / inputs, new Network.MatrixPass(features, inputs) {
            @Override
            public void take(int start, int rows) {
                for (int l = 0; l < hidden; l++) {
                    Layer layer = network.layer(l);
                    if (layer.activation() == Activation.MAXOUT) {
                        continue;
                    }
                    int units = layer.units();
                    double[] z = layer.preActivations();
                    for (int k = 0; k < rows * units; k++) {
                        if (z[k] > 0) {
                            on[l][k % units] = true;
                        }
                    }
                }
            }
        });
        int off = 0;
        for (int l = 0; l < hidden; l++) {
            if (network.layer(l).activation() == Activation.MAXOUT) {
                continue;
            }
            for (boolean b : on[l]) {
                if (!b) {
                    off++;
                }
            }
        }
        return off;
    }
}
