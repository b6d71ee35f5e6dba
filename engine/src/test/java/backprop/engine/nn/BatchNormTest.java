package backprop.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import backprop.engine.spec.InitKind;
import backprop.engine.spec.LayerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batch normalization: hand-computed forward values, the running statistics update, a batch of
 * one, the parameter layout, and backprop in both modes against central differences.
 */
class BatchNormTest {
    private static final double H = 1e-5;

    private static LayerSpec bn(int units, Activation activation) {
        return new LayerSpec(units, activation).withBatchNorm(true);
    }

    /** One input, one linear :bn unit with W = 1, b = 0, so z = x; γ and β as given. */
    private static Network identityUnit(double gamma, double beta, int rows) {
        Network network = new Network(1, List.of(bn(1, Activation.LINEAR)), 1, rows);
        network.initialize(InitKind.HE, new Rng(1));
        BatchNorm norm = network.layer(0).batchNorm();
        double[] p = network.parameters();
        p[network.layer(0).weightOffset()] = 1;
        p[network.layer(0).biasOffset()] = 0;
        p[norm.gammaOffset()] = gamma;
        p[norm.betaOffset()] = beta;
        return network;
    }

    @Test
    void trainingModeNormalizesWithTheBatchMeanAndBiasedVariance() {
        Network network = identityUnit(2, 0.5, 4);
        double[] x = {1, 2, 3, 4};
        System.arraycopy(x, 0, network.input(), 0, 4);
        network.forwardTraining(4);
        // μ = 2.5, σ² = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25
        double inverseStd = 1 / Math.sqrt(1.25 + 1e-5);
        double[] y = network.layer(0).preActivations();
        for (int r = 0; r < 4; r++) {
            assertEquals(2 * (x[r] - 2.5) * inverseStd + 0.5, y[r], 1e-15, "row " + r);
        }
        assertEquals(2.5, network.layer(0).batchNorm().mean()[0], 0.0);
        assertEquals(1.25, network.layer(0).batchNorm().variance()[0], 0.0);
        // y = 2·(−1.5)/√1.25001 + 0.5 ≈ −2.18327, by hand
        assertEquals(-2.183271, y[0], 1e-6);
    }

    @Test
    void runningStatisticsMoveTenPercentTowardsTheBatchWithTheUnbiasedVariance() {
        Network network = identityUnit(1, 0, 4);
        assertEquals(0.0, network.runningStatistics()[0]);
        assertEquals(1.0, network.runningStatistics()[1]);
        System.arraycopy(new double[] {1, 2, 3, 4}, 0, network.input(), 0, 4);
        network.forwardTraining(4);
        network.updateRunningStatistics();
        // mean: 0.9·0 + 0.1·2.5; variance: 0.9·1 + 0.1·(1.25·4/3) (PyTorch momentum=0.1)
        assertEquals(0.25, network.runningStatistics()[0], 1e-16);
        assertEquals(0.9 + 0.1 * (5.0 / 3), network.runningStatistics()[1], 1e-15);
    }

    @Test
    void testModeUsesTheRunningStatistics() {
        Network network = identityUnit(3, -1, 4);
        network.runningStatistics()[0] = 2;
        network.runningStatistics()[1] = 4;
        network.input()[0] = 5;
        network.forward(1);
        assertEquals(3 * (5 - 2) / Math.sqrt(4 + 1e-5) - 1, network.layer(0).preActivations()[0], 1e-14);
        // the same point gives the same output whatever else is in the pass
        System.arraycopy(new double[] {-3, 5, 7}, 0, network.input(), 0, 3);
        network.forward(3);
        assertEquals(3 * (5 - 2) / Math.sqrt(4 + 1e-5) - 1, network.layer(0).preActivations()[1], 1e-14);
    }

