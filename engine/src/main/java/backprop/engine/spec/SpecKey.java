package backprop.engine.spec;

/** The keys of version 1, in printing order (the table of DESIGN.md). */
enum SpecKey implements Keyed {
    V("v"),
    DATA("data"),
    CLASSES("classes"),
    N("n"),
    NOISE("noise"),
    SPLIT("split"),
    SEED("seed"),
    FEATURES("features"),
    LAYERS("layers"),
    LOSS("loss"),
    OPT("opt"),
    LR("lr"),
    BATCH("batch"),
    REG("reg"),
    LAMBDA("lambda"),
    INIT("init"),
    POINTS("points");

    private final String key;

    SpecKey(String key) {
        this.key = key;
    }

    public String key() {
        return key;
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
            out.append(k.key);
        }
        return out.toString();
    }
}
