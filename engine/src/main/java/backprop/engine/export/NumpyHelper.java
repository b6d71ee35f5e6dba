package backprop.engine.export;

/** Helper functions a NumPy export defines when its code calls them. */
enum NumpyHelper {
    /** σ(z) as the engine computes it: 1/(1 + e^-z) for z >= 0, e^z/(1 + e^z) below, never overflowing. */
    SIGMOID(
            "def sigmoid(z):",
            "    \"\"\"1 / (1 + e^-z), written so that e^(...) never overflows.\"\"\"",
            "    e = np.exp(-np.abs(z))",
            "    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))"),
    /** erfc for arrays (numpy has none; Python's math has it), and the constants of Φ and φ. */
    ERFC(
            "erfc = np.vectorize(math.erfc)",
            "INV_SQRT2 = 0.7071067811865476  # 1 / sqrt(2)",
            "INV_SQRT_2PI = 0.3989422804014327  # 1 / sqrt(2 pi)"),
    /** erf for arrays, and the scale of erf'. */
    ERF("erf = np.vectorize(math.erf)", "TWO_OVER_SQRT_PI = 1.1283791670955126  # 2 / sqrt(pi)");

    private final String[] lines;

    /** True when the definition needs {@code import math}. */
    boolean needsMath() {
        return this == ERFC || this == ERF;
    }

    NumpyHelper(String... lines) {
        this.lines = lines;
    }

    /** The definition, at column 0. */
    String[] lines() {
        return lines.clone();
    }
}
