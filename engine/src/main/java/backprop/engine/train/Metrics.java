package backprop.engine.train;

/**
 * Losses and accuracies of the current parameters: the mean data loss on each set (NaN for an
 * empty set, and NaN or infinite when training diverged), the fraction classified right (NaN for
 * regression), and the regularization term λ·R(W) shown beside the loss.
 */
public record Metrics(
        double trainLoss, double testLoss, double trainAccuracy, double testAccuracy, double regularization) {
    /**
     * L = data loss + λR(W): the training loss plus the penalty, the objective gradient descent
     * lowers. The one home of this sum: the playground's "Total L", {@code train}'s
     * {@code totalLoss} and the lab's race all read it here.
     */
    public double totalLoss() {
        return trainLoss + regularization;
    }
}
