package backprop.engine.nn;

import backprop.engine.spec.Activation;

/**
 * Maxout (Goodfellow et al., 2013) with k = 2 pieces: a_j = max(w_{2j}·x + b_{2j},
 * w_{2j+1}·x + b_{2j+1}). Weight row 2j + p is piece p of unit j, so the layer has twice the
 * weights of a dense one. The gradient flows to the winning piece only; on a tie piece 0 wins.
 * With {@code :bn} each piece is normalized on its own before the max.
 */
public final class MaxoutLayer extends Layer {
    /** Pieces per unit. */
    public static final int PIECES = 2;

    MaxoutLayer(int inputs, int units, int offset, int rows, int runningOffset) {
        super(inputs, units, PIECES * units, Activation.MAXOUT, offset, 0, rows, runningOffset);
    }

    @Override
    void forward(double[] params, double[] running, double[] input, int rows, boolean training) {
        preActivate(params, running, input, rows, training);
        for (int b = 0; b < rows; b++) {
            int zRow = b * preUnits;
            int aRow = b * units;
            for (int j = 0; j < units; j++) {
                double first = preActivation[zRow + 2 * j];
                double second = preActivation[zRow + 2 * j + 1];
                activationValues[aRow + j] = first >= second ? first : second;
            }
        }
    }

    @Override
    void backward(
            double[] params,
            double[] grads,
            double[] input,
            double[] dActivation,
            double[] dPre,
            double[] dInput,
            int rows) {
        for (int b = 0; b < rows; b++) {
            int zRow = b * preUnits;
            int aRow = b * units;
            for (int j = 0; j < units; j++) {
                double da = dActivation[aRow + j];
                boolean firstWins = preActivation[zRow + 2 * j] >= preActivation[zRow + 2 * j + 1];
                dPre[zRow + 2 * j] = firstWins ? da : 0;
                dPre[zRow + 2 * j + 1] = firstWins ? 0 : da;
            }
        }
        backwardThroughAffine(params, grads, input, dPre, dPre, dInput, rows);
    }
}
