package backprop.ui.activations;

import java.util.Arrays;

/**
 * What one race run reported, one entry per reported epoch (epoch 0 before training): training
 * time so far, losses, accuracies, and the fractions of hidden units that are dead or saturated.
 * Answers the race's questions: the first epoch whose training loss is at or below the target,
 * and the training milliseconds it took to get there.
 */
public final class RunHistory {
    private final double targetLoss;
    private int size;
    private int[] epochs = new int[64];
    private double[] trainMs = new double[64];
    private double[] trainLoss = new double[64];
    private double[] testLoss = new double[64];
    private double[] trainAccuracy = new double[64];
    private double[] testAccuracy = new double[64];
    private double[] deadFraction = new double[64];
    private double[] saturatedFraction = new double[64];
    private int[] deadUnits = new int[64];
    private int[] saturatedUnits = new int[64];
    private int[] offUnits = new int[64];
    private int epochsToTarget = -1;
    private double msToTarget = Double.NaN;

    public RunHistory(double targetLoss) {
        if (!(targetLoss > 0) || Double.isInfinite(targetLoss)) {
            throw new IllegalArgumentException("target loss must be a finite number > 0, got " + targetLoss);
        }
        this.targetLoss = targetLoss;
    }

    /**
     * One report. {@code dead} and {@code saturated} count hidden units out of {@code hiddenUnits};
     * {@code off} counts units whose input is at most 0 on every training point (-1 when not
     * measured). Epochs must increase.
     */
    public void record(
            int epoch,
            double ms,
            double lossTrain,
            double lossTest,
            double accuracyTrain,
            double accuracyTest,
            int dead,
            int saturated,
            int off,
            int hiddenUnits) {
        if (size > 0 && epoch <= epochs[size - 1]) {
            throw new IllegalArgumentException("epochs must increase: got " + epoch + " after " + epochs[size - 1]);
        }
        if (hiddenUnits < 1 || dead < 0 || saturated < 0 || dead > hiddenUnits || saturated > hiddenUnits) {
            throw new IllegalArgumentException("dead " + dead + " and saturated " + saturated + " must each be 0.."
                    + hiddenUnits + " hidden units");
        }
        if (size == epochs.length) {
            int n = size * 2;
            epochs = Arrays.copyOf(epochs, n);
            trainMs = Arrays.copyOf(trainMs, n);
            trainLoss = Arrays.copyOf(trainLoss, n);
            testLoss = Arrays.copyOf(testLoss, n);
            trainAccuracy = Arrays.copyOf(trainAccuracy, n);
            testAccuracy = Arrays.copyOf(testAccuracy, n);
            deadFraction = Arrays.copyOf(deadFraction, n);
            saturatedFraction = Arrays.copyOf(saturatedFraction, n);
            deadUnits = Arrays.copyOf(deadUnits, n);
            saturatedUnits = Arrays.copyOf(saturatedUnits, n);
            offUnits = Arrays.copyOf(offUnits, n);
        }
        epochs[size] = epoch;
        trainMs[size] = ms;
        trainLoss[size] = lossTrain;
        testLoss[size] = lossTest;
        trainAccuracy[size] = accuracyTrain;
        testAccuracy[size] = accuracyTest;
        deadFraction[size] = (double) dead / hiddenUnits;
        saturatedFraction[size] = (double) saturated / hiddenUnits;
        deadUnits[size] = dead;
        saturatedUnits[size] = saturated;
        offUnits[size] = off;
        size++;
        if (epochsToTarget < 0 && lossTrain <= targetLoss) {
            epochsToTarget = epoch;
            msToTarget = ms;
        }
    }

    public double targetLoss() {
        return targetLoss;
    }

    public int size() {
        return size;
    }

    /** The first reported epoch with training loss <= target, or -1 while none has. */
    public int epochsToTarget() {
        return epochsToTarget;
    }

    /** Training milliseconds up to the end of that epoch (reports not counted), NaN while not reached. */
    public double msToTarget() {
        return msToTarget;
    }

    public boolean reachedTarget() {
        return epochsToTarget >= 0;
    }

    public int epoch(int i) {
        return epochs[check(i)];
    }

    public double trainMs(int i) {
        return trainMs[check(i)];
    }

    public double trainLoss(int i) {
        return trainLoss[check(i)];
    }

    public double testLoss(int i) {
        return testLoss[check(i)];
    }

    public double trainAccuracy(int i) {
        return trainAccuracy[check(i)];
    }

    public double testAccuracy(int i) {
        return testAccuracy[check(i)];
    }

    public double deadFraction(int i) {
        return deadFraction[check(i)];
    }

    public double saturatedFraction(int i) {
        return saturatedFraction[check(i)];
    }

    public int deadUnits(int i) {
        return deadUnits[check(i)];
    }

    public int saturatedUnits(int i) {
        return saturatedUnits[check(i)];
    }

    /** Units off on every training point at report i, or -1 when not measured. */
    public int offUnits(int i) {
        return offUnits[check(i)];
    }

    /** The last report's index, -1 before the first. */
    public int last() {
        return size - 1;
    }

    public double peakDeadFraction() {
        return peak(deadFraction);
    }

    public double peakSaturatedFraction() {
        return peak(saturatedFraction);
    }

    public int peakDeadUnits() {
        int best = 0;
        for (int i = 0; i < size; i++) {
            best = Math.max(best, deadUnits[i]);
        }
        return best;
    }

    private double peak(double[] values) {
        double best = 0;
        for (int i = 0; i < size; i++) {
            best = Math.max(best, values[i]);
        }
        return best;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("report " + i + " of " + size);
        }
        return i;
    }
}
