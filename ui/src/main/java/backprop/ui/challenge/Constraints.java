package backprop.ui.challenge;

import backprop.engine.spec.Feature;
import java.util.List;

/**
 * Limits on what a student's network may be; {@link #NONE} (-1) leaves a limit out, an empty
 * {@code features} allows every feature.
 *
 * @param maxHiddenLayers most hidden layers (0..8)
 * @param maxUnitsPerLayer most units in any hidden layer (1..32)
 * @param maxTotalUnits most hidden units in all (1..256)
 * @param maxEpochs most epochs trained (1..{@link Goal#MAX_BY_EPOCH})
 * @param features the input features allowed
 * @param maxPoints most data points ({@code n}, or the points drawn)
 */
public record Constraints(
        int maxHiddenLayers,
        int maxUnitsPerLayer,
        int maxTotalUnits,
        int maxEpochs,
        List<Feature> features,
        int maxPoints) {
    public static final int NONE = -1;
    public static final int MAX_TOTAL_UNITS = 256;

    public Constraints {
        features = List.copyOf(features);
    }

    /** No limit at all. */
    public static Constraints none() {
        return new Constraints(NONE, NONE, NONE, NONE, List.of(), NONE);
    }

    public boolean limitsFeatures() {
        return !features.isEmpty();
    }
}
