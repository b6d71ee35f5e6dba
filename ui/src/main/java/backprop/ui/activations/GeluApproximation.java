package backprop.ui.activations;

import backprop.engine.math.Fdlibm;
import backprop.engine.nn.Activations;
import backprop.engine.spec.Activation;

/**
 * GELU's tanh approximation beside the exact form the engine uses (x·Φ(x), Φ through erf):
 * 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), Hendrycks and Gimpel (2016), the form BERT and
 * GPT-2 used. {@link #largestDifference} measures how far apart they are.
 *
 * @param difference the largest |exact − approximation| found
 * @param at where it was found
 */
public record GeluApproximation(double difference, double at) {
    /** The cubic term's coefficient. */
    public static final double CUBIC = 0.044715;

    /** The tanh approximation at x. */
    public static double approximate(double x) {
        double inner = (x + (x * x * x) * CUBIC) * Fdlibm.sqrt(2 / Math.PI);
        return (1 + Fdlibm.tanh(inner)) * x * 0.5;
    }

    /** The largest gap between the exact GELU and the approximation at {@code samples} + 1 points of [from, to]. */
    public static GeluApproximation largestDifference(double from, double to, int samples) {
        if (!(to > from) || samples < 1) {
            throw new IllegalArgumentException(
                    "the range must have from < to and at least 1 sample, got " + from + ", " + to + ", " + samples);
        }
        double worst = 0;
        double at = from;
        for (int i = 0; i <= samples; i++) {
            double x = from + (to - from) * i / samples;
            double d = Math.abs(Activations.value(Activation.GELU, x) - approximate(x));
            if (d > worst) {
                worst = d;
                at = x;
            }
        }
        return new GeluApproximation(worst, at);
    }
}
