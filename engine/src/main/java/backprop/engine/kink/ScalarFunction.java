package backprop.engine.kink;

/**
 * A function of one real variable with the derivative backprop uses: at a kink, the engine's
 * convention, the left-hand derivative.
 */
public interface ScalarFunction {
    /** How the function is named in sentences ({@code relu}, {@code max_x_beta_0}, {@code f}). */
    String name();

    /** f(x). */
    double value(double x);

    /** f'(x) as backprop computes it (left-hand at a kink). */
    double derivative(double x);
}
