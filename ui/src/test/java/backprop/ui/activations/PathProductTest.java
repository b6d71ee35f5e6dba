package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import backprop.engine.spec.InitKind;
import backprop.engine.spec.LayerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathProductTest {
    private static final double H = 1e-5;

    private static double sigmoidDerivative(double z) {
        double s = 1 / (1 + Math.exp(-z));
        return s * (1 - s);
    }

    /** 2 -> 2 sigmoid -> 1, weights set by hand. */
    private static Network handNetwork() {
        Network net = new Network(2, List.of(new LayerSpec(2, Activation.SIGMOID)), 1);
        double[] p = net.parameters();
        // layer 1: W = (0.5 -1; 2 0.25), b = (0.1, -0.2); output: w = (1.5, -0.75), b = 0.3
        double[] values = {0.5, -1, 2, 0.25, 0.1, -0.2, 1.5, -0.75, 0.3};
        System.arraycopy(values, 0, p, 0, values.length);
        return net;
    }

    @Test
    void eachFactorIsTheWeightTimesTheActivationsDerivativeWorkedByHand() {
        Network net = handNetwork();
        double[] x = {0.4, -0.6};
        // z1 = 0.5·0.4 − 1·(−0.6) + 0.1 = 0.9; z2 = 2·0.4 + 0.25·(−0.6) − 0.2 = 0.45
        PathProduct path = PathProduct.along(net, x, 0, 1, new int[] {0});
        List<PathProduct.Step> steps = path.steps();
        assertEquals(2, steps.size());
        assertEquals(-1, steps.get(0).weight());
        assertEquals(0.9, steps.get(0).preActivation(), 1e-15);
        assertEquals(sigmoidDerivative(0.9), steps.get(0).derivative(), 1e-15);
        assertEquals(-sigmoidDerivative(0.9), steps.get(0).factor(), 1e-15);
        assertEquals(1.5, steps.get(1).weight());
        assertEquals(1, steps.get(1).derivative());
        assertEquals(1.5, steps.get(1).factor());
        // ∂s/∂x2 along x2 → unit 1 → s = −1 · σ′(0.9) · 1.5 = −0.30825...
        assertEquals(-1.5 * sigmoidDerivative(0.9), path.product(), 1e-15);
        assertEquals(-0.30825046, path.product(), 1e-8);
        assertTrue(steps.get(0).derivative() <= 0.25);
    }

    @Test
    void theStrongestPathHasTheLargestProductOfAllPaths() {
        Network net = handNetwork();
        double[] x = {0.4, -0.6};
        // the four paths: |0.5·σ′(0.9)·1.5| = 0.154, |−1·σ′(0.9)·1.5| = 0.308,
        // |2·σ′(0.45)·(−0.75)| = 0.357, |0.25·σ′(0.45)·(−0.75)| = 0.045
        PathProduct strongest = PathProduct.strongest(net, x, 0);
        assertEquals(0, strongest.input());
        assertEquals(1, strongest.steps().get(0).unit());
        assertEquals(-1.5 * sigmoidDerivative(0.45), strongest.product(), 1e-15);
        assertEquals(-0.35663844, strongest.product(), 1e-8);
    }

    /** Every path from input i to score k; the sum of their products is the whole ∂s_k/∂x_i. */
    private static double sumOverPaths(Network net, double[] x, int k, int i) {
        int hidden = net.layerCount() - 1;
        int[] units = new int[hidden];
        double sum = 0;
        while (true) {
            sum += PathProduct.along(net, x, k, i, units).product();
            int l = hidden - 1;
            while (l >= 0 && ++units[l] == net.layer(l).units()) {
                units[l] = 0;
                l--;
            }
            if (l < 0) {
                return sum;
            }
        }
    }

    private static double score(Network net, double[] x, int k) {
        System.arraycopy(x, 0, net.input(), 0, x.length);
        net.forward(1);
        return net.output()[k];
    }

    private static double centralDifference(Network net, double[] x, int k, int i) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[i] += H;
        minus[i] -= H;
        return (score(net, plus, k) - score(net, minus, k)) / (2 * H);
    }

    private static void assertPathsAddUpToTheGradient(Network net, double[] x) {
        for (int k = 0; k < net.outputs(); k++) {
            for (int i = 0; i < net.inputs(); i++) {
                double paths = sumOverPaths(net, x, k, i);
                double numeric = centralDifference(net, x, k, i);
                assertEquals(numeric, paths, 1e-7 * Math.max(1, Math.abs(numeric)), "∂s" + k + "/∂x" + i);
            }
        }
    }

    @Test
    void theProductsOfAllPathsAddUpToTheCentralDifference() {
        Network net = new Network(
                3,
                List.of(
                        new LayerSpec(4, Activation.TANH),
                        new LayerSpec(3, Activation.SIGMOID),
                        new LayerSpec(3, Activation.ELU)),
                2);
        net.initialize(InitKind.XAVIER, new Rng(7));
        assertPathsAddUpToTheGradient(net, new double[] {0.3, -1.2, 0.8});
    }

    @Test
    void preluMaxoutComposedAndBatchNormLayersFactorInTheirOwnDerivatives() {
        Network net = new Network(
                2,
                List.of(
                        new LayerSpec(3, Activation.PRELU),
                        new LayerSpec(3, Activation.MAXOUT).withBatchNorm(true),
                        new LayerSpec(2, Composition.swish(1.5)).withBatchNorm(true)),
                3);
        net.initialize(InitKind.HE, new Rng(11));
        double[] p = net.parameters();
        Layer prelu = net.layer(0);
        p[prelu.extraOffset()] = 0.4;
        p[prelu.extraOffset() + 1] = -0.3;
        Rng rng = new Rng(3);
        double[] running = net.runningStatistics();
        for (int l = 1; l <= 2; l++) {
            var bn = net.layer(l).batchNorm();
            for (int j = 0; j < bn.width(); j++) {
                p[bn.gammaOffset() + j] = rng.uniform(0.5, 2);
                p[bn.betaOffset() + j] = rng.uniform(-0.5, 0.5);
                running[bn.runningOffset() + j] = rng.uniform(-0.3, 0.3);
                running[bn.runningOffset() + bn.width() + j] = rng.uniform(0.2, 3);
            }
        }
        for (double[] x : new double[][] {{0.7, -0.4}, {-1.1, 0.9}, {0.05, 1.6}}) {
            assertPathsAddUpToTheGradient(net, x);
        }
    }

    /**
     * The path alone: a copy of the network keeps only the path's edges, each path unit's bias set
     * so its pre-activation at the point is unchanged; the copy's ∂s/∂x_i is then the path's share
     * of the chain rule, and the product must equal it.
     */
    @Test
    void theProductIsTheDerivativeOfANetworkThatHasOnlyThePath() {
        List<LayerSpec> layers = List.of(new LayerSpec(5, Activation.SIGMOID), new LayerSpec(4, Activation.SIGMOID));
        Network net = new Network(2, layers, 2);
        net.initialize(InitKind.XAVIER, new Rng(5));
        double[] x = {0.9, -0.35};
        PathProduct path = PathProduct.strongest(net, x, 1);
        // the values entering each path unit, from the full network at x
        double[] entering = new double[path.steps().size()];
        entering[0] = x[path.input()];
        for (int l = 1; l < entering.length; l++) {
            entering[l] = net.layer(l - 1).activations()[path.steps().get(l - 1).unit()];
        }
        double[] z = new double[entering.length];
        for (int l = 0; l < z.length; l++) {
            z[l] = net.layer(l).preActivations()[path.steps().get(l).row()];
        }
        Network alone = new Network(2, layers, 2);
        double[] p = alone.parameters();
        System.arraycopy(net.parameters(), 0, p, 0, p.length);
        int previous = path.input();
        for (int l = 0; l < entering.length; l++) {
            Layer layer = alone.layer(l);
            PathProduct.Step step = path.steps().get(l);
            int rowStart = layer.weightOffset() + step.row() * layer.inputs();
            for (int c = 0; c < layer.inputs(); c++) {
                if (c != previous) {
                    p[rowStart + c] = 0;
                }
            }
            p[layer.biasOffset() + step.row()] = z[l] - p[rowStart + previous] * entering[l];
            previous = step.unit();
        }
        double numeric = centralDifference(alone, x, 1, path.input());
        assertEquals(numeric, path.product(), 1e-9);
        // and sigmoid's factors are small: each carries σ′ ≤ 0.25
        for (int l = 0; l < 2; l++) {
            assertTrue(path.steps().get(l).derivative() <= 0.25);
        }
    }

    @Test
    void theStrongestPathBeatsEveryOtherPath() {
        Network net = new Network(2, List.of(new LayerSpec(4, Activation.RELU), new LayerSpec(3, Activation.TANH)), 1);
        net.initialize(InitKind.HE, new Rng(21));
        double[] x = {-0.5, 1.3};
        double best = Math.abs(PathProduct.strongest(net, x, 0).product());
        for (int i = 0; i < 2; i++) {
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 3; b++) {
                    double other = Math.abs(
                            PathProduct.along(net, x, 0, i, new int[] {a, b}).product());
                    assertTrue(other <= best, "path " + i + "," + a + "," + b);
                }
            }
        }
        assertTrue(best > 0);
    }

    @Test
    void theForwardPassLeavesParametersAndGradientsAlone() {
        Network net = handNetwork();
        double[] before = net.parameters().clone();
        PathProduct.strongest(net, new double[] {1, 2}, 0);
        assertArrayEquals(before, net.parameters());
    }

    @Test
    void badArgumentsNameWhatIsWrong() {
        Network net = handNetwork();
        double[] x = {0.4, -0.6};
        assertEquals(
                "path: output 1 is not allowed; allowed: 0..0",
                assertThrows(IllegalArgumentException.class, () -> PathProduct.strongest(net, x, 1))
                        .getMessage());
        assertEquals(
                "path: unit 2 of hidden layer 1 is not allowed; allowed: 0..1",
                assertThrows(IllegalArgumentException.class, () -> PathProduct.along(net, x, 0, 0, new int[] {2}))
                        .getMessage());
        assertEquals(
                "path: 3 input features given, the network takes 2",
                assertThrows(IllegalArgumentException.class, () -> PathProduct.strongest(net, new double[3], 0))
                        .getMessage());
    }
}
