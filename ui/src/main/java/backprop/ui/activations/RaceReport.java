package backprop.ui.activations;

import backprop.engine.train.Metrics;
import java.util.ArrayList;
import java.util.List;

/**
 * How a race trained in a Web Worker reaches the page: the worker's {@link Race} is read into
 * numbers ({@link #numbers}) and fingerprints ({@link #fingerprints}), and the page's {@link
 * Race#mirror} of the same settings, which does not train, takes them in ({@link #apply}). Each message carries, per
 * run (first seed's runs first, as {@link Race#allRuns}), the epochs reported since the last
 * message and the run's state now: epoch, divergence, training time, metrics, gradient norms and
 * path of local derivatives. The numbers are the worker's own doubles, so the page shows what
 * the run measured bit for bit.
 *
 * <p>Layout per run: {@code k}, then k reports of {@value #ENTRY} numbers (epoch, training ms,
 * train loss, test loss, train accuracy, test accuracy, dead, saturated, off units), then the
 * state: epoch, diverged (1 or 0), training ms, the 5 numbers of {@link Metrics}, {@code g} and g
 * gradient norms, then the path's input, output, {@code s} and s steps of {@value #STEP} numbers.
 */
public final class RaceReport {
    private static final int ENTRY = 9;
    private static final int STEP = 8;

    /** Per run, the reports already sent. */
    private final int[] sent;

    /** Starts from the beginning: the first message carries epoch 0 too, which a {@link Race#mirror} leaves to it. */
    public RaceReport(Race race) {
        sent = new int[race.allRuns().size()];
    }

    /** What {@code race} reported since the last call, and every run's state now. */
    public double[] numbers(Race race) {
        List<RaceRun> runs = race.allRuns();
        int size = 0;
        for (int r = 0; r < runs.size(); r++) {
            RaceRun run = runs.get(r);
            size += 1
                    + ENTRY * (run.history().size() - sent[r])
                    + 9
                    + run.gradientNorms().length
                    + 3
                    + STEP * run.path().steps().size();
        }
        double[] out = new double[size];
        int at = 0;
        for (int r = 0; r < runs.size(); r++) {
            RaceRun run = runs.get(r);
            RunHistory h = run.history();
            out[at++] = h.size() - sent[r];
            for (int i = sent[r]; i < h.size(); i++) {
                out[at++] = h.epoch(i);
                out[at++] = h.trainMs(i);
                out[at++] = h.trainLoss(i);
                out[at++] = h.testLoss(i);
                out[at++] = h.trainAccuracy(i);
                out[at++] = h.testAccuracy(i);
                out[at++] = h.deadUnits(i);
                out[at++] = h.saturatedUnits(i);
                out[at++] = h.offUnits(i);
            }
            sent[r] = h.size();
            out[at++] = run.epoch();
            out[at++] = run.diverged() ? 1 : 0;
            out[at++] = run.trainMs();
            Metrics m = run.metrics();
            out[at++] = m.trainLoss();
            out[at++] = m.testLoss();
            out[at++] = m.trainAccuracy();
            out[at++] = m.testAccuracy();
            out[at++] = m.regularization();
            double[] norms = run.gradientNorms();
            out[at++] = norms.length;
            System.arraycopy(norms, 0, out, at, norms.length);
            at += norms.length;
            PathProduct path = run.path();
            out[at++] = path.input();
            out[at++] = path.output();
            out[at++] = path.steps().size();
            for (PathProduct.Step s : path.steps()) {
                out[at++] = s.layer();
                out[at++] = s.unit();
                out[at++] = s.row();
                out[at++] = s.weight();
                out[at++] = s.preActivation();
                out[at++] = s.derivative();
                out[at++] = s.factor();
                out[at++] = s.product();
            }
        }
        return out;
    }

    /** Every run's fingerprint at its latest report, space-separated, in the order of {@link #numbers}. */
    public static String fingerprints(Race race) {
        StringBuilder out = new StringBuilder();
        for (RaceRun run : race.allRuns()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(run.fingerprint());
        }
        return out.toString();
    }

    /**
     * Takes a message of the race of the same settings into {@code mirror}. Throws when it does
     * not fit the mirror's runs (another race's message).
     */
    public static void apply(Race mirror, double[] numbers, String fingerprints) {
        List<RaceRun> runs = mirror.allRuns();
        String[] prints = fingerprints.split(" ");
        if (prints.length != runs.size()) {
            throw new IllegalArgumentException(
                    "race report: " + prints.length + " runs reported, the race has " + runs.size());
        }
        int at = 0;
        for (int r = 0; r < runs.size(); r++) {
            RaceRun run = runs.get(r);
            int k = (int) numbers[at++];
            for (int i = 0; i < k; i++, at += ENTRY) {
                run.history()
                        .record(
                                (int) numbers[at],
                                numbers[at + 1],
                                numbers[at + 2],
                                numbers[at + 3],
                                numbers[at + 4],
                                numbers[at + 5],
                                (int) numbers[at + 6],
                                (int) numbers[at + 7],
                                (int) numbers[at + 8],
                                run.hiddenUnits());
            }
            int epoch = (int) numbers[at++];
            boolean diverged = numbers[at++] != 0;
            double trainMs = numbers[at++];
            Metrics metrics =
                    new Metrics(numbers[at], numbers[at + 1], numbers[at + 2], numbers[at + 3], numbers[at + 4]);
            at += 5;
            double[] norms = new double[(int) numbers[at++]];
            System.arraycopy(numbers, at, norms, 0, norms.length);
            at += norms.length;
            int input = (int) numbers[at++];
            int output = (int) numbers[at++];
            int count = (int) numbers[at++];
            List<PathProduct.Step> steps = new ArrayList<>(count);
            for (int s = 0; s < count; s++, at += STEP) {
                steps.add(new PathProduct.Step(
                        (int) numbers[at],
                        (int) numbers[at + 1],
                        (int) numbers[at + 2],
                        numbers[at + 3],
                        numbers[at + 4],
                        numbers[at + 5],
                        numbers[at + 6],
                        numbers[at + 7]));
            }
            run.mirror(epoch, diverged, trainMs, metrics, norms, new PathProduct(input, output, steps), prints[r]);
        }
        if (at != numbers.length) {
            throw new IllegalArgumentException(
                    "race report: " + numbers.length + " numbers, the race's runs read " + at);
        }
    }
}
