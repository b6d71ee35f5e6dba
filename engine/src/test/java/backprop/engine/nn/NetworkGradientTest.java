package backprop.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import backprop.engine.spec.Activation;
import backprop.engine.spec.BinaryFn;
import backprop.engine.spec.Composition;
import backprop.engine.spec.InitKind;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.RegularizationKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Central-difference checks of backprop through whole networks: every layer kind and activation,
 * every loss, the regularizers, and a batch larger than one chunk.
 */
class NetworkGradientTest {
    private static final double H = 1e-5;

    /** A network, a batch and what it is trained with. */
    private static final class Case {
        final Network network;
        final double[] inputs;
        final int rows;
        final int[] labels;
        final double[] targets;
        final int[] index;
        final OutputLoss loss;
        final RegularizationKind reg;
        final double lambda;

        Case(List<LayerSpec> hidden, OutputLoss loss, int rows, RegularizationKind reg, double lambda, long seed) {
            int inputs = 3;
            int outputs = loss == OutputLoss.BINARY_CROSS_ENTROPY || loss == OutputLoss.SQUARED_ERROR_VALUE ? 1 : 3;
            this.network = new Network(inputs, hidden, outputs);
            this.loss = loss;
            this.rows = rows;
            this.reg = reg;
            this.lambda = lambda;
            Rng rng = new Rng(seed);
            network.initialize(InitKind.UNIFORM, rng);
            double[] p = network.parameters();
            for (int k = 0; k < p.length; k++) {
                // Random biases and slopes too, so every parameter is exercised.
                p[k] = rng.uniform(-1, 1);
            }
            this.inputs = new double[rows * inputs];
            for (int k = 0; k < this.inputs.length; k++) {
                this.inputs[k] = rng.uniform(-2, 2);
            }
            labels = new int[rows];
            targets = new double[rows];
            index = new int[rows];
            for (int r = 0; r < rows; r++) {
                labels[r] = rng.nextInt(loss == OutputLoss.BINARY_CROSS_ENTROPY ? 2 : outputs);
                targets[r] = rng.uniform(-1, 1);
                index[r] = r;
            }
        }

        /** Mean data loss + λ R(W); with {@code backward}, leaves its gradient in the network. */
        double total(boolean backward) {
            int width = network.inputs();
            double sum = 0;
            if (backward) {
                network.zeroGradients();
            }
            for (int start = 0; start < rows; start += Network.CHUNK_ROWS) {
                int count = Math.min(Network.CHUNK_ROWS, rows - start);
                System.arraycopy(inputs, start * width, network.input(), 0, count * width);
                network.forward(count);
                sum += Losses.batchLossAndGradient(
                        loss,
                        network.output(),
                        count,
                        network.outputs(),
                        labels,
                        targets,
                        index,
                        start,
                        network.outputGradient(),
                        1.0 / rows);
                if (backward) {
                    network.backward(count);
                }
            }
            if (backward) {
                network.addRegularizationGradient(reg, lambda);
            }
            return sum / rows + lambda * network.regularization(reg);
        }

