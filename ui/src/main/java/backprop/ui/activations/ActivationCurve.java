package backprop.ui.activations;

/**
 * One activation as the lab uses it: its spec name, f and f' at a point (for plots and
 * readouts), and, when it is an element-wise function, f and f' over a buffer exactly as training
 * computes them (for the cost measurement).
 */
public interface ActivationCurve {
    /** The name used in a spec's {@code layers} (e.g. {@code leakyrelu}). */
    String name();

    /** f(x). */
    double value(double x);

    /** f'(x), with the engine's convention at kinks (the left-hand derivative). */
    double derivative(double x);

    /** False for maxout, which is a layer kind (two pieces per unit), not a function of one number. */
    boolean elementWise();

    /** a[i] = f(z[i]) for i < count, as the engine's forward pass does it. */
    void forward(double[] z, double[] a, int count);

    /** dZ[i] = dA[i] f'(z[i]) for i < count (a = f(z) already computed), as the engine's backward pass does it. */
    void backward(double[] z, double[] a, double[] dA, double[] dZ, int count);
}
