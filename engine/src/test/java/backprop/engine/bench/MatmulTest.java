package backprop.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.math.Rng;
import org.junit.jupiter.api.Test;

/**
 * The blocked, unrolled products give the same bits as the textbook triple loop that adds the
 * terms of each entry one at a time from 0, for shapes that hit every remainder of the unrolling.
 */
class MatmulTest {
    private static final int[][] SHAPES = {
        {1, 1, 1}, {2, 4, 3}, {3, 5, 7}, {5, 9, 2}, {7, 13, 11}, {64, 100, 10}, {6, 1000, 17}
    };

    private static double[][] random(int rows, int cols, Rng rng) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return m;
    }

    /** c[i][j] = Σ_p a(i, p) b(p, j), terms added in order from 0. */
    private interface Entry {
        double at(int i, int p);
    }

    private static double[][] naive(int n, int k, int m, Entry a, Entry b) {
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s += a.at(i, p) * b.at(p, j);
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    private static void assertSameBits(double[][] expected, double[][] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(
                        Double.doubleToRawLongBits(expected[i][j]),
                        Double.doubleToRawLongBits(actual[i][j]),
                        what + " at [" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void productsMatchTheTextbookLoopBitForBit() {
        Rng rng = new Rng(7);
        for (int[] shape : SHAPES) {
            int n = shape[0];
            int k = shape[1];
            int m = shape[2];
            String size = n + "x" + k + "x" + m;

            double[][] a = random(n, k, rng);
            double[][] b = random(k, m, rng);
            double[][] c = random(n, m, rng); // stale contents must be overwritten
            Matmul.multiply(a, b, c);
            assertSameBits(naive(n, k, m, (i, p) -> a[i][p], (p, j) -> b[p][j]), c, "a·b " + size);

            double[][] at = random(k, n, rng);
            double[][] ct = random(n, m, rng);
            Matmul.multiplyTransposeA(at, b, ct);
            assertSameBits(naive(n, k, m, (i, p) -> at[p][i], (p, j) -> b[p][j]), ct, "aᵀ·b " + size);

            double[][] bt = random(m, k, rng);
            double[][] cb = random(n, m, rng);
            Matmul.multiplyTransposeB(a, bt, cb);
            assertSameBits(naive(n, k, m, (i, p) -> a[i][p], (p, j) -> bt[j][p]), cb, "a·bᵀ " + size);
        }
    }
}
