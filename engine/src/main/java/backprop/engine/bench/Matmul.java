package backprop.engine.bench;

import java.util.Arrays;

/**
 * Dense matrix products on row-major matrices stored as one {@code double[]} per row, written
 * for speed without giving up determinism: every entry is the sum of its terms added one at a
 * time in increasing order of the summed index, starting from 0, whatever the blocking. So the
 * result is the same bits as the textbook triple loop, on every runtime.
 *
 * <p>Why rows and this loop shape: the inner loops run along a row of the result and rows of
 * the right-hand matrix at the same index {@code j}, two result rows and four terms per pass
 * ({@code c = c + a0 b0 + a1 b1 + a2 b2 + a3 b3}, left to right, so still one term at a time).
 * The JVM's loop vectorizer (C2 SuperWord, JDK 17) turns exactly this into vector instructions;
 * on one flat array with row offsets it cannot prove the rows apart and stays scalar (measured
 * about 3 times slower). Each right-hand row loaded serves two result rows, and each result
 * element is read and written once per four terms.
 */
final class Matmul {
    private Matmul() {}

    /** c = a · b with a {@code [n][k]}, b {@code [k][m]}, c {@code [n][m]}. */
    static void multiply(double[][] a, double[][] b, double[][] c) {
        int n = c.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double[] a0 = a[i];
            double[] a1 = a[i + 1];
            double[] c0 = c[i];
            double[] c1 = c[i + 1];
            Arrays.fill(c0, 0.0);
            Arrays.fill(c1, 0.0);
            int k = b.length;
            int p = 0;
            for (; p + 3 < k; p += 4) {
                addFourTerms(
                        c0, c1, a0[p], a0[p + 1], a0[p + 2], a0[p + 3], a1[p], a1[p + 1], a1[p + 2], a1[p + 3], b[p],
                        b[p + 1], b[p + 2], b[p + 3]);
            }
            for (; p < k; p++) {
                addTerm(c0, a0[p], b[p]);
                addTerm(c1, a1[p], b[p]);
            }
        }
        if (i < n) {
            double[] a0 = a[i];
            double[] c0 = c[i];
            Arrays.fill(c0, 0.0);
            for (int p = 0; p < b.length; p++) {
                addTerm(c0, a0[p], b[p]);
            }
        }
    }

    /** c = aᵀ · b with a {@code [k][n]}, b {@code [k][m]}, c {@code [n][m]}: c[i][j] = Σ_p a[p][i] b[p][j]. */
    static void multiplyTransposeA(double[][] a, double[][] b, double[][] c) {
        int n = c.length;
        int k = b.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double[] c0 = c[i];
            double[] c1 = c[i + 1];
            Arrays.fill(c0, 0.0);
            Arrays.fill(c1, 0.0);
            int p = 0;
            for (; p + 3 < k; p += 4) {
                double[] r0 = a[p];
                double[] r1 = a[p + 1];
                double[] r2 = a[p + 2];
                double[] r3 = a[p + 3];
                addFourTerms(
                        c0, c1, r0[i], r1[i], r2[i], r3[i], r0[i + 1], r1[i + 1], r2[i + 1], r3[i + 1], b[p], b[p + 1],
                        b[p + 2], b[p + 3]);
            }
            for (; p < k; p++) {
                addTerm(c0, a[p][i], b[p]);
                addTerm(c1, a[p][i + 1], b[p]);
            }
        }
        if (i < n) {
            double[] c0 = c[i];
            Arrays.fill(c0, 0.0);
            for (int p = 0; p < k; p++) {
                addTerm(c0, a[p][i], b[p]);
            }
        }
    }

    /** c = a · bᵀ with a {@code [n][k]}, b {@code [m][k]}, c {@code [n][m]}: dot products of rows. */
    static void multiplyTransposeB(double[][] a, double[][] b, double[][] c) {
        for (int i = 0; i < c.length; i++) {
            double[] ai = a[i];
            double[] ci = c[i];
            for (int j = 0; j < ci.length; j++) {
                double[] bj = b[j];
                double s = 0.0;
                for (int p = 0; p < ai.length; p++) {
                    s += ai[p] * bj[p];
                }
                ci[j] = s;
            }
        }
    }

    /** c0 += x0 b0 + x1 b1 + x2 b2 + x3 b3 and c1 += y0 b0 + ... + y3 b3, term by term, along the rows. */
    private static void addFourTerms(
            double[] c0,
            double[] c1,
            double x0,
            double x1,
            double x2,
            double x3,
            double y0,
            double y1,
            double y2,
            double y3,
            double[] b0,
            double[] b1,
            double[] b2,
            double[] b3) {
        for (int j = 0; j < c0.length; j++) {
            double u0 = b0[j];
            double u1 = b1[j];
            double u2 = b2[j];
            double u3 = b3[j];
            c0[j] = c0[j] + x0 * u0 + x1 * u1 + x2 * u2 + x3 * u3;
            c1[j] = c1[j] + y0 * u0 + y1 * u1 + y2 * u2 + y3 * u3;
        }
    }

    /** c += x b, along the row. */
    private static void addTerm(double[] c, double x, double[] b) {
        for (int j = 0; j < c.length; j++) {
            c[j] = c[j] + x * b[j];
        }
    }
}
