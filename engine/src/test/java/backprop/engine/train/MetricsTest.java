package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.spec.SpecCodec;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void totalLossIsTheDataLossPlusThePenalty() {
        assertEquals(0.75, new Metrics(0.5, 0.6, 1, 1, 0.25).totalLoss());
        Trainer t = new Trainer(SpecCodec.parseStrict("data=circle&n=60&layers=3:tanh&reg=l2&lambda=0.1"));
        t.stepEpoch();
        Metrics m = t.evaluate();
        double sumOfSquares = 0;
        double[] p = t.network().parameters();
        for (int l = 0; l < t.network().layerCount(); l++) {
            var layer = t.network().layer(l);
            for (int k = 0; k < layer.weightCount(); k++) {
                double w = p[layer.weightOffset() + k];
                sumOfSquares += w * w;
            }
        }
        assertEquals(0.1 * sumOfSquares, m.regularization(), 1e-12);
        assertEquals(m.trainLoss() + 0.1 * sumOfSquares, m.totalLoss(), 1e-12);
    }
}
