package backprop.engine.export;

import backprop.engine.nn.UnaryFunctions;
import backprop.engine.spec.BinaryFn;
import backprop.engine.spec.Composition;
import backprop.engine.spec.UnaryFn;

/**
 * A composed activation f(x) = b(u1(x), u2(x)) in numpy: one function per hidden layer returning
 * f and f' side by side, f' by the chain rule as the engine takes it ({@code ComposedActivation}):
 * ∂b/∂x1 · u1'(x) + ∂b/∂x2 · u2'(x), with the engine's conventions ({@link UnaryFunctions},
 * {@code BinaryFunctions}): left-hand slopes at kinks (|x|'(0) = -1, relu'(0) = 0, min0'(0) = 1),
 * ties of max and min to x1, NaN where a part is undefined (√x for x < 0).
 */
final class NumpyComposed {
    private static final String EPSILON = PythonFloat.repr(UnaryFunctions.EPSILON);

    private NumpyComposed() {}

    /** The name of layer {@code number}'s function: {@code activation1}. */
    static String function(int number) {
        return "activation" + number;
    }

    /** {@code def activation<n>(x)}, returning (f(x), f'(x)), at column 0. */
    static void write(PythonCode code, Composition c, int number) {
        String[] u1 = unary(c.u1());
        String[] u2 = unary(c.u2());
        String[] b = binary(c.b());
        code.line("def " + function(number) + "(x):");
        code.indent();
        code.line("\"\"\"" + c.name() + ": b(x1, x2) = " + ascii(c.b().formula()) + " with x1 = "
                + ascii(c.u1().formula()) + ", x2 = " + ascii(c.u2().formula())
                + "; returns f(x) and f'(x) = db/dx1 u1'(x) + db/dx2 u2'(x).\"\"\"");
        if (c.usesBeta()) {
            code.line("beta = " + PythonFloat.repr(c.beta()));
        }
        code.line("x1, x2 = " + u1[0] + ", " + u2[0]);
        code.line("f = " + b[0]);
        code.line("df = (" + b[1] + ") * (" + u1[1] + ") + (" + b[2] + ") * (" + u2[1] + ")");
        code.line("return f, df");
        code.dedent();
    }

    /** A formula in ASCII, so the script is plain ASCII whatever the console's encoding. */
    static String ascii(String formula) {
        return formula.replace("\u03c3", "sigmoid")
                .replace("\u03b2", "beta")
                .replace("\u03b5", "eps")
                .replace("\u00b7", "*")
                .replace("\u2212", "-")
                .replace("\u00b2", "^2")
                .replace("\u00b3", "^3")
                .replace("\u221a", "sqrt")
                .replace("\u02e3", "^x");
    }

    /** True when the code of {@code c} calls the sigmoid helper. */
    static boolean usesSigmoid(Composition c) {
        return c.b() == BinaryFn.SIGMUL
                || c.u1() == UnaryFn.SIGMOID
                || c.u2() == UnaryFn.SIGMOID
                || c.u1() == UnaryFn.SOFTPLUS
                || c.u2() == UnaryFn.SOFTPLUS;
    }

    /** True when the code of {@code c} calls erf. */
    static boolean usesErf(Composition c) {
        return c.u1() == UnaryFn.ERF || c.u2() == UnaryFn.ERF;
    }

