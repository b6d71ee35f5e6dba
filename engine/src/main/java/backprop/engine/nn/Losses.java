package backprop.engine.nn;

import backprop.engine.math.Fdlibm;

/**
 * Data losses of one example and their gradients with respect to the scores, plus the batch
 * loop the trainer uses. The loss shown to the user is the mean over examples of these per-example
 * losses; squared error is ½ Σ (s - t)² per example (so its gradient is s - t).
 *
 * <p>Convention at kinks: the hinge counts a margin only when it is strictly positive.
 */
public final class Losses {
    private Losses() {}

    /** L_i for the scores {@code s[offset .. offset + outputs)}, the class {@code label} and the value {@code target}. */
    public static double loss(OutputLoss kind, double[] s, int offset, int outputs, int label, double target) {
        switch (kind) {
            case SOFTMAX_CROSS_ENTROPY: {
                // -log(e^{s_y} / Σ e^{s_j}) = log Σ e^{s_j - m} + m - s_y, m = max s
                double max = max(s, offset, outputs);
                double sum = 0;
                for (int j = 0; j < outputs; j++) {
                    sum += Fdlibm.exp(s[offset + j] - max);
                }
                return Fdlibm.log(sum) + max - s[offset + label];
            }
            case MULTICLASS_HINGE: {
                double correct = s[offset + label];
                double total = 0;
                for (int j = 0; j < outputs; j++) {
                    if (j != label) {
                        double margin = s[offset + j] - correct + 1;
                        if (margin > 0) {
                            total += margin;
                        }
                    }
                }
                return total;
            }
            case BINARY_CROSS_ENTROPY: {
                // -t log σ(z) - (1 - t) log(1 - σ(z)) = max(z, 0) - t z + log(1 + e^{-|z|})
                double z = s[offset];
                double t = label;
                return Math.max(z, 0) - z * t + Fdlibm.log1p(Fdlibm.exp(-Math.abs(z)));
            }
            case SQUARED_ERROR_ONE_HOT: {
                double total = 0;
                for (int j = 0; j < outputs; j++) {
                    double e = j == label ? s[offset + j] - 1 : s[offset + j];
                    total += e * e;
                }
                return 0.5 * total;
            }
            case SQUARED_ERROR_VALUE: {
                double e = s[offset] - target;
                return 0.5 * e * e;
            }
            default:
                throw new IllegalArgumentException("unknown loss " + kind);
        }
    }

    /**
     * Writes scale · dL_i/ds_j into {@code dS[offset + j]} and returns L_i. Softmax: p_j - [j = y];
     * hinge: 1 for each j ≠ y with a positive margin, minus their count at y; binary
     * cross-entropy: σ(z) - t; squared error: s_j - t_j.
     */
    public static double lossAndGradient(
            OutputLoss kind, double[] s, int offset, int outputs, int label, double target, double[] dS, double scale) {
        switch (kind) {
            case SOFTMAX_CROSS_ENTROPY: {
                double max = max(s, offset, outputs);
                double sum = 0;
                for (int j = 0; j < outputs; j++) {
                    double e = Fdlibm.exp(s[offset + j] - max);
                    dS[offset + j] = e;
                    sum += e;
                }
                for (int j = 0; j < outputs; j++) {
                    double p = dS[offset + j] / sum;
                    dS[offset + j] = (j == label ? p - 1 : p) * scale;
                }
                return Fdlibm.log(sum) + max - s[offset + label];
            }
            case MULTICLASS_HINGE: {
                double correct = s[offset + label];
                double total = 0;
                int positive = 0;
                for (int j = 0; j < outputs; j++) {
                    dS[offset + j] = 0;
                    if (j != label) {
                        double margin = s[offset + j] - correct + 1;
                        if (margin > 0) {
                            total += margin;
                            dS[offset + j] = scale;
                            positive++;
                        }
                    }
                }
                dS[offset + label] = -positive * scale;
                return total;
            }
            case BINARY_CROSS_ENTROPY: {
                double z = s[offset];
                double t = label;
                dS[offset] = (Activations.sigmoid(z) - t) * scale;
                return Math.max(z, 0) - z * t + Fdlibm.log1p(Fdlibm.exp(-Math.abs(z)));
            }
            case SQUARED_ERROR_ONE_HOT: {
                double total = 0;
                for (int j = 0; j < outputs; j++) {
                    double e = j == label ? s[offset + j] - 1 : s[offset + j];
                    dS[offset + j] = e * scale;
                    total += e * e;
                }
                return 0.5 * total;
            }
            case SQUARED_ERROR_VALUE: {
                double e = s[offset] - target;
                dS[offset] = e * scale;
                return 0.5 * e * e;
            }
            default:
                throw new IllegalArgumentException("unknown loss " + kind);
        }
    }

    /**
     * Sum of the losses of {@code rows} examples whose scores are rows of {@code s}; example r
     * is data point {@code index[indexStart + r]} (its label and target). Writes scale · dL_i/ds
     * into {@code dS}.
     */
    public static double batchLossAndGradient(
            OutputLoss kind,
            double[] s,
            int rows,
            int outputs,
            int[] labels,
            double[] targets,
            int[] index,
            int indexStart,
            double[] dS,
            double scale) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int point = index[indexStart + r];
            total += lossAndGradient(kind, s, r * outputs, outputs, labels[point], targets[point], dS, scale);
        }
        return total;
    }

    /** The predicted class: score above 0 for binary cross-entropy, else the first largest score. */
    public static int predictedClass(OutputLoss kind, double[] s, int offset, int outputs) {
        if (kind == OutputLoss.BINARY_CROSS_ENTROPY) {
            return s[offset] > 0 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < outputs; j++) {
            if (s[offset + j] > s[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * What the output shows: softmax probabilities, σ(z) for binary cross-entropy, the raw
     * scores otherwise.
     */
    public static void display(OutputLoss kind, double[] s, int offset, int outputs, double[] out, int outOffset) {
        if (kind == OutputLoss.SOFTMAX_CROSS_ENTROPY) {
            double max = max(s, offset, outputs);
            double sum = 0;
            for (int j = 0; j < outputs; j++) {
                double e = Fdlibm.exp(s[offset + j] - max);
                out[outOffset + j] = e;
                sum += e;
            }
            for (int j = 0; j < outputs; j++) {
                out[outOffset + j] = out[outOffset + j] / sum;
            }
        } else if (kind == OutputLoss.BINARY_CROSS_ENTROPY) {
            out[outOffset] = Activations.sigmoid(s[offset]);
        } else {
            System.arraycopy(s, offset, out, outOffset, outputs);
        }
    }

    private static double max(double[] s, int offset, int outputs) {
        double max = s[offset];
        for (int j = 1; j < outputs; j++) {
            max = Math.max(max, s[offset + j]);
        }
        return max;
    }
}
