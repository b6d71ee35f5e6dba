package backprop.engine.spec;

/** The keys of version 1, in printing order (the table of DESIGN.md, and the optional keys added since). */
enum SpecKey implements Keyed {
    V,
    DATA,
    CLASSES,
    N,
    NOISE,
    SPLIT,
    SEED,
    FEATURES,
    LAYERS,
    LOSS,
    OPT,
    LR,
    BATCH,
    REG,
    LAMBDA,
    INIT,
    /** Optional: the initial weights' seed, printed only when it differs from {@code seed}. */
    INITSEED,
    POINTS;

    /** The constant's name in lowercase. */
    @Override
    public String key() {
        return Keyed.lowercase(name());
    }

    /** Looks a key up by loop (no enum valueOf in TeaVM); null when unknown. */
    static SpecKey fromKey(String name) {
        return Keyed.byKey(values(), name);
    }

    /** "v, data, classes, ..., points". */
    static String allKeys() {
        StringBuilder out = new StringBuilder();
        for (SpecKey k : values()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(k.key());
        }
        return out.toString();
    }
}
