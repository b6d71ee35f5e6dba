package backprop.engine.bench;

import backprop.engine.math.Rng;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark workloads, the same on the JVM ({@code bench}), in WebAssembly and in JavaScript
 * ({@code /bench}). Each returns one JSON line:
 * <ul>
 * <li>{@code seed}: {@link SeedLoop} as {@code seed_numpy.py} times it: one warm-up run, then
 * timed runs from generators seeded 0, 1, 2...; the median in seconds and the last run's final
 * loss. {@code {"workload":"seed","seconds":2.1,"iterations":2000,"repeats":3,"finalLoss":...}}</li>
 * <li>{@code playground}: the default experiment (spiral, 500 points, 50% train, x1,x2,
 * 8:tanh,8:tanh, softmax, SGD lr 0.03, batch 10) trained by {@link Trainer#stepEpoch()} alone,
 * no metrics or diagnostics; after a warm-up, the median epochs per second over timed windows.
 * {@code {"workload":"playground","epochsPerSecond":9000,"windows":5,"epochs":...}}</li>
 * </ul>
 * The {@code playground} workload takes an optional network argument ({@link #playgroundSpec}):
 * the same measurement for another network or data size, so the page's figures for that network
 * can be set beside the engine's own. Its line then also names the network.
 */
public final class Benchmarks {
    public static final String SEED = "seed";
    public static final String PLAYGROUND = "playground";
    /** Every workload, in the order {@code bench} without a name runs them. */
    public static final List<String> WORKLOADS = List.of(SEED, PLAYGROUND);
    /** The experiment the {@code playground} workload trains (the default one). */
    public static final String PLAYGROUND_SPEC = Spec.DEFAULT_TEXT;

    private Benchmarks() {}

    public static boolean isWorkload(String name) {
        return WORKLOADS.contains(name);
    }

    /** Runs the named workload and returns its JSON line. */
    public static String run(String workload, BenchSize size, Clock clock) {
        return run(workload, size, clock, null);
    }

    /**
     * Runs the named workload; {@code network} (null for none) changes the {@code playground}
     * workload's experiment as {@link #playgroundSpec} says and is refused by {@code seed}.
     */
    public static String run(String workload, BenchSize size, Clock clock, String network) {
        if (SEED.equals(workload)) {
            if (network != null) {
                throw new IllegalArgumentException("network: the seed workload has a fixed network; only " + PLAYGROUND
                        + " takes one, got \"" + network + "\"");
            }
            return seed(size, clock);
        }
        if (PLAYGROUND.equals(workload)) {
            return network == null ? playground(size, clock) : playground(size, clock, network);
        }
        throw new IllegalArgumentException(
                "workload: \"" + workload + "\" is not allowed; allowed: " + String.join(", ", WORKLOADS));
    }

    /** The {@code seed} workload: median seconds of {@code seedRepeats} runs after a warm-up. */
    public static String seed(BenchSize size, Clock clock) {
        SeedLoop.run(size.seedWarmup(), new Rng(1));
        double[] seconds = new double[size.seedRepeats()];
        double loss = Double.NaN;
        for (int r = 0; r < seconds.length; r++) {
            double start = clock.nowMs();
            loss = SeedLoop.run(size.seedIterations(), new Rng(r));
            seconds[r] = (clock.nowMs() - start) / 1000.0;
        }
        return "{\"workload\":\"seed\",\"seconds\":" + Json.number(Json.round(median(seconds), 1e6))
                + ",\"iterations\":" + size.seedIterations() + ",\"repeats\":" + size.seedRepeats()
                + ",\"finalLoss\":" + Json.number(loss) + "}";
    }

    /** The {@code playground} workload: median epochs per second over timed windows after a warm-up. */
    public static String playground(BenchSize size, Clock clock) {
        return playground(SpecCodec.parseStrict(PLAYGROUND_SPEC), size, clock, "");
    }

    /** The {@code playground} workload on the experiment {@link #playgroundSpec}{@code (network)}. */
    public static String playground(BenchSize size, Clock clock, String network) {
        return playground(playgroundSpec(network), size, clock, ",\"network\":\"" + Json.escape(network) + "\"");
    }

    /**
     * The default experiment changed by {@code network}: either a {@code layers} value
     * ({@code 32:maxout,32:maxout}) or spec keys joined by {@code &} ({@code layers=16:relu&n=2000})
     * that replace the default's. Throws {@link backprop.engine.spec.SpecException} for a spec the
     * validator refuses.
     */
    public static Spec playgroundSpec(String network) {
        String[] overrides = (network.indexOf('=') < 0 ? "layers=" + network : network).split("&");
        boolean[] used = new boolean[overrides.length];
        StringBuilder text = new StringBuilder();
        for (String pair : PLAYGROUND_SPEC.split("&")) {
            String key = pair.substring(0, pair.indexOf('=') + 1);
            String value = pair;
            for (int o = 0; o < overrides.length; o++) {
                if (overrides[o].startsWith(key)) {
                    value = overrides[o];
                    used[o] = true;
                }
            }
            text.append(text.length() == 0 ? "" : "&").append(value);
        }
        for (int o = 0; o < overrides.length; o++) {
            if (!used[o]) {
                text.append('&').append(overrides[o]);
            }
        }
        return SpecCodec.parseStrict(text.toString());
    }

    private static String playground(Spec spec, BenchSize size, Clock clock, String networkField) {
        Trainer trainer = new Trainer(spec);
        trainFor(trainer, size.playgroundWarmupMs(), clock);
        double[] rates = new double[size.playgroundWindows()];
        int measuredEpochs = 0;
        for (int w = 0; w < rates.length; w++) {
            int before = trainer.epoch();
            double elapsedMs = trainFor(trainer, size.playgroundWindowMs(), clock);
            int epochs = trainer.epoch() - before;
            measuredEpochs += epochs;
            rates[w] = epochs * 1000.0 / elapsedMs;
        }
        if (trainer.diverged()) {
            throw new IllegalStateException("the playground workload diverged at epoch " + trainer.epoch());
        }
        return "{\"workload\":\"playground\",\"epochsPerSecond\":" + (int) Math.floor(median(rates) + 0.5)
                + ",\"windows\":" + rates.length + ",\"epochs\":" + measuredEpochs + networkField + "}";
    }

    /** Whole epochs until at least {@code ms} have passed (at least one, and a measurable time); returns the time taken. */
    private static double trainFor(Trainer trainer, double ms, Clock clock) {
        double start = clock.nowMs();
        double elapsed;
        do {
            trainer.stepEpoch();
            elapsed = clock.nowMs() - start;
        } while (elapsed < ms || elapsed <= 0);
        return elapsed;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
