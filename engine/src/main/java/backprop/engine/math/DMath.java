package backprop.engine.math;

/**
 * Deterministic elementary functions: bit-identical on the JVM, in WebAssembly and in
 * JavaScript. INTERIM: delegates to StrictMath until the fdlibm port lands.
 */
public final class DMath {
    private DMath() {
    }

    public static double exp(double x) { return StrictMath.exp(x); }
    public static double log(double x) { return StrictMath.log(x); }
    public static double log1p(double x) { return StrictMath.log1p(x); }
    public static double expm1(double x) { return StrictMath.expm1(x); }
    public static double tanh(double x) { return StrictMath.tanh(x); }
    public static double sinh(double x) { return StrictMath.sinh(x); }
    public static double cosh(double x) { return StrictMath.cosh(x); }
    public static double atan(double x) { return StrictMath.atan(x); }
    public static double sin(double x) { return StrictMath.sin(x); }
    public static double cos(double x) { return StrictMath.cos(x); }
    public static double pow(double x, double y) { return StrictMath.pow(x, y); }
    public static double sqrt(double x) { return Math.sqrt(x); }
    public static double asinh(double x) { throw new UnsupportedOperationException("asinh: port pending"); }
    public static double erf(double x) { throw new UnsupportedOperationException("erf: port pending"); }
}
