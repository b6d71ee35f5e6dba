package backprop.server.challenges;

import backprop.engine.spec.SpecCodec;
import backprop.ui.challenge.ChallengeRules;
import backprop.ui.challenge.Constraints;
import backprop.ui.challenge.Goal;
import backprop.ui.challenge.GoalMetric;
import java.util.List;
import java.util.Optional;

/**
 * The built-in challenges of {@code /challenges}, from the lecture, each with a reference solution
 * (an attempt that meets the goal, checked by a test, as is that the starting experiment does
 * not). They are ordinary content-addressed challenges, stored the first time someone opens one.
 */
public final class Gallery {
    /** A built-in challenge, and the attempt that solves it at {@code solutionEpoch}. */
    public record Entry(ChallengeContent content, String solution, int solutionEpoch) {
        public String id() {
            return content.id();
        }
    }

    private static final int NONE = Constraints.NONE;

    public static final List<Entry> ENTRIES = List.of(
            new Entry(
                    new ChallengeContent(
                            "XOR with no hidden layer",
                            "XOR cannot be separated by one line in x1 and x2, and without a hidden layer the network"
                                    + " draws exactly one line.\n\nChoose the input features so that it can:"
                                    + " which product of the inputs changes sign across the quadrants?",
                            canonical("v=1&data=xor&seed=3&features=x1,x2&layers=&lr=0.1"),
                            new ChallengeRules(
                                    List.of("data", "seed", "lr"),
                                    new Constraints(0, NONE, NONE, NONE, List.of(), NONE),
                                    new Goal(GoalMetric.TEST_ACCURACY, true, 0.95, 50))),
                    "v=1&data=xor&seed=3&features=x1x2&layers=&lr=0.1",
                    50),
            new Entry(
                    new ChallengeContent(
                            "The circle with one layer of weights",
                            "No hidden layer: the output units see the input features directly."
                                    + " A circle is not a line in x1 and x2, but it is one in other features.",
                            canonical("v=1&data=circle&seed=2&features=x1,x2&layers=&lr=0.1"),
                            new ChallengeRules(
                                    List.of("data", "seed", "noise"),
                                    new Constraints(0, NONE, NONE, NONE, List.of(), NONE),
                                    new Goal(GoalMetric.TEST_ACCURACY, true, 0.95, 30))),
                    "v=1&data=circle&seed=2&features=x1sq,x2sq&layers=&lr=0.1",
                    30),
            new Entry(
                    new ChallengeContent(
                            "Make a sigmoid network train as fast as the ReLU one",
                            "With 8:relu,8:relu this circle reaches a train loss of 0.044 by epoch 30."
                                    + " The sigmoid network below crawls at the same learning rate."
                                    + "\n\nKeep the sigmoid layers and get its train loss to 0.05 by epoch 30:"
                                    + " the optimizer, the learning rate, the batch and the initializer are yours.",
                            canonical("v=1&data=circle&seed=2&layers=8:sigmoid,8:sigmoid&lr=0.03"),
                            new ChallengeRules(
                                    List.of("data", "seed", "layers", "features"),
                                    Constraints.none(),
                                    new Goal(GoalMetric.TRAIN_LOSS, false, 0.05, 30))),
                    "v=1&data=circle&seed=2&layers=8:sigmoid,8:sigmoid&lr=0.03&opt=adam",
                    30),
            new Entry(
                    new ChallengeContent(
                            "A small network for the three-arm spiral",
                            "Reach 95% test accuracy on the three-arm spiral by epoch 200 with at most 24 hidden"
                                    + " units in all. Layers, activations, optimizer and learning rate are yours.",
                            canonical("v=1&data=spiral&classes=3&seed=2&layers=8:tanh,8:tanh"),
                            new ChallengeRules(
                                    List.of("data", "classes", "seed", "n", "noise", "split"),
                                    new Constraints(NONE, NONE, 24, NONE, List.of(), NONE),
                                    new Goal(GoalMetric.TEST_ACCURACY, true, 0.95, 200))),
                    "v=1&data=spiral&classes=3&seed=2&layers=12:tanh,12:tanh&lr=0.01&opt=adam",
                    100));

    private Gallery() {}

    private static String canonical(String spec) {
        return SpecCodec.print(SpecCodec.parseStrict(spec));
    }

    /** The built-in challenge with this id. */
    public static Optional<Entry> find(String id) {
        for (Entry entry : ENTRIES) {
            if (entry.id().equals(id)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
