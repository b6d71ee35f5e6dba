package backprop.engine.train;

/**
 * The purposes passed to {@link backprop.engine.math.Rng#derive(long, long, long)}: each
 * draws from its own stream of the spec's seed. Part of the format: changing a number changes
 * every run.
 */
public final class RandomStreams {
    /** The points and the train/test split; index 0. */
    public static final long DATA = 1;
    /** The initial weights; index 0. */
    public static final long WEIGHTS = 2;
    /** The order of epoch k; index k. */
    public static final long SHUFFLE = 3;

    private RandomStreams() {}
}