    @Test
    void aBatchOfOneGivesBetaNoGradientToZAndLeavesTheRunningStatistics() {
        Network network = identityUnit(2, 0.75, 1);
        network.input()[0] = 3.5;
        network.forwardTraining(1);
        // σ² = 0, x̂ = 0 / √ε = 0, y = β
        assertEquals(0.75, network.layer(0).preActivations()[0], 0.0);
        network.zeroGradients();
        network.outputGradient()[0] = 1;
        network.backward(1);
        Layer layer = network.layer(0);
        BatchNorm norm = layer.batchNorm();
        double[] g = network.gradients();
        assertEquals(0.0, g[layer.weightOffset()], "dL/dW: the normalized value does not depend on z");
        assertEquals(0.0, g[norm.gammaOffset()], "dL/dγ = dL/dy · x̂ = 0");
        double dLdy = network.parameters()[network.layer(1).weightOffset()];
        assertEquals(dLdy, g[norm.betaOffset()], 0.0);
        network.updateRunningStatistics();
        assertEquals(0.0, network.runningStatistics()[0]);
        assertEquals(1.0, network.runningStatistics()[1]);
    }

    @Test
    void layoutAppendsGammaThenBetaAfterExtrasAndMaxoutNormalizesEachPiece() {
        Network network = new Network(
                2, List.of(bn(3, Activation.PRELU), bn(2, Activation.MAXOUT), new LayerSpec(2, Activation.TANH)), 2);
        network.initialize(InitKind.XAVIER, new Rng(3));
        Layer prelu = network.layer(0);
        assertEquals(6 + 3 + 3 + 2 * 3, prelu.parameterCount());
        assertEquals(12, prelu.batchNorm().gammaOffset());
        assertEquals(15, prelu.batchNorm().betaOffset());
        Layer maxout = network.layer(1);
        assertEquals(4, maxout.batchNorm().width());
        assertEquals(4 * 3 + 4 + 2 * 4, maxout.parameterCount());
        assertEquals(null, network.layer(2).batchNorm());
        assertEquals(2 * 3 + 2 * 4, network.runningStatistics().length);
        assertEquals(6, maxout.batchNorm().runningOffset());
        for (int j = 0; j < 3; j++) {
            assertEquals(1.0, network.parameters()[12 + j]);
            assertEquals(0.0, network.parameters()[15 + j]);
            assertEquals(0.0, network.runningStatistics()[j]);
            assertEquals(1.0, network.runningStatistics()[3 + j]);
        }
    }

    @Test
    void theInitialWeightsDoNotChangeWithBatchNorm() {
        Network plain =
                new Network(2, List.of(new LayerSpec(4, Activation.RELU), new LayerSpec(3, Activation.TANH)), 2);
        Network normalized = new Network(2, List.of(bn(4, Activation.RELU), new LayerSpec(3, Activation.TANH)), 2);
        plain.initialize(InitKind.HE, new Rng(5));
        normalized.initialize(InitKind.HE, new Rng(5));
        for (int k = 0; k < 12; k++) {
            assertEquals(plain.parameters()[k], normalized.parameters()[k]);
        }
        int shift = 8;
        for (int k = 12; k < plain.parameters().length; k++) {
            assertEquals(plain.parameters()[k], normalized.parameters()[k + shift], "parameter " + k);
        }
    }

    /** A network with random parameters (γ, β included), a batch, softmax cross-entropy. */
    private static final class Case {
        final Network network;
        final double[] inputs;
        final int rows;
        final int[] labels;
        final int[] index;
        final boolean training;

        Case(List<LayerSpec> hidden, int rows, boolean training, long seed) {
            this.network = new Network(3, hidden, 3, rows);
            this.rows = rows;
            this.training = training;
            Rng rng = new Rng(seed);
            network.initialize(InitKind.UNIFORM, rng);
            double[] p = network.parameters();
            for (int k = 0; k < p.length; k++) {
                p[k] = rng.uniform(-1, 1);
            }
            double[] running = network.runningStatistics();
            for (int k = 0; k < running.length; k++) {
                running[k] = rng.uniform(0.2, 1.5);
            }
            inputs = new double[rows * 3];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = rng.uniform(-2, 2);
            }
            labels = new int[rows];
            index = new int[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = rng.nextInt(3);
                index[r] = r;
            }
        }