        /** True when some pre-activation is within {@code margin} of a kink (checks there are meaningless). */
        boolean nearKink(double margin) {
            int width = network.inputs();
            for (int start = 0; start < rows; start += Network.CHUNK_ROWS) {
                int count = Math.min(Network.CHUNK_ROWS, rows - start);
                System.arraycopy(inputs, start * width, network.input(), 0, count * width);
                network.forward(count);
                for (int l = 0; l < network.layerCount(); l++) {
                    Layer layer = network.layer(l);
                    double[] z = layer.preActivations();
                    for (int k = 0; k < count * layer.preUnits(); k++) {
                        double v = z[k];
                        if (Math.abs(v) < margin || Math.abs(v - 3) < margin || Math.abs(v + 3) < margin) {
                            return true;
                        }
                        if (layer instanceof MaxoutLayer && k % 2 == 0 && Math.abs(v - z[k + 1]) < margin) {
                            return true;
                        }
                        if (layer.composition() != null && nearTie(layer.composition(), v, margin)) {
                            return true;
                        }
                    }
                }
                if (loss == OutputLoss.MULTICLASS_HINGE) {
                    double[] s = network.output();
                    for (int r = 0; r < count; r++) {
                        int y = labels[start + r];
                        for (int j = 0; j < network.outputs(); j++) {
                            if (j != y
                                    && Math.abs(s[r * network.outputs() + j] - s[r * network.outputs() + y] + 1)
                                            < margin) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }

        /** True when b is max, min or exp(-β|x1-x2|) and u1(z), u2(z) are within margin (b's kink). */
        private static boolean nearTie(Composition c, double z, double margin) {
            if (c.b() != BinaryFn.MAX && c.b() != BinaryFn.MIN && c.b() != BinaryFn.EXPABSDIFF) {
                return false;
            }
            double x1 = UnaryFunctions.value(c.u1(), c.beta(), z);
            double x2 = UnaryFunctions.value(c.u2(), c.beta(), z);
            return Math.abs(x1 - x2) < margin;
        }

        /** Largest relative error between backprop and central differences over all parameters. */
        double worstRelativeError() {
            total(true);
            double[] analytic = network.gradients().clone();
            double[] p = network.parameters();
            double worst = 0;
            for (int k = 0; k < p.length; k++) {
                double keep = p[k];
                p[k] = keep + H;
                double plus = total(false);
                p[k] = keep - H;
                double minus = total(false);
                p[k] = keep;
                double numeric = (plus - minus) / (2 * H);
                // Relative error, with an absolute floor for gradients that are (near) 0, where the
                // central difference is only rounding noise (~1e-11).
                double error =
                        Math.abs(numeric - analytic[k]) / Math.max(1e-4, Math.abs(numeric) + Math.abs(analytic[k]));
                worst = Math.max(worst, error);
            }
            return worst;
        }
    }

    /** The first case (over seeds) with no pre-activation near a kink. */
    private static Case awayFromKinks(
            List<LayerSpec> hidden, OutputLoss loss, int rows, RegularizationKind reg, double lambda) {
        for (long seed = 1; seed < 500; seed++) {
            Case c = new Case(hidden, loss, rows, reg, lambda, seed);
            if (!c.nearKink(1e-3) && !(reg == RegularizationKind.L1 && nearZeroWeight(c.network, 1e-3))) {
                return c;
            }
        }
        throw new AssertionError("no seed without kinks for " + hidden + " " + loss);
    }

    private static boolean nearZeroWeight(Network network, double margin) {
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            for (int k = 0; k < layer.weightCount(); k++) {
                if (Math.abs(network.parameters()[layer.weightOffset() + k]) < margin) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void everyActivationAndLayerKind() {
        for (Activation activation : Activation.builtIns()) {
            List<LayerSpec> hidden = List.of(new LayerSpec(4, activation));
            Case c = awayFromKinks(hidden, OutputLoss.SOFTMAX_CROSS_ENTROPY, 6, RegularizationKind.NONE, 0);
            double error = c.worstRelativeError();
            assertTrue(error < 1e-6, activation + ": relative error " + error);
        }
    }

    /** Composed activations, one per binary function, with smooth and kinked unary parts. */
    static final String[] COMPOSED = {
        "add_softplus_erf", "mul_x_sigmoid", "sub_cosh_gauss", "div_sinh_exp", "max_tanh_bx_0.5",
        "min_asinh_cube", "sigmul_bx_x_1.5", "gaussdiff_sin_x_0.7", "expabsdiff_sinc_xpb_-0.4", "mix_tanh_atan_0.3",
        "mul_sq_logabs", "add_abs_relu", "sub_min0_cos", "max_neg_beta_0.2",
    };

    @Test
    void composedActivationsInWholeNetworks() {
        for (String name : COMPOSED) {
            Composition composition = Composition.parse(name).composition();
            List<LayerSpec> hidden = List.of(new LayerSpec(4, composition), new LayerSpec(3, Activation.TANH));
            Case c = awayFromKinks(hidden, OutputLoss.SOFTMAX_CROSS_ENTROPY, 6, RegularizationKind.L2, 0.01);
            double error = c.worstRelativeError();
            assertTrue(error < 1e-6, name + ": relative error " + error);
        }
        List<LayerSpec> deep = List.of(
                new LayerSpec(5, Composition.parse("mix_tanh_atan_0.3").composition()),
                new LayerSpec(3, Activation.MAXOUT),
                new LayerSpec(4, Composition.swish(0.8)));
        Case big = awayFromKinks(
                deep, OutputLoss.SQUARED_ERROR_ONE_HOT, Network.CHUNK_ROWS + 5, RegularizationKind.NONE, 0);
        assertTrue(big.worstRelativeError() < 1e-6);
    }

    @Test
    void everyLoss() {
        for (OutputLoss loss : OutputLoss.values()) {
            List<LayerSpec> hidden = List.of(new LayerSpec(5, Activation.TANH));
            Case c = awayFromKinks(hidden, loss, 7, RegularizationKind.NONE, 0);
            double error = c.worstRelativeError();
            assertTrue(error < 1e-6, loss + ": relative error " + error);
        }
    }

    @Test
    void regularizers() {
        for (RegularizationKind reg : RegularizationKind.values()) {
            List<LayerSpec> hidden = List.of(new LayerSpec(4, Activation.SIGMOID));
            Case c = awayFromKinks(hidden, OutputLoss.SOFTMAX_CROSS_ENTROPY, 5, reg, 0.3);
            double error = c.worstRelativeError();
            assertTrue(error < 1e-6, reg + ": relative error " + error);
        }
    }

    @Test
    void deepMixedNetworksAndBatchesLargerThanAChunk() {
        List<LayerSpec> hidden = List.of(
                new LayerSpec(6, Activation.PRELU),
                new LayerSpec(3, Activation.MAXOUT),
                new LayerSpec(5, Activation.GELU),
                new LayerSpec(4, Activation.ELU));
        Case c = awayFromKinks(hidden, OutputLoss.SOFTMAX_CROSS_ENTROPY, 9, RegularizationKind.L2, 0.01);
        assertTrue(c.worstRelativeError() < 1e-6);
        List<LayerSpec> smooth = List.of(new LayerSpec(5, Activation.TANH), new LayerSpec(5, Activation.SWISH));
        Case big = new Case(
                smooth, OutputLoss.SQUARED_ERROR_ONE_HOT, 2 * Network.CHUNK_ROWS + 9, RegularizationKind.NONE, 0, 3);
        assertTrue(big.worstRelativeError() < 1e-6);
    }

    @Test
    void noHiddenLayer() {
        Case c = awayFromKinks(List.of(), OutputLoss.MULTICLASS_HINGE, 8, RegularizationKind.L1, 0.05);
        assertTrue(c.worstRelativeError() < 1e-6);
    }

    @Test
    void layoutIsLayerByLayerWeightsBiasesExtras() {
        Network network =
                new Network(2, List.of(new LayerSpec(3, Activation.PRELU), new LayerSpec(2, Activation.MAXOUT)), 2);
        assertEquals(0, network.layer(0).weightOffset());
        assertEquals(6, network.layer(0).biasOffset());
        assertEquals(9, network.layer(0).extraOffset());
        assertEquals(3, network.layer(0).extraCount());
        assertEquals(12, network.layer(1).weightOffset());
        assertEquals(4 * 3, network.layer(1).weightCount());
        assertEquals(24, network.layer(1).biasOffset());
        assertEquals(28, network.layer(2).weightOffset());
        assertEquals(28 + 4 + 2, network.parameters().length);
        network.initialize(InitKind.HE, new Rng(1));
        for (int j = 0; j < 3; j++) {
            assertEquals(0.25, network.parameters()[9 + j]);
            assertEquals(0, network.parameters()[6 + j]);
        }
    }

    @Test
    void initializersHaveTheirStatedSpread() {
        Network network = new Network(30, List.of(new LayerSpec(32, Activation.RELU)), 2);
        for (InitKind init : InitKind.values()) {
            network.initialize(init, new Rng(9));
            double[] p = network.parameters();
            int count = 32 * 30;
            double sum = 0;
            double sumSquares = 0;
            double max = 0;
            for (int k = 0; k < count; k++) {
                sum += p[k];
                sumSquares += p[k] * p[k];
                max = Math.max(max, Math.abs(p[k]));
            }
            double variance = sumSquares / count - (sum / count) * (sum / count);
            double expected = init == InitKind.HE ? 2.0 / 30 : init == InitKind.XAVIER ? 2.0 / 62 : 1.0 / 12;
            assertEquals(expected, variance, 0.12 * expected, init.key());
            if (init == InitKind.UNIFORM) {
                assertTrue(max <= 0.5);
            }
            for (int o = 0; o < 32; o++) {
                assertEquals(0, p[count + o]);
            }
        }
    }
}
