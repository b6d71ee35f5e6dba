package backprop.engine.spec;

/** The {@code data} key: which toy dataset. Regression sets have a real-valued target. */
public enum DatasetKind implements Keyed {
    CIRCLE("circle", false),
    XOR("xor", false),
    GAUSS("gauss", false),
    SPIRAL("spiral", false),
    MOONS("moons", false),
    CHECKER("checker", false),
    CUSTOM("custom", false),
    PLANE("plane", true),
    MULTIGAUSS("multigauss", true);

    private final String key;
    private final boolean regression;

    DatasetKind(String key, boolean regression) {
        this.key = key;
        this.regression = regression;
    }

    /** The name used in the spec. */
    public String key() {
        return key;
    }

    public boolean isRegression() {
        return regression;
    }

    /** True for the sets whose number of classes can be chosen (2..6); for custom data, drawn points carry them. */
    public boolean hasClassChoice() {
        return this == GAUSS || this == SPIRAL || this == CUSTOM;
    }

    /** Looks a name up by loop (TeaVM's enum valueOf breaks the JS build); null when unknown. */
    public static DatasetKind fromKey(String name) {
        return Keyed.byKey(values(), name);
    }
}
