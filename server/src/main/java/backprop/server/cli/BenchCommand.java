package backprop.server.cli;


import backprop.engine.bench.BenchSize;
import backprop.engine.bench.Benchmarks;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench [workload] [--quick]}: runs the engine's benchmark workloads on this JVM (all, or
 * the one named) and prints one JSON object per workload, e.g.
 * {@code {"workload":"seed","seconds":2.1,...}}. Progress goes to stderr, so stdout holds only
 * the JSON lines. {@code --quick} is a smoke run whose figures mean nothing (for tests).
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream progress) {
        List<String> workloads = new ArrayList<>();
        BenchSize size = BenchSize.FULL;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                size = BenchSize.QUICK;
            } else if (arg.startsWith("--")) {
                throw new UsageException("bench: unknown option \"" + arg + "\"; usage: bench [workload] [--quick]");
            } else if (!Benchmarks.isWorkload(arg)) {
                throw new UsageException("bench: unknown workload \"" + arg + "\"; workloads: "
                        + String.join(", ", Benchmarks.WORKLOADS));
            } else if (!workloads.isEmpty()) {
                throw new UsageException("bench: one workload or none (all), got \"" + workloads.get(0)
                        + "\" and \"" + arg + "\"");
            } else {
                workloads.add(arg);
            }
        }
        if (workloads.isEmpty()) {
            workloads.addAll(Benchmarks.WORKLOADS);
        }
        for (String workload : workloads) {
            progress.println("bench: running " + workload + describe(workload, size) + " ...");
            progress.flush();
            out.println(Benchmarks.run(workload, size, () -> System.nanoTime() / 1e6));
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
