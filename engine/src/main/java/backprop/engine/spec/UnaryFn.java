package backprop.engine.spec;

/**
 * The unary functions u of a composed activation b(u1(x), u2(x)) (Ramachandran, Zoph and Le,
 * "Searching for Activation Functions", 2017, Table 1). β is the composition's one parameter;
 * ε = 1e-6 (see {@code backprop.engine.nn.UnaryFunctions}).
 */
public enum UnaryFn implements Keyed {
    X("x", "x", false),
    NEG("neg", "\u2212x", false),
    ABS("abs", "|x|", false),
    SQ("sq", "x\u00b2", false),
    CUBE("cube", "x\u00b3", false),
    SQRT("sqrt", "\u221ax", false),
    BX("bx", "\u03b2x", true),
    XPB("xpb", "x+\u03b2", true),
    LOGABS("logabs", "log(|x|+\u03b5)", false),
    EXP("exp", "exp(x)", false),
    SIN("sin", "sin(x)", false),
    COS("cos", "cos(x)", false),
    SINH("sinh", "sinh(x)", false),
    COSH("cosh", "cosh(x)", false),
    TANH("tanh", "tanh(x)", false),
    ASINH("asinh", "asinh(x)", false),
    ATAN("atan", "atan(x)", false),
    SINC("sinc", "sin(x)/x", false),
    RELU("relu", "max(x,0)", false),
    MIN0("min0", "min(x,0)", false),
    SIGMOID("sigmoid", "\u03c3(x)", false),
    SOFTPLUS("softplus", "log(1+e\u02e3)", false),
    GAUSS("gauss", "exp(\u2212x\u00b2)", false),
    ERF("erf", "erf(x)", false),
    BETA("beta", "\u03b2", true);

    private final String key;
    private final String formula;
    private final boolean usesBeta;

    UnaryFn(String key, String formula, boolean usesBeta) {
        this.key = key;
        this.formula = formula;
        this.usesBeta = usesBeta;
    }

    /** The name inside a composed activation's spec name. */
    public String key() {
        return key;
    }

    /** The function of x as a person reads it, e.g. "βx". */
    public String formula() {
        return formula;
    }

    public boolean usesBeta() {
        return usesBeta;
    }

    /** Looked up by loop (TeaVM's enum valueOf breaks the JS build); null when unknown. */
    public static UnaryFn fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
