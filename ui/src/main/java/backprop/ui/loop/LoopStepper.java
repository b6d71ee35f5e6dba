package backprop.ui.loop;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.loop.LineResult;
import backprop.engine.loop.LoopLine;
import backprop.engine.loop.NumpyLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * The stepper's state and the one place that changes it: the seed, the loop
 * ({@link NumpyLoop#small}), the line run last, the loss of every iteration so far, and the latest
 * check of each weight's gradient against central differences (made when line 15 or 17 runs).
 */
public final class LoopStepper {
    /** Largest seed, as in the spec. */
    public static final long MAX_SEED = 2147483647L;
    /** Most iterations one click may run. */
    public static final int MAX_ITERATIONS_PER_RUN = 1000;

    private long seed;
    private NumpyLoop loop;
    private LineResult last;
    private final List<Double> losses = new ArrayList<>();
    private double[] numericalW1;
    private double[] numericalW2;
    private double errorW1 = Double.NaN;
    private double errorW2 = Double.NaN;
    private String error;

    public LoopStepper(long seed) {
        setSeed(seed);
    }

    /** A stepper for the seed given as text (as in the address), or seed 1 with the problem in {@link #error()}. */
    public static LoopStepper ofText(String seedText) {
        LoopStepper stepper = new LoopStepper(1);
        if (seedText != null) {
            stepper.setSeedText(seedText);
        }
        return stepper;
    }

    // ---- state ----

    public long seed() {
        return seed;
    }

    public NumpyLoop loop() {
        return loop;
    }

    /** The line run last, or null before the first step and after a reset. */
    public LineResult last() {
        return last;
    }

    /** Loss of iterations 0, 1, ... (line 11 of each), in order. */
    public List<Double> losses() {
        return losses;
    }

    /** The message about the seed typed last, or null. */
    public String error() {
        return error;
    }

    /** Central differences of the loss for w1 (or w2), at the weights of the latest check, or null before it. */
    public double[] numerical(String weights) {
        return weights.equals("w1") ? numericalW1 : numericalW2;
    }

    /** Largest relative error of line 17's grad_w1 (or line 15's grad_w2) against central differences, NaN before. */
    public double largestError(String weights) {
        return weights.equals("w1") ? errorW1 : errorW2;
    }

    // ---- changes ----

    /** Starts over with this seed (0 to {@link #MAX_SEED}). */
    public void setSeed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed: " + seed + " is not allowed; allowed: 0 to " + MAX_SEED);
        }
        this.seed = seed;
        error = null;
        reset();
    }

    /** The seed as typed; a bad one leaves the loop as it is and sets {@link #error()}, naming the field and the range. */
    public void setSeedText(String text) {
        String trimmed = text == null ? "" : text.trim();
        long value = -1;
        if (!trimmed.isEmpty() && trimmed.length() <= 10) {
            value = 0;
            for (int i = 0; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if (c < '0' || c > '9') {
                    value = -1;
                    break;
                }
                value = value * 10 + (c - '0');
            }
        }
        if (value < 0 || value > MAX_SEED) {
            error = "seed: \"" + trimmed + "\" is not allowed; allowed: a whole number from 0 to " + MAX_SEED;
            return;
        }
        setSeed(value);
    }

    /** Back to iteration 0 with the seed's matrices. */
    public void reset() {
        loop = NumpyLoop.small(seed);
        last = null;
        losses.clear();
        numericalW1 = null;
        numericalW2 = null;
        errorW1 = Double.NaN;
        errorW2 = Double.NaN;
    }

    /** Runs the next line. */
    public LineResult step() {
        LoopLine line = loop.nextLine();
        last = loop.step();
        if (line == LoopLine.LOSS) {
            losses.add(loop.loss());
        } else if (line == LoopLine.GRAD_W2) {
            numericalW2 = loop.numericalGradient("w2");
            errorW2 = largestRelativeError(last.values(), numericalW2);
        } else if (line == LoopLine.GRAD_W1) {
            numericalW1 = loop.numericalGradient("w1");
            errorW1 = largestRelativeError(last.values(), numericalW1);
        }
        return last;
    }

    /** Runs lines until the current iteration is complete (the next line is line 9 again). */
    public void finishIteration() {
        do {
            step();
        } while (loop.nextLine() != LoopLine.HIDDEN);
    }

    /** Completes {@code count} iterations (1 to {@link #MAX_ITERATIONS_PER_RUN}), the current one first. */
    public void runIterations(int count) {
        if (count < 1 || count > MAX_ITERATIONS_PER_RUN) {
            throw new IllegalArgumentException(
                    "iterations: " + count + " is not allowed; allowed: 1 to " + MAX_ITERATIONS_PER_RUN);
        }
        for (int k = 0; k < count; k++) {
            finishIteration();
        }
    }

    static double largestRelativeError(double[] analytic, double[] numerical) {
        double worst = 0;
        for (int k = 0; k < analytic.length; k++) {
            worst = Math.max(worst, ExpressionGraph.relativeError(analytic[k], numerical[k]));
        }
        return worst;
    }
}
