package backprop.engine.math;

/**
 * 2^k for every normal exponent, built once by exact doubling and halving. Its own class so that
 * {@link Ieee754}, whose word helpers are on every hot path, has no static initialiser (TeaVM's
 * WebAssembly checks a class's initialisation on each call into it).
 */
final class PowersOfTwo {
    private static final double[] TWO_POW = build();

    private PowersOfTwo() {}

    private static double[] build() {
        double[] table = new double[2046];
        table[1022] = 1.0;
        for (int k = 1; k <= 1023; k++) {
            table[1022 + k] = table[1022 + k - 1] * 2.0;
        }
        for (int k = 1; k <= 1022; k++) {
            table[1022 - k] = table[1022 - k + 1] * 0.5;
        }
        return table;
    }

    /** 2^k, for -1022 <= k <= 1023. */
    static double twoPow(int k) {
        return TWO_POW[k + 1022];
    }
}