        double loss(boolean backward) {
            System.arraycopy(inputs, 0, network.input(), 0, inputs.length);
            if (training) {
                network.forwardTraining(rows);
            } else {
                network.forward(rows);
            }
            double sum = Losses.batchLossAndGradient(
                    OutputLoss.SOFTMAX_CROSS_ENTROPY,
                    network.output(),
                    rows,
                    3,
                    labels,
                    new double[rows],
                    index,
                    0,
                    network.outputGradient(),
                    1.0 / rows);
            if (backward) {
                network.zeroGradients();
                network.backward(rows);
            }
            return sum / rows;
        }

        /** True when an activation input is within margin of a kink of relu, prelu, hswish or a maxout tie. */
        boolean nearKink(double margin) {
            loss(false);
            for (int l = 0; l < network.layerCount(); l++) {
                Layer layer = network.layer(l);
                double[] y = layer.preActivations();
                for (int k = 0; k < rows * layer.preUnits(); k++) {
                    if (Math.abs(y[k]) < margin || Math.abs(Math.abs(y[k]) - 3) < margin) {
                        return true;
                    }
                    if (layer instanceof MaxoutLayer && k % 2 == 0 && Math.abs(y[k] - y[k + 1]) < margin) {
                        return true;
                    }
                }
            }
            return false;
        }

        double worstRelativeError() {
            loss(true);
            double[] analytic = network.gradients().clone();
            double[] p = network.parameters();
            double worst = 0;
            for (int k = 0; k < p.length; k++) {
                double keep = p[k];
                p[k] = keep + H;
                double plus = loss(false);
                p[k] = keep - H;
                double minus = loss(false);
                p[k] = keep;
                double numeric = (plus - minus) / (2 * H);
                double error =
                        Math.abs(numeric - analytic[k]) / Math.max(1e-4, Math.abs(numeric) + Math.abs(analytic[k]));
                worst = Math.max(worst, error);
            }
            return worst;
        }
    }

    private static double worstError(List<LayerSpec> hidden, int rows, boolean training) {
        for (long seed = 1; seed < 300; seed++) {
            Case c = new Case(hidden, rows, training, seed);
            if (!c.nearKink(1e-3)) {
                return c.worstRelativeError();
            }
        }
        throw new AssertionError("no seed without kinks for " + hidden);
    }

    @Test
    void trainingModeGradientsMatchCentralDifferences() {
        List<List<LayerSpec>> networks = List.of(
                List.of(bn(4, Activation.TANH)),
                List.of(bn(4, Activation.RELU), bn(3, Activation.SIGMOID)),
                List.of(bn(3, Activation.MAXOUT), new LayerSpec(3, Activation.ELU)),
                List.of(bn(4, Activation.PRELU), bn(3, Activation.LINEAR)),
                List.of(new LayerSpec(4, Composition.swish(0.8)).withBatchNorm(true), bn(3, Activation.GELU)));
        for (List<LayerSpec> hidden : networks) {
            double error = worstError(hidden, 7, true);
            assertTrue(error < 1e-6, hidden + ": relative error " + error);
        }
        double wide =
                worstError(List.of(bn(5, Activation.TANH), bn(4, Activation.SWISH)), Network.CHUNK_ROWS + 9, true);
        assertTrue(wide < 1e-6, "a batch larger than a chunk: relative error " + wide);
    }

    @Test
    void testModeGradientsMatchCentralDifferences() {
        double error = worstError(List.of(bn(4, Activation.TANH), bn(3, Activation.MAXOUT)), 6, false);
        assertTrue(error < 1e-6, "relative error " + error);
    }
}
