package backprop.engine.export;

import backprop.engine.train.RandomStreams;

/**
 * The engine's per-epoch order of the training set, in plain Python: SplitMix64
 * ({@link backprop.engine.math.Rng}) seeded with (seed, {@link RandomStreams#SHUFFLE}, epoch),
 * then a Fisher-Yates shuffle whose draws reject above the largest multiple of the bound in 31
 * bits, exactly as the engine draws them. Python integers are unbounded, so every 64-bit step is
 * masked. Exact: the exported run sees its batches in the playground's order.
 */
final class PythonShuffle {
    private PythonShuffle() {}

    /** Defines {@code epoch_order(n, epoch)} for the given seed, at column 0. */
    static void write(PythonCode code, int seed) {
        code.lines(
                "SEED = " + seed,
                "MASK64 = (1 << 64) - 1",
                "GOLDEN_GAMMA = 0x9E3779B97F4A7C15",
                "",
                "",
                "def mix(z):",
                "    \"\"\"The SplitMix64 finaliser, on 64-bit unsigned integers.\"\"\"",
                "    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64",
                "    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64",
                "    return z ^ (z >> 31)",
                "",
                "",
                "def epoch_order(n, epoch):",
                "    \"\"\"The playground's order of the n training points in epoch `epoch` (from 0): a Fisher-Yates",
                "    shuffle drawing from SplitMix64 seeded with (SEED, stream " + RandomStreams.SHUFFLE
                        + ", epoch).\"\"\"",
                "    state = mix(SEED ^ 0x5DEECE66D)",
                "    state = mix(state ^ mix((" + RandomStreams.SHUFFLE + " + GOLDEN_GAMMA) & MASK64))",
                "    state = mix(state ^ mix((epoch + 2 * GOLDEN_GAMMA) & MASK64))",
                "    order = list(range(n))",
                "    for i in range(n - 1, 0, -1):",
                "        limit = 0x7FFFFFFF - 0x7FFFFFFF % (i + 1)  # uniform in 0..i without modulo bias",
                "        while True:",
                "            state = (state + GOLDEN_GAMMA) & MASK64",
                "            r = mix(state) >> 33",
                "            if r < limit:",
                "                break",
                "        j = r % (i + 1)",
                "        order[i], order[j] = order[j], order[i]",
                "    return np.array(order)");
    }
}
