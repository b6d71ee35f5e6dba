package backprop.engine.train;

/**
 * Losses and accuracies of the current parameters: the mean data loss on each set (NaN for an
 * empty set, and NaN or infinite when training diverged), the fraction classified right (NaN for
 * regression), and the regularization term λ·R(W) shown beside the loss.
 */
public record Metrics(
        double trainLoss, double testLoss, double trainAccuracy, double testAccuracy, double regularization) {}
