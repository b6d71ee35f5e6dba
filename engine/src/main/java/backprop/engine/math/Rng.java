package backprop.engine.math;

/**
 * Seeded random generator: SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014). Pure {@code long} arithmetic, so it gives the same stream
 * on the JVM, in WebAssembly and in JavaScript, unlike the JDK's Random class in TeaVM.
 *
 * <p>Independent streams are derived with {@link #derive(long, long, long)}: the stream for
 * (seed, purpose, index) does not depend on how many numbers any other stream has drawn.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A generator for one purpose (data, weights, shuffle...) and one index (epoch k) of a seed. */
    public static Rng derive(long seed, long purpose, long index) {
        return new Rng(derivedState(seed, purpose, index));
    }

    /**
     * Restarts this generator as the stream {@link #derive(long, long, long)} gives for the same
     * arguments, without allocating (the trainer reuses one generator for every epoch's shuffle).
     */
    public void reseed(long seed, long purpose, long index) {
        state = derivedState(seed, purpose, index);
        spareGaussian = 0;
        hasSpareGaussian = false;
    }

    private static long derivedState(long seed, long purpose, long index) {
        long h = mix(seed ^ 0x5DEECE66DL);
        h = mix(h ^ mix(purpose + GOLDEN_GAMMA));
        return mix(h ^ mix(index + 2 * GOLDEN_GAMMA));
    }

    /** The SplitMix64 finaliser (variant 13 of Stafford's mixers). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound), without modulo bias (rejection on 31 random bits). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int limit = Integer.MAX_VALUE - (Integer.MAX_VALUE % bound);
        while (true) {
            int r = (int) (nextLong() >>> 33);
            if (r < limit) {
                return r % bound;
            }
        }
    }

    /** Standard normal by Marsaglia's polar method: needs only log and sqrt, both deterministic here. */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * Fdlibm.log(s) / s);
        spareGaussian = v * factor;
        hasSpareGaussian = true;
        return u * factor;
    }

    /** Fisher-Yates shuffle of the whole array. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
