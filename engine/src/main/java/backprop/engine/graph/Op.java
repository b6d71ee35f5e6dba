package backprop.engine.graph;

import backprop.engine.math.Fdlibm;
import backprop.engine.nn.Activations;
import backprop.engine.spec.Activation;

/**
 * The kinds of node in the graph, each with its forward value and its local gradients computed
 * side by side in {@link #apply}. An operator with one constant operand is a unary gate that
 * carries the constant ({@code +1}, {@code *-1}, {@code 1/x}), as in the lecture.
 *
 * <p>One kink convention, the engine's ({@link Activations}, {@link backprop.engine.nn.UnaryFunctions}):
 * at a kink the derivative is the left-hand one, the slope of the piece that holds just below
 * the point. So relu'(0) = 0, max(x, c)' = 0 at x = c (in either order: max(0, x) too), min(x, c)'
 * = 1 at x = c, |x|'(0) = -1, and the activations use {@link Activations#derivative}. Two
 * variable inputs tied in max or min are not a kink of one function: the whole gradient goes to
 * the first input, like maxout's first piece.
 */
public enum Op {
    /** A named variable: an input on the left of the picture. */
    INPUT(0, null, "input", null, null),
    /** A number (only when the whole expression is constant; otherwise constants live in gates). */
    CONSTANT(0, null, "constant", null, null),
    ADD(2, null, "+", "1 and 1", "add gate: gradient distributor"),
    SUBTRACT(2, null, "-", "1 and -1", "subtract gate: distributes, negated to the right"),
    MULTIPLY(2, null, "*", "the other input (swap)", "mul gate: swap multiplier"),
    DIVIDE(2, null, "/", "1/b and -a/b^2", null),
    MAX(2, "max", "max", "1 to the larger, 0 to the other", "max gate: gradient router"),
    MIN(2, "min", "min", "1 to the smaller, 0 to the other", "min gate: gradient router"),
    /** c + x (either order). */
    ADD_CONSTANT(1, null, "+c", "1", null),
    /** x - c. */
    SUBTRACT_CONSTANT(1, null, "-c", "1", null),
    /** c - x. */
    CONSTANT_MINUS(1, null, "c-x", "-1", null),
    /** a x (either order); unary minus is a x with a = -1. */
    MULTIPLY_CONSTANT(1, null, "*a", "a", null),
    /** x / c. */
    DIVIDE_BY_CONSTANT(1, null, "/c", "1/c", null),
    /** c / x; with c = 1 the lecture's 1/x. */
    CONSTANT_DIVIDE(1, null, "c/x", "-c/x^2", null),
    /** x ^ c. */
    POWER_CONSTANT(1, null, "^c", "c x^(c-1)", null),
    /** max(x, c) (either order). */
    MAX_CONSTANT(1, null, "max", "1 if x > c, else 0", "max gate: gradient router"),
    /** min(x, c) (either order). */
    MIN_CONSTANT(1, null, "min", "1 if x <= c, else 0", "min gate: gradient router"),
    EXP(1, "exp", "exp", "e^x", null),
    LOG(1, "log", "log", "1/x", null),
    SQRT(1, "sqrt", "sqrt", "1/(2 sqrt(x))", null),
    ABS(1, "abs", "abs", "1 if x > 0, else -1", null),
    SIN(1, "sin", "sin", "cos(x)", null),
    COS(1, "cos", "cos", "-sin(x)", null),
    SIGMOID(1, "sigmoid", "\u03c3", "(1-\u03c3(x))\u03c3(x)", null),
    TANH(1, "tanh", "tanh", "1-tanh^2(x)", null),
    RELU(1, "relu", "relu", "1 if x > 0, else 0", null),
    LEAKYRELU(1, "leakyrelu", "leakyrelu", "1 if x > 0, else 0.01", null),
    ELU(1, "elu", "elu", "1 if x > 0, else e^x", null),
    SWISH(1, "swish", "swish", "\u03c3(x) + x\u03c3(x)(1-\u03c3(x))", null),
    HSWISH(1, "hswish", "hswish", "0, (2x+3)/6 or 1", null),
    GELU(1, "gelu", "gelu", "\u03a6(x) + x\u03c6(x)", null),
    SOFTPLUS(1, "softplus", "softplus", "\u03c3(x)", null);

    private final int arity;
    private final String functionName;
    private final String symbol;
    private final String localGradient;
    private final String pattern;

    Op(int arity, String functionName, String symbol, String localGradient, String pattern) {
        this.arity = arity;
        this.functionName = functionName;
        this.symbol = symbol;
        this.localGradient = localGradient;
        this.pattern = pattern;
    }

