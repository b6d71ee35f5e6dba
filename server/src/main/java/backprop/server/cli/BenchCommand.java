package backprop.server.cli;

import backprop.engine.bench.BenchSize;
import backprop.engine.bench.Benchmarks;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench [workload [network]] [--quick]}: runs the engine's benchmark workloads on this JVM
 * (all, or the one named) and prints one JSON object per workload, e.g.
 * {@code {"workload":"seed","seconds":2.1,...}}. Progress goes to stderr, so stdout holds only
 * the JSON lines. {@code --quick} is a smoke run whose figures mean nothing (for tests).
 * {@code bench playground 32:maxout,32:maxout} (a {@code layers} value, or spec keys such as
 * {@code layers=16:relu&n=2000}) trains that network instead of the default one
 * ({@link Benchmarks#playgroundSpec}), as {@code /bench?workload=playground&network=...} does.
 */
public final class BenchCommand {
    private BenchCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream progress) {
        List<String> workloads = new ArrayList<>();
        String network = null;
        BenchSize size = BenchSize.FULL;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                size = BenchSize.QUICK;
            } else if (arg.startsWith("--")) {
                throw new UsageException(
                        "bench: unknown option \"" + arg + "\"; usage: bench [workload [network]] [--quick]");
            } else if (workloads.size() == 1
                    && workloads.get(0).equals(Benchmarks.PLAYGROUND)
                    && network == null
                    && !Benchmarks.isWorkload(arg)) {
                network = arg;
            } else if (!Benchmarks.isWorkload(arg)) {
                throw new UsageException("bench: unknown workload \"" + arg + "\"; workloads: "
                        + String.join(", ", Benchmarks.WORKLOADS));
            } else if (!workloads.isEmpty()) {
                throw new UsageException(
                        "bench: one workload or none (all), got \"" + workloads.get(0) + "\" and \"" + arg + "\"");
            } else {
                workloads.add(arg);
            }
        }
        if (workloads.isEmpty()) {
            workloads.addAll(Benchmarks.WORKLOADS);
        }
        if (network != null) {
            try {
                Benchmarks.playgroundSpec(network);
            } catch (RuntimeException e) {
                throw new UsageException(
                        "bench: network \"" + network + "\" is not a valid experiment: " + e.getMessage());
            }
        }
        for (String workload : workloads) {
            progress.println("bench: running " + workload + describe(workload, size) + " ...");
            progress.flush();
            out.println(Benchmarks.run(workload, size, () -> System.nanoTime() / 1e6, network));
            out.flush();
        }
        return 0;
    }

    private static String describe(String workload, BenchSize size) {
        if (workload.equals(Benchmarks.SEED)) {
            return " (a warm-up of " + size.seedWarmup() + " iterations, then " + size.seedRepeats() + " timed runs of "
                    + size.seedIterations() + ")";
        }
        return " (" + (int) size.playgroundWarmupMs() + " ms warm-up, then " + size.playgroundWindows() + " windows of "
                + (int) size.playgroundWindowMs() + " ms)";
    }
}