    /** u(x) and u'(x) of the array x (and the float beta), in the engine's operation order. */
    static String[] unary(UnaryFn u) {
        switch (u) {
            case X:
                return pair("x", "1.0");
            case NEG:
                return pair("-x", "-1.0");
            case ABS:
                return pair("np.abs(x)", "np.where(x > 0, 1.0, -1.0)");
            case SQ:
                return pair("x * x", "2 * x");
            case CUBE:
                return pair("x * x * x", "3 * x * x");
            case SQRT:
                return pair("np.sqrt(x)", "np.where(x > 0, 0.5 / np.sqrt(x), np.nan)");
            case BX:
                return pair("beta * x", "beta");
            case XPB:
                return pair("x + beta", "1.0");
            case LOGABS:
                return pair(
                        "np.log(np.abs(x) + " + EPSILON + ")",
                        "np.where(x > 0, 1.0, -1.0) / (np.abs(x) + " + EPSILON + ")");
            case EXP:
                return pair("np.exp(x)", "np.exp(x)");
            case SIN:
                return pair("np.sin(x)", "np.cos(x)");
            case COS:
                return pair("np.cos(x)", "-np.sin(x)");
            case SINH:
                return pair("np.sinh(x)", "np.cosh(x)");
            case COSH:
                return pair("np.cosh(x)", "np.sinh(x)");
            case TANH:
                return pair("np.tanh(x)", "1 - np.tanh(x) * np.tanh(x)");
            case ASINH:
                return pair("np.arcsinh(x)", "1 / np.sqrt(x * x + 1)");
            case ATAN:
                return pair("np.arctan(x)", "1 / (x * x + 1)");
            case SINC:
                // near 0 the quotient cancels: the series -x/3 + x^3/30 - x^5/840, as the engine
                return pair(
                        "np.where(x == 0, 1.0, np.sin(x) / x)",
                        "np.where(np.abs(x) < 0.01, (x * x * (1.0 / 30 - x * x / 840) - 1.0 / 3) * x, "
                                + "(x * np.cos(x) - np.sin(x)) / x / x)");
            case RELU:
                return pair("np.where(x > 0, x, 0.0)", "np.where(x > 0, 1.0, 0.0)");
            case MIN0:
                return pair("np.where(x < 0, x, 0.0)", "np.where(x > 0, 0.0, 1.0)");
            case SIGMOID:
                return pair("sigmoid(x)", "(1 - sigmoid(x)) * sigmoid(x)");
            case SOFTPLUS:
                return pair("np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))", "sigmoid(x)");
            case GAUSS:
                return pair("np.exp(-x * x)", "-2 * x * np.exp(-x * x)");
            case ERF:
                return pair("erf(x)", "TWO_OVER_SQRT_PI * np.exp(-x * x)");
            case BETA:
                return pair("np.full_like(x, beta)", "0.0");
            default:
                throw new IllegalArgumentException("no numpy code for the unary function " + u);
        }
    }

    /** b(x1, x2), ∂b/∂x1 and ∂b/∂x2 of the arrays x1, x2, in the engine's operation order. */
    static String[] binary(BinaryFn b) {
        String d = "(x1 - x2)";
        switch (b) {
            case ADD:
                return new String[] {"x1 + x2", "1.0", "1.0"};
            case MUL:
                return new String[] {"x1 * x2", "x2", "x1"};
            case SUB:
                return new String[] {"x1 - x2", "1.0", "-1.0"};
            case DIV:
                return new String[] {
                    "x1 / (x2 + " + EPSILON + ")",
                    "1 / (x2 + " + EPSILON + ")",
                    "-x1 / (x2 + " + EPSILON + ") / (x2 + " + EPSILON + ")"
                };
            case MAX:
                return new String[] {
                    "np.maximum(x1, x2)", "np.where(x1 >= x2, 1.0, 0.0)", "1 - np.where(x1 >= x2, 1.0, 0.0)"
                };
            case MIN:
                return new String[] {
                    "np.minimum(x1, x2)", "np.where(x1 <= x2, 1.0, 0.0)", "1 - np.where(x1 <= x2, 1.0, 0.0)"
                };
            case SIGMUL:
                return new String[] {"sigmoid(x1) * x2", "x2 * sigmoid(x1) * (1 - sigmoid(x1))", "sigmoid(x1)"};
            case GAUSSDIFF:
                return new String[] {
                    "np.exp(-beta * " + d + " * " + d + ")",
                    "-2 * beta * " + d + " * np.exp(-beta * " + d + " * " + d + ")",
                    "2 * beta * " + d + " * np.exp(-beta * " + d + " * " + d + ")"
                };
            case EXPABSDIFF:
                return new String[] {
                    "np.exp(-beta * np.abs" + d + ")",
                    "-beta * np.where(" + d + " > 0, 1.0, -1.0) * np.exp(-beta * np.abs" + d + ")",
                    "beta * np.where(" + d + " > 0, 1.0, -1.0) * np.exp(-beta * np.abs" + d + ")"
                };
            case MIX:
                return new String[] {"beta * x1 + (1 - beta) * x2", "beta", "1 - beta"};
            default:
                throw new IllegalArgumentException("no numpy code for the binary function " + b);
        }
    }

    private static String[] pair(String value, String derivative) {
        return new String[] {value, derivative};
    }
}