    /** Number of inputs: 0 for inputs and constants, 1 or 2 for gates. */
    public int arity() {
        return arity;
    }

    /** True for the nodes that compute something. */
    public boolean isGate() {
        return arity > 0;
    }

    /** The name in expressions ({@code exp}, {@code max}), or null for operators. */
    public String functionName() {
        return functionName;
    }

    /** How the local gradient reads, e.g. {@code e^x} or {@code (1-σ(x))σ(x)}. */
    public String localGradientFormula() {
        return localGradient;
    }

    /** The lecture's name for the pattern of backward flow, or null when it has none. */
    public String pattern() {
        return pattern;
    }

    /** The function with this name in an expression, or null. */
    public static Op function(String name) {
        for (Op op : values()) {
            if (op.functionName != null && op.functionName.equals(name)) {
                return op;
            }
        }
        return null;
    }

    /** The function names an expression may use, comma-separated, for messages. */
    public static String functionNames() {
        StringBuilder names = new StringBuilder();
        for (Op op : values()) {
            if (op.functionName != null) {
                if (names.length() > 0) {
                    names.append(", ");
                }
                names.append(op.functionName);
            }
        }
        return names.toString();
    }

    /** The text drawn on the gate, e.g. {@code +1}, {@code *-1}, {@code 1/x}, {@code exp}. */
    public String label(double constant) {
        String c = GraphText.exact(constant);
        switch (this) {
            case ADD_CONSTANT:
                return "+" + c;
            case SUBTRACT_CONSTANT:
                return "-" + c;
            case CONSTANT_MINUS:
                return c + "-x";
            case MULTIPLY_CONSTANT:
                return "*" + c;
            case DIVIDE_BY_CONSTANT:
                return "/" + c;
            case CONSTANT_DIVIDE:
                return c + "/x";
            case POWER_CONSTANT:
                return "^" + c;
            case MAX_CONSTANT:
                return "max(x," + c + ")";
            case MIN_CONSTANT:
                return "min(x," + c + ")";
            case CONSTANT:
                return c;
            default:
                return symbol;
        }
    }

    /** The local-gradient formula with the gate's constant filled in ({@code -1/x^2} for 1/x). */
    public String localGradientFormula(double constant) {
        String c = GraphText.exact(constant);
        switch (this) {
            case MULTIPLY_CONSTANT:
                return c;
            case DIVIDE_BY_CONSTANT:
                return "1/" + c;
            case CONSTANT_DIVIDE:
                return constant == 1 ? "-1/x^2" : "-" + c + "/x^2";
            case POWER_CONSTANT:
                return c + " x^(" + GraphText.exact(constant - 1) + ")";
            case MAX_CONSTANT:
                return "1 if x > " + c + ", else 0";
            case MIN_CONSTANT:
                return "1 if x <= " + c + ", else 0";
            default:
                return localGradient;
        }
    }

