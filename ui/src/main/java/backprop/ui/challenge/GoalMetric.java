package backprop.ui.challenge;

import backprop.engine.spec.Keyed;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;

/** What a goal measures: a loss or an accuracy on the training or the test set, at an epoch boundary. */
public enum GoalMetric implements Keyed {
    TEST_ACCURACY("testAccuracy", "test accuracy"),
    TEST_LOSS("testLoss", "test loss"),
    TRAIN_ACCURACY("trainAccuracy", "train accuracy"),
    TRAIN_LOSS("trainLoss", "train loss");

    private final String key;
    private final String label;

    GoalMetric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    /** Words for the page: "test accuracy". */
    public String label() {
        return label;
    }

    /** An accuracy (a fraction in [0, 1], classification only) rather than a loss (0 or more). */
    public boolean accuracy() {
        return this == TEST_ACCURACY || this == TRAIN_ACCURACY;
    }

    /** The measured value in {@code metrics} (NaN for a diverged run, or an accuracy of a regression). */
    public double of(Metrics metrics) {
        return switch (this) {
            case TEST_ACCURACY -> metrics.testAccuracy();
            case TEST_LOSS -> metrics.testLoss();
            case TRAIN_ACCURACY -> metrics.trainAccuracy();
            case TRAIN_LOSS -> metrics.trainLoss();
        };
    }

    /** On the test set rather than the training set. */
    public boolean onTestSet() {
        return this == TEST_ACCURACY || this == TEST_LOSS;
    }

    /**
     * The value now in {@code trainer}, evaluating only the set it is taken on: exactly
     * {@code of(trainer.evaluate())}, for half the work.
     */
    public double measure(Trainer trainer) {
        return of(trainer.evaluate(onTestSet()));
    }

    /** Null when no metric has this key. */
    public static GoalMetric fromKey(String key) {
        return Keyed.byKey(values(), key);
    }

    /** "testAccuracy, testLoss, trainAccuracy, trainLoss". */
    public static String allKeys() {
        StringBuilder out = new StringBuilder();
        for (GoalMetric m : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(m.key);
        }
        return out.toString();
    }
}
