package backprop.ui.text;

import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import backprop.engine.spec.InitKind;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.OptimizerKind;
import backprop.engine.spec.RegularizationKind;

/**
 * What a person reads for each value of the spec's enums: the one home of these words. The
 * server renders the controls from the enums with these labels, so a new value in the engine
 * appears in the page without anyone copying a list.
 */
public final class OptionLabels {
    /** The learning rates offered in the playground (any value from the validator's range is valid in a link). */
    public static final String[] LEARNING_RATES = {
        "0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"
    };
    /** The regularization strengths offered. */
    public static final String[] LAMBDAS = {
        "0", "0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3", "10"
    };

    private OptionLabels() {}

    public static String of(LossKind loss) {
        return switch (loss) {
            case SOFTMAX -> "Softmax + cross-entropy";
            case SVM -> "Multiclass SVM (hinge)";
            case BCE -> "Sigmoid + binary cross-entropy";
            case MSE -> "Squared error";
        };
    }

    public static String of(OptimizerKind opt) {
        return switch (opt) {
            case SGD -> "SGD";
            case MOMENTUM -> "Momentum 0.9";
            case ADAM -> "Adam";
        };
    }

    public static String of(RegularizationKind reg) {
        return switch (reg) {
            case NONE -> "None";
            case L1 -> "L1";
            case L2 -> "L2";
        };
    }

    public static String of(InitKind init) {
        return switch (init) {
            case XAVIER -> "Xavier";
            case HE -> "He";
            case UNIFORM -> "Uniform ±0.5";
        };
    }

    /** The feature as maths: x₁², sin x₂. */
    public static String of(Feature feature) {
        return switch (feature) {
            case X1 -> "x₁";
            case X2 -> "x₂";
            case X1SQ -> "x₁²";
            case X2SQ -> "x₂²";
            case X1X2 -> "x₁x₂";
            case SINX1 -> "sin x₁";
            case SINX2 -> "sin x₂";
        };
    }

    /** The dataset's name under its thumbnail. */
    public static String shortName(DatasetKind data) {
        return switch (data) {
            case CIRCLE -> "Circle";
            case XOR -> "XOR";
            case GAUSS -> "Clusters";
            case SPIRAL -> "Spiral";
            case MOONS -> "Moons";
            case CHECKER -> "Checker";
            case PLANE -> "Plane";
            case MULTIGAUSS -> "Bumps";
            case CUSTOM -> "Your own";
        };
    }

    /** The dataset's full name (its button's accessible name and tooltip). */
    public static String longName(DatasetKind data) {
        return switch (data) {
            case CIRCLE -> "Circle";
            case XOR -> "XOR";
            case GAUSS -> "Gaussian clusters";
            case SPIRAL -> "Spiral";
            case MOONS -> "Moons";
            case CHECKER -> "Checkerboard";
            case PLANE -> "Plane (regression)";
            case MULTIGAUSS -> "Gaussian bumps (regression)";
            case CUSTOM -> "Your own points: click the output";
        };
    }
}
