package backprop.engine.spec;

/**
 * The binary functions b of a composed activation b(u1(x), u2(x)) (Ramachandran, Zoph and Le,
 * "Searching for Activation Functions", 2017, Table 1). β is the composition's one parameter;
 * ε = 1e-6 (see {@code backprop.engine.nn.BinaryFunctions}).
 */
public enum BinaryFn implements Keyed {
    ADD("add", "x1+x2", false),
    MUL("mul", "x1\u00b7x2", false),
    SUB("sub", "x1\u2212x2", false),
    DIV("div", "x1/(x2+\u03b5)", false),
    MAX("max", "max(x1,x2)", false),
    MIN("min", "min(x1,x2)", false),
    SIGMUL("sigmul", "\u03c3(x1)\u00b7x2", false),
    GAUSSDIFF("gaussdiff", "exp(\u2212\u03b2(x1\u2212x2)\u00b2)", true),
    EXPABSDIFF("expabsdiff", "exp(\u2212\u03b2|x1\u2212x2|)", true),
    MIX("mix", "\u03b2x1+(1\u2212\u03b2)x2", true);

    private final String key;
    private final String formula;
    private final boolean usesBeta;

    BinaryFn(String key, String formula, boolean usesBeta) {
        this.key = key;
        this.formula = formula;
        this.usesBeta = usesBeta;
    }

    /** The name inside a composed activation's spec name. */
    public String key() {
        return key;
    }

    /** The function of x1 and x2 as a person reads it, e.g. "σ(x1)·x2". */
    public String formula() {
        return formula;
    }

    public boolean usesBeta() {
        return usesBeta;
    }

    /** Looked up by loop (TeaVM's enum valueOf breaks the JS build); null when unknown. */
    public static BinaryFn fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
