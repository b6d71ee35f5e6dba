package backprop.ui.activations;

import java.util.ArrayList;
import java.util.List;

/**
 * The race in words: how many epochs and how much training time each run needed to reach the
 * target loss, and, with ReLU in the race, the measured ratio against it, next to the lecture's
 * "about 6x faster than sigmoid/tanh". A run that has not reached the target gives a lower
 * bound ("more than 2.8x"), never a guess.
 */
public final class RaceVerdict {
    private RaceVerdict() {}

    /** One sentence per run (ReLU first when present), then the lecture's claim beside them. */
    public static List<String> describe(Race race) {
        List<String> lines = new ArrayList<>();
        String target = Digits.significant(race.settings().targetLoss(), 4);
        RaceRun reference = race.run("relu");
        if (reference != null) {
            lines.add(alone(reference, target, race.settings().maxEpochs()));
        }
        boolean lectureCompared = false;
        for (RaceRun run : race.runs()) {
            if (run == reference) {
                continue;
            }
            if (reference == null) {
                lines.add(alone(run, target, race.settings().maxEpochs()));
                continue;
            }
            String comparison =
                    compared(run, reference, run.epoch() >= race.settings().maxEpochs() || run.diverged());
            lines.add(alone(run, target, race.settings().maxEpochs()) + (comparison.isEmpty() ? "" : " " + comparison));
            if (run.activation().equals("sigmoid") || run.activation().equals("tanh")) {
                lectureCompared = true;
            }
        }
        if (race.settings().seeds() > 1) {
            for (String name : race.settings().activations()) {
                lines.add(SeedSpread.describe(
                        name, race.seedRuns(name), race.settings().maxEpochs()));
            }
            String ratio = SeedSpread.medianRatio(race);
            if (!ratio.isEmpty()) {
                lines.add(ratio);
            }
        }
        if (lectureCompared) {
            lines.add(
                    "The lecture says ReLU \u201cconverges much faster than sigmoid/tanh in practice (e.g. 6x)\u201d; "
                            + "the lines above are what this experiment measured, in this browser.");
        }
        return lines;
    }

    private static String alone(RaceRun run, String target, int maxEpochs) {
        RunHistory h = run.history();
        if (h.reachedTarget()) {
            return run.activation() + " reached training loss \u2264 " + target + " at epoch " + h.epochsToTarget()
                    + " after " + milliseconds(h.msToTarget()) + " of training.";
        }
        if (run.diverged()) {
            return run.activation() + " diverged at epoch " + run.epoch()
                    + " (the loss became NaN or infinite) before reaching " + target + ".";
        }
        String when = run.epoch() >= maxEpochs ? "did not reach" : "has not yet reached";
        return run.activation() + " " + when + " training loss \u2264 " + target + " in " + run.epoch()
                + (run.epoch() == 1 ? " epoch." : " epochs.");
    }

    /** The run against ReLU: epochs and milliseconds, as ratios or lower bounds. */
    static String compared(RaceRun run, RaceRun relu, boolean runFinished) {
        RunHistory h = run.history();
        RunHistory r = relu.history();
        if (!r.reachedTarget()) {
            return "";
        }
        if (r.epochsToTarget() == 0) {
            return "(relu started below the target: choose a lower target loss to compare.)";
        }
        if (h.reachedTarget()) {
            double epochs = (double) h.epochsToTarget() / r.epochsToTarget();
            double time = h.msToTarget() / r.msToTarget();
            return "ReLU needed " + factor(epochs, "fewer") + " epochs and "
                    + (Double.isNaN(time) || Double.isInfinite(time) || !(r.msToTarget() > 0)
                            ? "an unmeasurably short time"
                            : factor(time, "less") + " time")
                    + " than " + run.activation() + ".";
        }
        double bound = (double) run.epoch() / r.epochsToTarget();
        if (bound <= 1) {
            return "";
        }
        return (runFinished ? "ReLU was" : "So far ReLU is") + " more than " + Digits.significant(bound, 2)
                + "\u00d7 faster in epochs.";
    }

    /** "2.1x fewer", "1.3x more" (for a ratio below 1), "as many" at 1. */
    static String factor(double ratio, String word) {
        if (ratio == 1) {
            return word.equals("fewer") ? "as many" : "as much";
        }
        if (ratio > 1) {
            return Digits.significant(ratio, 2) + "\u00d7 " + word;
        }
        return Digits.significant(1 / ratio, 2) + "\u00d7 more";
    }

    /** "850 ms", "1.2 s". */
    public static String milliseconds(double ms) {
        if (ms != ms) {
            return "\u2013";
        }
        if (ms < 10) {
            return Digits.significant(ms, 2) + " ms";
        }
        return ms < 1000 ? Digits.significant(Math.round(ms), 4) + " ms" : Digits.significant(ms / 1000, 3) + " s";
    }
}
