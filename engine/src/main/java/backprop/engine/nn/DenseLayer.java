package backprop.engine.nn;

import backprop.engine.math.Rng;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import backprop.engine.spec.InitKind;

/**
 * A fully connected layer a = f(W x + b) with an element-wise activation. For PReLU the layer
 * owns one learned slope per unit (starting at 0.25): f(z) = z for z > 0, slope · z otherwise,
 * and dLoss/dslope = Σ_rows dLoss/da · z over rows with z <= 0. A composed activation
 * evaluates its {@link Composition} through {@link ComposedActivation}.
 */
public final class DenseLayer extends Layer {
    /** The composed activation's parts, null unless the activation is composed. */
    private final Composition composition;

    DenseLayer(int inputs, int units, Activation activation, int offset, int rows) {
        this(inputs, units, activation, null, offset, rows, -1);
    }

    /** With {@code runningOffset} >= 0 the layer is batch-normalized (see {@link Layer}). */
    DenseLayer(
            int inputs,
            int units,
            Activation activation,
            Composition composition,
            int offset,
            int rows,
            int runningOffset) {
        super(
                inputs,
                units,
                units,
                activation,
                offset,
                activation == Activation.PRELU ? units : 0,
                rows,
                runningOffset);
        if (activation == Activation.MAXOUT) {
            throw new IllegalArgumentException("maxout is a layer kind of its own, not a dense activation");
        }
        if ((activation == Activation.COMPOSED) != (composition != null)) {
            throw new IllegalArgumentException("a composed activation needs its composition (and only it has one), got "
                    + activation + " with " + composition);
        }
        this.composition = composition;
    }

    @Override
    public Composition composition() {
        return composition;
    }

    @Override
    void forward(double[] params, double[] running, double[] input, int rows, boolean training) {
        preActivate(params, running, input, rows, training);
        if (activation == Activation.PRELU) {
            for (int b = 0; b < rows; b++) {
                int row = b * units;
                for (int j = 0; j < units; j++) {
                    double z = preActivation[row + j];
                    activationValues[row + j] = z > 0 ? z : params[extraOffset + j] * z;
                }
            }
        } else if (composition != null) {
            ComposedActivation.forward(composition, preActivation, activationValues, rows * units);
        } else {
            Activations.forward(activation, preActivation, activationValues, rows * units);
        }
    }

    @Override
    void backward(
            double[] params,
            double[] grads,
            double[] input,
            double[] dActivation,
            double[] dPre,
            double[] dInput,
            int rows) {
        double[] dz;
        if (activation == Activation.LINEAR) {
            dz = dActivation;
        } else if (activation == Activation.PRELU) {
            dz = dPre;
            for (int b = 0; b < rows; b++) {
                int row = b * units;
                for (int j = 0; j < units; j++) {
                    double z = preActivation[row + j];
                    double da = dActivation[row + j];
                    if (z > 0) {
                        dz[row + j] = da;
                    } else {
                        dz[row + j] = params[extraOffset + j] * da;
                        grads[extraOffset + j] += da * z;
                    }
                }
            }
        } else if (composition != null) {
            dz = dPre;
            ComposedActivation.backward(composition, preActivation, dActivation, dz, rows * units);
        } else {
            dz = dPre;
            Activations.backward(activation, preActivation, activationValues, dActivation, dz, rows * units);
        }
        backwardThroughAffine(params, grads, input, dz, dPre, dInput, rows);
    }

    @Override
    void initialize(double[] params, InitKind init, Rng rng) {
        super.initialize(params, init, rng);
        for (int j = 0; j < extraCount; j++) {
            params[extraOffset + j] = Activations.PRELU_INITIAL_SLOPE;
        }
    }
}