    /**
     * The gate's forward value for inputs a (and b), with its local gradients ∂out/∂a in
     * local[0] and ∂out/∂b in local[1] (unused slots untouched). {@code constant} is the gate's
     * constant operand. Each case keeps the value and its derivative together.
     */
    public double apply(double a, double b, double constant, double[] local) {
        switch (this) {
            case ADD:
                local[0] = 1;
                local[1] = 1;
                return a + b;
            case SUBTRACT:
                local[0] = 1;
                local[1] = -1;
                return a - b;
            case MULTIPLY:
                local[0] = b;
                local[1] = a;
                return a * b;
            case DIVIDE:
                // d(a/b)/db = -a/b^2, written (a/b)/b with the nested operand first (TOOLCHAIN trap 1)
                local[0] = 1 / b;
                local[1] = -1.0 * ((a / b) / b);
                return a / b;
            case MAX:
                if (a != a || b != b) {
                    return notANumber(local);
                }
                if (a >= b) {
                    local[0] = 1;
                    local[1] = 0;
                    return a;
                }
                local[0] = 0;
                local[1] = 1;
                return b;
            case MIN:
                if (a != a || b != b) {
                    return notANumber(local);
                }
                if (a <= b) {
                    local[0] = 1;
                    local[1] = 0;
                    return a;
                }
                local[0] = 0;
                local[1] = 1;
                return b;
            case ADD_CONSTANT:
                local[0] = 1;
                return a + constant;
            case SUBTRACT_CONSTANT:
                local[0] = 1;
                return a - constant;
            case CONSTANT_MINUS:
                local[0] = -1;
                return constant - a;
            case MULTIPLY_CONSTANT:
                local[0] = constant;
                return a * constant;
            case DIVIDE_BY_CONSTANT:
                local[0] = 1 / constant;
                return a / constant;
            case CONSTANT_DIVIDE:
                // d(c/x)/dx = -c/x^2 = -((c/x)/x)
                local[0] = -1.0 * ((constant / a) / a);
                return constant / a;
            case POWER_CONSTANT:
                // d(x^c)/dx = c x^(c-1); x^0 = 1 has derivative 0 everywhere
                local[0] = constant == 0 ? 0 : Fdlibm.pow(a, constant - 1) * constant;
                return Fdlibm.pow(a, constant);
            case MAX_CONSTANT:
                if (a > constant || a != a) {
                    // NaN falls through as NaN with gradient 1
                    local[0] = 1;
                    return a;
                }
                // at x = c the left-hand slope: max(x, c) = c just below c
                local[0] = 0;
                return a == constant ? a : constant;
            case MIN_CONSTANT:
                if (a <= constant || a != a) {
                    local[0] = 1;
                    return a;
                }
                local[0] = 0;
                return constant;
            case EXP: {
                double e = Fdlibm.exp(a);
                local[0] = e;
                return e;
            }
            case LOG:
                local[0] = 1 / a;
                return Fdlibm.log(a);
            case SQRT: {
                double s = Fdlibm.sqrt(a);
                local[0] = 0.5 / s;
                return s;
            }
            case ABS:
                // |x|'(0) = -1, the left-hand slope (as UnaryFunctions' abs)
                local[0] = a > 0 ? 1 : -1;
                return Math.abs(a);
            case SIN:
                local[0] = Fdlibm.cos(a);
                return Fdlibm.sin(a);
            case COS:
                local[0] = -1.0 * Fdlibm.sin(a);
                return Fdlibm.cos(a);
            default: {
                Activation kind = activation();
                if (kind == null) {
                    throw new IllegalStateException(name() + " is not a gate");
                }
                local[0] = Activations.derivative(kind, a);
                return Activations.value(kind, a);
            }
        }
    }

    private static double notANumber(double[] local) {
        local[0] = Double.NaN;
        local[1] = Double.NaN;
        return Double.NaN;
    }

    /** The engine's activation this gate computes, or null. */
    public Activation activation() {
        switch (this) {
            case SIGMOID:
                return Activation.SIGMOID;
            case TANH:
                return Activation.TANH;
            case RELU:
                return Activation.RELU;
            case LEAKYRELU:
                return Activation.LEAKYRELU;
            case ELU:
                return Activation.ELU;
            case SWISH:
                return Activation.SWISH;
            case HSWISH:
                return Activation.HSWISH;
            case GELU:
                return Activation.GELU;
            case SOFTPLUS:
                return Activation.SOFTPLUS;
            default:
                return null;
        }
    }

    /**
     * Why a gate's value is not finite when its inputs are (one line), or null when it is finite:
     * the explorer shows ∞ or NaN on the edge with this beside it.
     */
    public String explainNonFinite(double a, double b, double constant, double value) {
        if (value == value && value != Double.POSITIVE_INFINITY && value != Double.NEGATIVE_INFINITY) {
            return null;
        }
        String x = GraphText.exact(a);
        String result = GraphText.exact(value);
        switch (this) {
            case DIVIDE:
                return b == 0
                        ? "division by zero: " + x + "/0 is " + result
                        : "the quotient " + x + "/" + GraphText.exact(b) + " is " + result;
            case DIVIDE_BY_CONSTANT:
                return constant == 0
                        ? "division by zero: " + x + "/0 is " + result
                        : "the quotient overflows to " + result;
            case CONSTANT_DIVIDE:
                return a == 0
                        ? "division by zero: " + label(constant) + " at x = 0 is " + result
                        : "the quotient overflows to " + result;
            case LOG:
                return a < 0 ? "log of a negative number: log(" + x + ") is NaN" : "log(0) is -\u221e";
            case SQRT:
                return "sqrt of a negative number: sqrt(" + x + ") is NaN";
            case POWER_CONSTANT:
                if (a < 0) {
                    return "a negative number to a fractional power: (" + x + ")^" + GraphText.exact(constant)
                            + " is NaN";
                }
                if (a == 0) {
                    return "0 to a negative power: 0^" + GraphText.exact(constant) + " is " + result;
                }
                return "(" + x + ")^" + GraphText.exact(constant) + " overflows to " + result;
            case EXP:
                return "exp(" + x + ") overflows to " + result;
            default:
                return label(constant) + " gives " + result + " (it overflows the double range)";
        }
    }
}
