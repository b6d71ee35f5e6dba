package backprop.engine.train;

import backprop.engine.nn.Losses;
import backprop.engine.nn.Network;
import backprop.engine.nn.OutputLoss;

/**
 * The mean data loss and the accuracy over one data set (training or test), by one chunked
 * forward pass in test mode. Made once per set; each {@link #run()} allocates nothing.
 */
final class SetEvaluation extends Network.MatrixPass {
    private final Network network;
    private final OutputLoss loss;
    private final int[] labels;
    private final double[] targets;
    private double lossSum;
    private int right;
    private double meanLoss = Double.NaN;
    private double accuracy = Double.NaN;

    SetEvaluation(Network network, OutputLoss loss, double[] featureRows, int width, int[] labels, double[] targets) {
        super(featureRows, width);
        this.network = network;
        this.loss = loss;
        this.labels = labels;
        this.targets = targets;
    }

    /** Evaluates the set at the network's current parameters. */
    void run() {
        int count = labels.length;
        lossSum = 0;
        right = 0;
        network.forwardAll(count, this);
        meanLoss = count == 0 ? Double.NaN : lossSum / count;
        accuracy = count == 0 || !loss.isClassification() ? Double.NaN : (double) right / count;
    }

    @Override
    public void take(int start, int rows) {
        int outputs = network.outputs();
        double[] scores = network.output();
        for (int r = 0; r < rows; r++) {
            int point = start + r;
            lossSum += Losses.loss(loss, scores, r * outputs, outputs, labels[point], targets[point]);
            if (Losses.predictedClass(loss, scores, r * outputs, outputs) == labels[point]) {
                right++;
            }
        }
    }

    /** The mean data loss of the last run; NaN for an empty set. */
    double meanLoss() {
        return meanLoss;
    }

    /** The fraction classified right in the last run; NaN for regression or an empty set. */
    double accuracy() {
        return accuracy;
    }
}
