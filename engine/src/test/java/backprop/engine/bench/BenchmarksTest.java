package backprop.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The workloads with a fake clock that advances a fixed step per reading, so their lines are
 * exact: shape, median, epochs counted, and the seed's final loss.
 */
class BenchmarksTest {
    /** A clock that moves {@code stepMs} forward each time it is read. */
    private static Clock ticking(double stepMs) {
        double[] now = {0};
        return () -> now[0] += stepMs;
    }

    @Test
    void seedReportsTheMedianSecondsAndTheLastRunsLoss() {
        BenchSize size = new BenchSize(5, 3, 1, 0, 1, 1);
        String line = Benchmarks.run("seed", size, ticking(250));
        // each timed run spans one clock step: 0.25 s
        assertEquals(
                "{\"workload\":\"seed\",\"seconds\":0.25,\"iterations\":5,\"repeats\":3,\"finalLoss\":"
                        + SeedLoop.run(5, new Rng(2)) + "}",
                line);
    }

    @Test
    void playgroundCountsEpochsPerSecondOverItsWindows() {
        // 1 ms per clock reading: each epoch reads the clock once, so a 10 ms window holds 10 epochs
        BenchSize size = new BenchSize(1, 1, 0, 5, 10, 3);
        String line = Benchmarks.run("playground", size, ticking(1));
        Matcher m = Pattern.compile(
                        "\\{\"workload\":\"playground\",\"epochsPerSecond\":(\\d+),\"windows\":3,\"epochs\":(\\d+)}")
                .matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(1000, Integer.parseInt(m.group(1)), line);
        assertEquals(30, Integer.parseInt(m.group(2)), line);
    }

    @Test
    void quickRunsOnARealClockGivePositiveFigures() {
        Clock wall = () -> System.nanoTime() / 1e6;
        String playground = Benchmarks.run("playground", BenchSize.QUICK, wall);
        assertTrue(number(playground, "epochsPerSecond") > 0, playground);
        String seed = Benchmarks.run("seed", BenchSize.QUICK, wall);
        assertTrue(number(seed, "seconds") > 0, seed);
        assertEquals(SeedLoop.run(20, new Rng(0)), number(seed, "finalLoss"), seed);
    }

    private static double number(String line, String key) {
        Matcher m =
                Pattern.compile("\"" + key + "\":(-?[0-9.]+(E-?[0-9]+)?)[,}]").matcher(line);
        assertTrue(m.find(), key + " in " + line);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void unknownWorkloadsAndSizesAreRefusedByName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Benchmarks.run("mnist", BenchSize.QUICK, () -> 0));
        assertEquals("workload: \"mnist\" is not allowed; allowed: seed, playground", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BenchSize(0, 3, 50, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BenchSize(10, 3, 50, 1, 0, 1));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, Benchmarks.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Benchmarks.median(new double[] {4, 1, 3, 2}));
    }
}
