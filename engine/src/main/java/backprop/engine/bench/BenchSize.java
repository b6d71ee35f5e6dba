package backprop.engine.bench;

/**
 * How long the workloads run. {@link #FULL} is the benchmark as the issue defines it; {@link #QUICK}
 * is a smoke run (tests, the page's {@code size=quick}) whose figures mean nothing.
 *
 * @param seedIterations     iterations of each timed {@code seed} run (2000 in the numpy script)
 * @param seedRepeats        timed {@code seed} runs; the median is reported
 * @param seedWarmup         iterations of the untimed warm-up run (50 in the numpy script)
 * @param playgroundWarmupMs untimed training before the {@code playground} windows
 * @param playgroundWindowMs length of each timed {@code playground} window
 * @param playgroundWindows  timed windows; the median rate is reported
 */
public record BenchSize(
        int seedIterations,
        int seedRepeats,
        int seedWarmup,
        double playgroundWarmupMs,
        double playgroundWindowMs,
        int playgroundWindows) {
    public static final BenchSize FULL = new BenchSize(2000, 3, 50, 1000, 1000, 5);
    public static final BenchSize QUICK = new BenchSize(20, 1, 2, 20, 50, 1);

    public BenchSize {
        if (seedIterations < 1
                || seedRepeats < 1
                || seedWarmup < 0
                || playgroundWindows < 1
                || !(playgroundWarmupMs >= 0)
                || !(playgroundWindowMs > 0)) {
            throw new IllegalArgumentException("benchmark sizes must be positive, got " + seedIterations
                    + " iterations, " + seedRepeats + " repeats, " + seedWarmup + " warm-up iterations, "
                    + playgroundWarmupMs + " ms warm-up, " + playgroundWindows + " windows of " + playgroundWindowMs
                    + " ms");
        }
    }
}
