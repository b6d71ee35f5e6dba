package backprop.ui.activations;

import backprop.ui.playground.FrameLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures what one call of f and of f' costs in the runtime this code runs in: the engine's
 * buffer loops ({@link ActivationCurve#forward}, {@link ActivationCurve#backward}) over
 * {@link #BUFFER} inputs spread over [-6, 6] in scrambled order, repeated until
 * {@link #SLICE_MS} have passed on the clock. One warm-up round, then {@link #ROUNDS} rounds;
 * rounds go through every activation in turn (so a slow-down hits all alike) and the fastest
 * round counts. One piece of work (one activation, one round) per {@link #step()}, so a page
 * calls it once per animation frame and stays responsive.
 */
public final class CostMeter {
    public static final int BUFFER = 4096;
    public static final double SLICE_MS = 8;
    public static final int ROUNDS = 3;

    private final List<ActivationCurve> curves = new ArrayList<>();
    private final FrameLoop.Clock clock;
    private final double sliceMs;
    private final double[] z = new double[BUFFER];
    private final double[] a = new double[BUFFER];
    private final double[] dA = new double[BUFFER];
    private final double[] dZ = new double[BUFFER];
    private final double[] forwardNs;
    private final double[] backwardNs;
    private int done;

    public CostMeter(List<ActivationCurve> all, FrameLoop.Clock clock) {
        this(all, clock, SLICE_MS);
    }

    CostMeter(List<ActivationCurve> all, FrameLoop.Clock clock, double sliceMs) {
        for (ActivationCurve c : all) {
            if (c.elementWise()) {
                curves.add(c);
            }
        }
        this.clock = clock;
        this.sliceMs = sliceMs;
        forwardNs = new double[curves.size()];
        backwardNs = new double[curves.size()];
        Arrays.fill(forwardNs, Double.NaN);
        Arrays.fill(backwardNs, Double.NaN);
        // 0.618... apart modulo 1: every value of [-6, 6) visited, signs mixed, no pattern to predict.
        double u = 0;
        for (int i = 0; i < BUFFER; i++) {
            u += 0.6180339887498949;
            u -= Math.floor(u);
            z[i] = u * 12 - 6;
            dA[i] = 1 - u;
        }
    }

    /** Pieces of work in all: (1 warm-up + {@link #ROUNDS}) x activations. */
    public int total() {
        return (ROUNDS + 1) * curves.size();
    }

    public int progress() {
        return done;
    }

    public boolean finished() {
        return done >= total();
    }

    /** Measures the next (round, activation); returns true when everything is measured. */
    public boolean step() {
        if (finished()) {
            return true;
        }
        int round = done / curves.size();
        int index = done % curves.size();
        ActivationCurve curve = curves.get(index);
        double forward = timeForward(curve);
        double backward = timeBackward(curve);
        if (round > 0) {
            forwardNs[index] = forwardNs[index] != forwardNs[index] ? forward : Math.min(forwardNs[index], forward);
            backwardNs[index] =
                    backwardNs[index] != backwardNs[index] ? backward : Math.min(backwardNs[index], backward);
        }
        done++;
        return finished();
    }

    private double timeForward(ActivationCurve curve) {
        double start = clock.nowMs();
        double now;
        int passes = 0;
        do {
            curve.forward(z, a, BUFFER);
            passes++;
            now = clock.nowMs();
        } while (now - start < sliceMs);
        return (now - start) * 1e6 / ((double) passes * BUFFER);
    }

    private double timeBackward(ActivationCurve curve) {
        curve.forward(z, a, BUFFER);
        double start = clock.nowMs();
        double now;
        int passes = 0;
        do {
            curve.backward(z, a, dA, dZ, BUFFER);
            passes++;
            now = clock.nowMs();
        } while (now - start < sliceMs);
        return (now - start) * 1e6 / ((double) passes * BUFFER);
    }

    private int indexOf(String name) {
        for (int i = 0; i < curves.size(); i++) {
            if (curves.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code name} is measured at all (maxout is not: it has no element-wise call). */
    public boolean measures(String name) {
        return indexOf(name) >= 0;
    }

    /** Nanoseconds per call of f (NaN until measured or for an activation not measured). */
    public double forwardNs(String name) {
        int i = indexOf(name);
        return i < 0 ? Double.NaN : forwardNs[i];
    }

    /** Nanoseconds per call of f' (given f(x) from the forward pass, as training has it). */
    public double backwardNs(String name) {
        int i = indexOf(name);
        return i < 0 ? Double.NaN : backwardNs[i];
    }

    /** The activation costs are relative to: relu, else linear, else the first measured. */
    public String reference() {
        if (indexOf("relu") >= 0) {
            return "relu";
        }
        if (indexOf("linear") >= 0) {
            return "linear";
        }
        return curves.isEmpty() ? null : curves.get(0).name();
    }

    /** f's time per call over the reference's. */
    public double relativeForward(String name) {
        String ref = reference();
        return ref == null ? Double.NaN : forwardNs(name) / forwardNs(ref);
    }

    /** f''s time per call over the reference's. */
    public double relativeBackward(String name) {
        String ref = reference();
        return ref == null ? Double.NaN : backwardNs(name) / backwardNs(ref);
    }
}
