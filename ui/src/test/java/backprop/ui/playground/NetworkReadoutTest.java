package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.nn.Layer;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import org.junit.jupiter.api.Test;

class NetworkReadoutTest {
    private static final Spec MAXOUT = SpecCodec.parseStrict("v=1&data=xor&layers=3:maxout,2:relu&seed=4");

    @Test
    void namesSayWhereANeuronSits() {
        int columns = MAXOUT.layers().size() + 2;
        assertEquals("Input x1", NetworkReadout.neuronName(MAXOUT, columns, 0, 0));
        assertEquals("Layer 1, neuron 2 (maxout)", NetworkReadout.neuronName(MAXOUT, columns, 1, 1));
        assertEquals("Output 1 (softmax)", NetworkReadout.neuronName(MAXOUT, columns, 3, 1));
        assertEquals("3 maxout", NetworkReadout.columnTitle(MAXOUT, columns, 1));
        assertEquals("output", NetworkReadout.columnTitle(MAXOUT, columns, 3));
    }

    @Test
    void aMaxoutEdgeShowsItsLargerPiece() {
        Trainer trainer = new Trainer(MAXOUT);
        Layer layer = trainer.network().layer(0);
        double[] params = trainer.network().parameters();
        for (int unit = 0; unit < layer.units(); unit++) {
            for (int input = 0; input < layer.inputs(); input++) {
                int first = layer.weightOffset() + (2 * unit) * layer.inputs() + input;
                int second = first + layer.inputs();
                int expected = Math.abs(params[second]) > Math.abs(params[first]) ? second : first;
                assertEquals(expected, NetworkReadout.weightIndex(layer, params, unit, input));
            }
        }
        assertEquals(layer.biasOffset() + 4, NetworkReadout.biasIndex(layer, 2), "two bias rows per maxout unit");
    }

    @Test
    void gradientBarsSpanOneMillionthToTen() {
        assertEquals(0, NetworkReadout.gradientBarFraction(0));
        assertEquals(0, NetworkReadout.gradientBarFraction(1e-6), 1e-12);
        assertEquals(6.0 / 7, NetworkReadout.gradientBarFraction(1), 1e-12);
        assertEquals(1, NetworkReadout.gradientBarFraction(1e3));
        assertEquals("0.123", NetworkReadout.shortNumber(0.12345));
        assertEquals("-4.6e-5", NetworkReadout.shortNumber(-0.0000456));
    }
}
