package backprop.ui.activations;

import backprop.engine.nn.Activations;
import backprop.engine.nn.ComposedActivation;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import java.util.ArrayList;
import java.util.List;

/**
 * The activations the lab knows, by spec name: every built-in {@link Activation} of the engine
 * and every valid composed name ({@link Composition}, e.g. {@code sigmul_bx_x_1}). Maxout has
 * no scalar form; its card plots one example unit, max(x, -x/2) (pieces w1 = 1, b1 = 0 and
 * w2 = -0.5, b2 = 0; ties go to the first piece, as in the engine), the kind of kink a learned
 * maxout unit can form and ReLU cannot.
 */
public final class ActivationCatalog {
    /** Slope of the second piece of the maxout example. */
    public static final double MAXOUT_EXAMPLE_SLOPE = -0.5;

    private ActivationCatalog() {}

    /** Every built-in activation, in the engine's order. */
    public static List<ActivationCurve> builtIns() {
        List<ActivationCurve> all = new ArrayList<>();
        for (Activation kind : Activation.builtIns()) {
            all.add(of(kind));
        }
        return all;
    }

    /** The activation called {@code name} (built-in or composed), or null when there is none. */
    public static ActivationCurve byName(String name) {
        if (Composition.looksComposed(name)) {
            Composition c = Composition.parse(name).composition();
            return c == null ? null : composed(c);
        }
        Activation kind = Activation.fromKey(name);
        return kind == null ? null : of(kind);
    }

    /** A composed activation: {@link ComposedActivation} does all the work, as in training. */
    public static ActivationCurve composed(Composition c) {
        return new ComposedCurve(c);
    }

    static ActivationCurve of(Activation kind) {
        return kind == Activation.MAXOUT ? new MaxoutExample() : new EngineCurve(kind);
    }

    /** An element-wise activation of the engine: {@link Activations} does all the work. */
    private static final class EngineCurve implements ActivationCurve {
        private final Activation kind;

        EngineCurve(Activation kind) {
            this.kind = kind;
        }

        @Override
        public String name() {
            return kind.key();
        }

        @Override
        public double value(double x) {
            return Activations.value(kind, x);
        }

        @Override
        public double derivative(double x) {
            return Activations.derivative(kind, x);
        }

        @Override
        public boolean elementWise() {
            return true;
        }

        @Override
        public void forward(double[] z, double[] a, int count) {
            Activations.forward(kind, z, a, count);
        }

        @Override
        public void backward(double[] z, double[] a, double[] dA, double[] dZ, int count) {
            Activations.backward(kind, z, a, dA, dZ, count);
        }
    }

    /** b(u1(x), u2(x)) as the engine's layers compute it. */
    private static final class ComposedCurve implements ActivationCurve {
        private final Composition composition;

        ComposedCurve(Composition composition) {
            this.composition = composition;
        }

        @Override
        public String name() {
            return composition.name();
        }

        @Override
        public double value(double x) {
            return ComposedActivation.value(composition, x);
        }

        @Override
        public double derivative(double x) {
            return ComposedActivation.derivative(composition, x);
        }

        @Override
        public boolean elementWise() {
            return true;
        }

        @Override
        public void forward(double[] z, double[] a, int count) {
            ComposedActivation.forward(composition, z, a, count);
        }

        @Override
        public void backward(double[] z, double[] a, double[] dA, double[] dZ, int count) {
            ComposedActivation.backward(composition, z, dA, dZ, count);
        }
    }

    /** max(1·x + 0, -0.5·x + 0): one maxout unit with fixed pieces, for the plot only. */
    private static final class MaxoutExample implements ActivationCurve {
        @Override
        public String name() {
            return Activation.MAXOUT.key();
        }

        @Override
        public double value(double x) {
            double second = MAXOUT_EXAMPLE_SLOPE * x;
            return x >= second ? x : second;
        }

        @Override
        public double derivative(double x) {
            return x >= MAXOUT_EXAMPLE_SLOPE * x ? 1 : MAXOUT_EXAMPLE_SLOPE;
        }

        @Override
        public boolean elementWise() {
            return false;
        }

        @Override
        public void forward(double[] z, double[] a, int count) {
            throw new UnsupportedOperationException("maxout is a layer kind, not an element-wise function");
        }

        @Override
        public void backward(double[] z, double[] a, double[] dA, double[] dZ, int count) {
            throw new UnsupportedOperationException("maxout is a layer kind, not an element-wise function");
        }
    }
}
