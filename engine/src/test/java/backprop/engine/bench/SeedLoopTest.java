package backprop.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Fdlibm;
import backprop.engine.math.Rng;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link SeedLoop} is the numpy loop of {@code seed_numpy.py}: checked against a plain transcription
 * of it (flat arrays, textbook loops, one line per numpy line) bit for bit, it learns, and a step
 * allocates nothing.
 */
class SeedLoopTest {
    private static final int N = SeedLoop.N;
    private static final int D_IN = SeedLoop.D_IN;
    private static final int H = SeedLoop.H;
    private static final int D_OUT = SeedLoop.D_OUT;

    /** The numpy loop, line by line, on flat row-major arrays; returns the loss of each iteration. */
    private static double[] reference(int iterations, Rng rng) {
        double[] x = gaussian(N * D_IN, rng);
        double[] y = gaussian(N * D_OUT, rng);
        double[] w1 = gaussian(D_IN * H, rng);
        double[] w2 = gaussian(H * D_OUT, rng);
        double[] losses = new double[iterations];
        for (int t = 0; t < iterations; t++) {
            double[] hidden = new double[N * H]; // hidden = 1 / (1 + exp(-x.dot(w1)))
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < H; j++) {
                    double s = 0;
                    for (int p = 0; p < D_IN; p++) {
                        s += x[i * D_IN + p] * w1[p * H + j];
                    }
                    hidden[i * H + j] = Fdlibm.sigmoid(s);
                }
            }
            double[] yPred = new double[N * D_OUT]; // y_pred = hidden.dot(w2)
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < D_OUT; j++) {
                    double s = 0;
                    for (int p = 0; p < H; p++) {
                        s += hidden[i * H + p] * w2[p * D_OUT + j];
                    }
                    yPred[i * D_OUT + j] = s;
                }
            }
            double loss = 0; // loss = np.square(y_pred - y).sum()
            double[] gradYPred = new double[N * D_OUT]; // grad_y_pred = 2.0 * (y_pred - y)
            for (int k = 0; k < N * D_OUT; k++) {
                double e = yPred[k] - y[k];
                loss += e * e;
                gradYPred[k] = 2.0 * e;
            }
            losses[t] = loss;
            double[] gradW2 = new double[H * D_OUT]; // grad_w2 = hidden.T.dot(grad_y_pred)
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < D_OUT; j++) {
                    double s = 0;
                    for (int p = 0; p < N; p++) {
                        s += hidden[p * H + i] * gradYPred[p * D_OUT + j];
                    }
                    gradW2[i * D_OUT + j] = s;
                }
            }
            double[] gradH = new double[N * H]; // grad_hidden = grad_y_pred.dot(w2.T)
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < H; j++) {
                    double s = 0;
                    for (int p = 0; p < D_OUT; p++) {
                        s += gradYPred[i * D_OUT + p] * w2[j * D_OUT + p];
                    }
                    double h = hidden[i * H + j]; // * hidden * (1 - hidden)
                    gradH[i * H + j] = s * h * (1.0 - h);
                }
            }
            double[] gradW1 = new double[D_IN * H]; // grad_w1 = x.T.dot(...)
            for (int i = 0; i < D_IN; i++) {
                for (int j = 0; j < H; j++) {
                    double s = 0;
                    for (int p = 0; p < N; p++) {
                        s += x[p * D_IN + i] * gradH[p * H + j];
                    }
                    gradW1[i * H + j] = s;
                }
            }
            for (int k = 0; k < w1.length; k++) { // w1 -= 1e-4 * grad_w1
                w1[k] -= 1e-4 * gradW1[k];
            }
            for (int k = 0; k < w2.length; k++) { // w2 -= 1e-4 * grad_w2
                w2[k] -= 1e-4 * gradW2[k];
            }
        }
        return losses;
    }

    private static double[] gaussian(int count, Rng rng) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = rng.nextGaussian();
        }
        return values;
    }

    @Test
    void stepsMatchTheNumpyLoopTranscribedBitForBit() {
        int iterations = 4;
        double[] expected = reference(iterations, new Rng(3));
        SeedLoop loop = new SeedLoop(new Rng(3));
        for (int t = 0; t < iterations; t++) {
            assertEquals(
                    Double.doubleToRawLongBits(expected[t]),
                    Double.doubleToRawLongBits(loop.step()),
                    "loss of iteration " + t + ": expected " + expected[t]);
        }
        assertEquals(expected[iterations - 1], SeedLoop.run(iterations, new Rng(3)));
    }

    @Test
    void theLossFalls() {
        SeedLoop loop = new SeedLoop(new Rng(0));
        double first = loop.step();
        double last = first;
        for (int t = 1; t < 300; t++) {
            last = loop.step();
        }
        assertTrue(last < first / 10, "loss went from " + first + " to " + last);
    }

    @Test
    void aStepAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SeedLoop loop = new SeedLoop(new Rng(1));
        for (int t = 0; t < 20; t++) {
            loop.step();
        }
        long id = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(id);
        long before = threads.getThreadAllocatedBytes(id);
        for (int t = 0; t < 20; t++) {
            loop.step();
        }
        assertEquals(0, threads.getThreadAllocatedBytes(id) - before);
    }
}
