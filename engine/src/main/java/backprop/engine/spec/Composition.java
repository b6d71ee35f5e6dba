package backprop.engine.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A composed activation f(x) = b(u1(x), u2(x)) from the search space of "Searching for
 * Activation Functions" (Ramachandran, Zoph and Le, 2017), with one real parameter β.
 *
 * <p>Its spec name is {@code <b>_<u1>_<u2>}, followed by {@code _<β>} exactly when one of the three
 * parts uses β, β printed like every real of the spec (plain decimal, fewest digits; it may be
 * negative): {@code sigmul_bx_x_1} is Swish-β with β = 1, {@code mul_x_sigmoid} is x·σ(x). A name
 * always has three or four parts, so it never collides with a built-in activation's name, and it
 * holds no ',', ':', '&', '=' or '#'. When no part uses β it is stored as 0, so each composition
 * has one value and one printed form.
 */
public record Composition(BinaryFn b, UnaryFn u1, UnaryFn u2, double beta) {
    /** Smallest β allowed. */
    public static final double MIN_BETA = -10;
    /** Largest β allowed. */
    public static final double MAX_BETA = 10;
    /** The separator of the parts of a name. */
    public static final char SEPARATOR = '_';

    /** Swish-β: σ(βx)·x, the preset that equals the built-in swish at β = 1. */
    public static Composition swish(double beta) {
        return new Composition(BinaryFn.SIGMUL, UnaryFn.BX, UnaryFn.X, beta);
    }

    public Composition {
        if (b == null || u1 == null || u2 == null) {
            throw new IllegalArgumentException("a composition needs b, u1 and u2, got " + b + ", " + u1 + ", " + u2);
        }
        // -0.0 + 0.0 is +0.0: one value, one printed form.
        beta = usesBeta(b, u1, u2) ? beta + 0.0 : 0.0;
    }

    /** True when one of the parts reads β. */
    public boolean usesBeta() {
        return usesBeta(b, u1, u2);
    }

    private static boolean usesBeta(BinaryFn b, UnaryFn u1, UnaryFn u2) {
        return b.usesBeta() || u1.usesBeta() || u2.usesBeta();
    }

    /** True for a finite β from -10 to 10. */
    public static boolean betaAllowed(double beta) {
        return beta >= MIN_BETA && beta <= MAX_BETA; // false for NaN
    }

    /** The spec name: {@code b_u1_u2} or {@code b_u1_u2_β}. */
    public String name() {
        String name = b.key() + SEPARATOR + u1.key() + SEPARATOR + u2.key();
        return usesBeta() ? name + SEPARATOR + SpecNumbers.formatReal(beta) : name;
    }

    /** The formula as a person reads it, e.g. "σ(x1)·x2 with x1 = βx, x2 = x, β = 1". */
    public String formula() {
        String text = b.formula() + " with x1 = " + u1.formula() + ", x2 = " + u2.formula();
        return usesBeta() ? text + ", \u03b2 = " + SpecNumbers.formatReal(beta) : text;
    }

    /** True when the name has the shape of a composition (it holds the separator). */
    public static boolean looksComposed(String name) {
        return name.indexOf(SEPARATOR) >= 0;
    }

    /** A parsed name: the composition, or null and why not. */
    public record Parsed(Composition composition, String problem) {}

    /** Parses a spec name; every problem says what is allowed in that part. */
    public static Parsed parse(String name) {
        List<String> parts = SpecText.split(name, SEPARATOR);
        if (parts.size() < 3 || parts.size() > 4) {
            return new Parsed(
                    null, "a composed activation has 3 or 4 parts b_u1_u2 or b_u1_u2_\u03b2, not " + parts.size());
        }
        BinaryFn b = BinaryFn.fromKey(parts.get(0));
        if (b == null) {
            return new Parsed(null, "its b \"" + parts.get(0) + "\" is not one of " + binaryKeys());
        }
        UnaryFn u1 = UnaryFn.fromKey(parts.get(1));
        if (u1 == null) {
            return new Parsed(null, "its u1 \"" + parts.get(1) + "\" is not one of " + unaryKeys());
        }
        UnaryFn u2 = UnaryFn.fromKey(parts.get(2));
        if (u2 == null) {
            return new Parsed(null, "its u2 \"" + parts.get(2) + "\" is not one of " + unaryKeys());
        }
        boolean uses = usesBeta(b, u1, u2);
        if (parts.size() == 3) {
            if (uses) {
                return new Parsed(
                        null,
                        "it uses \u03b2 (" + betaUsers() + "), so it needs _\u03b2 at the end, "
                                + "\u03b2 a number from -10 to 10");
            }
            return new Parsed(new Composition(b, u1, u2, 0), null);
        }
        if (!uses) {
            return new Parsed(
                    null, "none of its parts uses \u03b2 (only " + betaUsers() + " do), so it takes no \u03b2");
        }
        double beta = SpecNumbers.parseReal(parts.get(3));
        if (!betaAllowed(beta)) {
            return new Parsed(
                    null, "its \u03b2 \"" + parts.get(3) + "\" is not a number from -10 to 10 in plain decimal");
        }
        return new Parsed(new Composition(b, u1, u2, beta), null);
    }

    /** What a composed name may be, for messages. */
    public static String allowed() {
        return "a composed b_u1_u2 (with _\u03b2 appended when a part uses \u03b2: " + betaUsers()
                + "; \u03b2 from -10 to 10), b one of " + binaryKeys() + ", u1 and u2 one of " + unaryKeys();
    }

    private static String unaryKeys() {
        List<String> keys = new ArrayList<>();
        for (UnaryFn u : UnaryFn.values()) {
            keys.add(u.key());
        }
        return SpecText.joinNames(keys);
    }

    private static String binaryKeys() {
        List<String> keys = new ArrayList<>();
        for (BinaryFn b : BinaryFn.values()) {
            keys.add(b.key());
        }
        return SpecText.joinNames(keys);
    }

    private static String betaUsers() {
        List<String> keys = new ArrayList<>();
        for (UnaryFn u : UnaryFn.values()) {
            if (u.usesBeta()) {
                keys.add(u.key());
            }
        }
        for (BinaryFn b : BinaryFn.values()) {
            if (b.usesBeta()) {
                keys.add(b.key());
            }
        }
        return SpecText.joinNames(keys);
    }
}
