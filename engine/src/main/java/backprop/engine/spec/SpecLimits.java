package backprop.engine.spec;

/** The ranges of version 1 of the format, for the codec and for controls that offer them. */
public final class SpecLimits {
    /** The format version this code reads and prints. */
    public static final int VERSION = 1;
    /** A spec's text is at most this many bytes (UTF-8; a valid spec is ASCII). */
    public static final int MAX_SPEC_BYTES = 16384;

    public static final int MIN_CLASSES = 2;
    public static final int MAX_CLASSES = 6;
    public static final int MIN_POINTS = 20;
    public static final int MAX_POINTS = 2000;
    public static final int MIN_CUSTOM_POINTS = 1;
    public static final int MAX_CUSTOM_POINTS = 500;
    public static final int MAX_NOISE = 50;
    public static final int MIN_SPLIT = 10;
    public static final int MAX_SPLIT = 90;
    public static final int MAX_SEED = Integer.MAX_VALUE;
    public static final int MAX_LAYERS = 8;
    public static final int MIN_UNITS = 1;
    public static final int MAX_UNITS = 32;
    /** lr lies in (0, MAX_LEARNING_RATE]. */
    public static final double MAX_LEARNING_RATE = 10.0;

    public static final int MIN_BATCH = 1;
    public static final int MAX_BATCH = 2000;
    /** lambda lies in [0, MAX_LAMBDA]. */
    public static final double MAX_LAMBDA = 10.0;
    /** Custom points lie in [-MAX_COORDINATE, MAX_COORDINATE]^2, with at most 2 decimals. */
    public static final double MAX_COORDINATE = Plane.MAX;

    private SpecLimits() {}
}
