package backprop.ui.activations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A race over several seeds in words: for each activation the median epochs to the target and
 * the fastest and slowest seed, and how many seeds have not reached it; with ReLU in the race, the
 * ratio of the medians. One seed can make any activation look fast or slow; the median over a few
 * says whether the lecture's claim holds on this experiment.
 */
public final class SeedSpread {
    private SeedSpread() {}

    /** "sigmoid over 3 seeds: median 41 epochs to the target (fastest 35, slowest 60); 1 of 3 not yet." */
    public static String describe(String name, List<RaceRun> runs, int maxEpochs) {
        List<Integer> reached = epochsToTarget(runs);
        int missing = runs.size() - reached.size();
        StringBuilder line = new StringBuilder(name + " over " + runs.size() + " seeds: ");
        if (reached.isEmpty()) {
            return line.append(
                            finished(runs, maxEpochs)
                                    ? "no seed reached the target"
                                    : "no seed has reached the target yet")
                    .append('.')
                    .toString();
        }
        line.append("median ").append(median(reached)).append(" epochs to the target (fastest ");
        line.append(reached.get(0))
                .append(", slowest ")
                .append(reached.get(reached.size() - 1))
                .append(')');
        if (missing > 0) {
            line.append("; ").append(missing).append(" of ").append(runs.size());
            line.append(finished(runs, maxEpochs) ? " never reached it" : " not yet");
        }
        return line.append('.').toString();
    }

    /** "Median epochs: ReLU needed 3.2x fewer than sigmoid, ..." when ReLU and another reached it on every seed; else "". */
    public static String medianRatio(Race race) {
        List<Integer> relu = epochsToTarget(race.seedRuns("relu"));
        if (relu.isEmpty() || relu.size() < race.settings().seeds()) {
            return "";
        }
        double reluMedian = medianValue(relu);
        if (!(reluMedian > 0)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String name : race.settings().activations()) {
            if (name.equals("relu")) {
                continue;
            }
            List<Integer> other = epochsToTarget(race.seedRuns(name));
            if (other.size() == race.settings().seeds()) {
                parts.add(RaceVerdict.factor(medianValue(other) / reluMedian, "fewer") + " than " + name);
            }
        }
        return parts.isEmpty() ? "" : "Median epochs over the seeds: ReLU needed " + String.join(", ", parts) + ".";
    }

    /** The epochs to the target of the runs that reached it, smallest first. */
    static List<Integer> epochsToTarget(List<RaceRun> runs) {
        List<Integer> reached = new ArrayList<>();
        for (RaceRun run : runs) {
            if (run.history().reachedTarget()) {
                reached.add(run.history().epochsToTarget());
            }
        }
        Collections.sort(reached);
        return reached;
    }

    /** The median of sorted whole numbers, as text: the middle one, or the mean of the two middle ones. */
    static String median(List<Integer> sorted) {
        double m = medianValue(sorted);
        return m == Math.floor(m) ? Integer.toString((int) m) : Digits.significant(m, 4);
    }

    static double medianValue(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static boolean finished(List<RaceRun> runs, int maxEpochs) {
        for (RaceRun run : runs) {
            if (!run.diverged() && run.epoch() < maxEpochs) {
                return false;
            }
        }
        return true;
    }
}
