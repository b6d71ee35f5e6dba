package backprop.engine.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses, prints and validates the experiment format, version 1 (DESIGN.md, "One experiment
 * format"). The page, the server and the command line all call this one class, so they cannot
 * disagree about what is valid.
 *
 * <p>Text: {@code key=value} pairs joined by '&', an optional leading '#' (a URL fragment), at most
 * {@value SpecLimits#MAX_SPEC_BYTES} bytes. Parsing takes any subset of the keys in any order; a
 * missing key means its default. Printing writes every key in table order (points only with
 * data=custom), integers bare, reals as the shortest plain decimal that reads back to the same
 * double, features in table order, regression sets with classes=1.
 *
 * <p>Problems name the key, the value given and what is allowed. Besides the keys' own rules:
 * <ul>
 *   <li>a text over the size cap is one problem with key {@code spec} (and the default spec);</li>
 *   <li>an unknown key is a problem with that key (keys are lowercase ASCII);</li>
 *   <li>a repeated key is a problem with that key and the repeated value; the first occurrence counts;</li>
 *   <li>a known key without '=' is a problem on that key, which then takes its default; any other
 *       pair without '=', with nothing before '=', or empty ({@code a&&b}, a trailing '&') is a
 *       problem with key {@code spec}.</li>
 * </ul>
 * Problems come in key-table order; problems of unknown keys and malformed pairs follow, in the
 * order of the text. The cross-key rules (which key is blamed, what it falls back to) are listed on
 * {@link SpecResolver}: data wins over classes and over loss; points need data=custom and custom
 * needs points (else data falls back to spiral); n must equal the number of custom points.
 */
public final class SpecCodec {
    /** The key naming problems of the whole text (size, malformed pairs). */
    public static final String WHOLE_SPEC_KEY = "spec";

    private SpecCodec() {}

    /**
     * The canonical text of a valid spec.
     *
     * @throws SpecException with every problem when the spec does not {@link #validate}
     */
    public static String print(Spec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec is null");
        }
        String[] values = SpecPrinter.values(spec);
        List<SpecProblem> problems = check(spec, values);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return SpecPrinter.join(values);
    }

    /**
     * Lenient parsing, for the page: the nearest valid spec and every problem (none for a valid
     * text; the empty text and a lone '#' are the default spec).
     */
    public static ParseResult parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("spec text is null");
        }
        long bytes = SpecText.utf8Length(text);
        if (bytes > SpecLimits.MAX_SPEC_BYTES) {
            return new ParseResult(
                    Spec.defaults(),
                    List.of(new SpecProblem(
                            WHOLE_SPEC_KEY,
                            SpecText.shown(text),
                            "at most " + SpecLimits.MAX_SPEC_BYTES + " bytes; this text has " + bytes)));
        }
        String body = text.startsWith("#") ? text.substring(1) : text;
        Pairs pairs = new Pairs(body);
        SpecResolver resolver = new SpecResolver(pairs.values, pairs.reported);
        Spec spec = resolver.resolve();
        List<SpecProblem> problems = new ArrayList<>();
        for (SpecKey key : SpecKey.values()) {
            problems.addAll(pairs.keyProblems.get(key.ordinal()));
            problems.addAll(resolver.problemsOf(key));
            problems.addAll(pairs.repeatProblems.get(key.ordinal()));
        }
        problems.addAll(pairs.otherProblems);
        return new ParseResult(spec, problems);
    }

    /**
     * Strict parsing, for the API and the command line: the spec, or an exception listing every
     * problem.
     *
     * @throws SpecException when the text has any problem
     */
    public static Spec parseStrict(String text) {
        ParseResult result = parse(text);
        if (!result.problems().isEmpty()) {
            throw new SpecException(result.problems());
        }
        return result.spec();
    }

    /**
     * Every problem of a spec built in code, with the messages parsing gives (a component is shown
     * as it would print, e.g. {@code lr: "NaN"}). Beyond what text can express, features must be
     * listed in table order (x1, x2, x1sq, ...), since the network's inputs follow that order.
     */
    public static List<SpecProblem> validate(Spec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec is null");
        }
        return check(spec, SpecPrinter.values(spec));
    }

    /** The problems of a spec whose components print as {@code values}. */
    private static List<SpecProblem> check(Spec spec, String[] values) {
        SpecResolver resolver = new SpecResolver(values, new boolean[values.length]);
        Spec nearest = resolver.resolve();
        List<SpecProblem> problems = new ArrayList<>();
        for (SpecKey key : SpecKey.values()) {
            List<SpecProblem> found = resolver.problemsOf(key);
            problems.addAll(found);
            if (key == SpecKey.FEATURES
                    && found.isEmpty()
                    && !nearest.features().equals(spec.features())) {
                problems.add(new SpecProblem(
                        key.key(),
                        values[key.ordinal()],
                        "features in table order: " + SpecPrinter.values(nearest)[key.ordinal()]));
            }
        }
        return problems;
    }

    /**
     * The canonical form of a valid text: {@code print(parseStrict(text))}.
     *
     * @throws SpecException when the text has any problem
     */
    public static String canonical(String text) {
        return print(parseStrict(text));
    }

    /** The text split into pairs: the first value of each key, and the structural problems. */
    private static final class Pairs {
        final String[] values = new String[SpecKey.values().length];
        final boolean[] reported = new boolean[SpecKey.values().length];
        final boolean[] seen = new boolean[SpecKey.values().length];
        final List<List<SpecProblem>> keyProblems = new ArrayList<>();
        final List<List<SpecProblem>> repeatProblems = new ArrayList<>();
        final List<SpecProblem> otherProblems = new ArrayList<>();

        Pairs(String body) {
            for (int i = 0; i < SpecKey.values().length; i++) {
                keyProblems.add(new ArrayList<>());
                repeatProblems.add(new ArrayList<>());
            }
            if (body.isEmpty()) {
                return;
            }
            for (String pair : SpecText.split(body, '&')) {
                read(pair);
            }
        }

        private void read(String pair) {
            if (pair.isEmpty()) {
                otherProblems.add(new SpecProblem(
                        WHOLE_SPEC_KEY, "", "key=value pairs joined by single '&' (an empty pair was found)"));
                return;
            }
            int equals = pair.indexOf('=');
            if (equals == 0) {
                otherProblems.add(new SpecProblem(
                        WHOLE_SPEC_KEY, SpecText.shown(pair), "key=value pairs joined by '&' (the key is missing)"));
                return;
            }
            String name = equals < 0 ? pair : pair.substring(0, equals);
            SpecKey key = SpecKey.fromKey(name);
            if (equals < 0) {
                if (key == null) {
                    otherProblems.add(new SpecProblem(
                            WHOLE_SPEC_KEY,
                            SpecText.shown(pair),
                            "key=value pairs joined by '&' (the '=' is missing)"));
                } else if (seen[key.ordinal()]) {
                    repeatProblems
                            .get(key.ordinal())
                            .add(new SpecProblem(name, "", "each key at most once (the first occurrence counts)"));
                } else {
                    seen[key.ordinal()] = true;
                    reported[key.ordinal()] = true;
                    keyProblems.get(key.ordinal()).add(new SpecProblem(name, "", name + "=value (the '=' is missing)"));
                }
                return;
            }
            String value = pair.substring(equals + 1);
            if (key == null) {
                String lower = SpecText.asciiLower(name);
                String hint = SpecKey.fromKey(lower) != null ? " (keys are lowercase: " + lower + ")" : "";
                otherProblems.add(new SpecProblem(
                        SpecText.shown(name),
                        SpecText.shown(value),
                        "a key of version 1: " + SpecKey.allKeys() + hint));
                return;
            }
            if (seen[key.ordinal()]) {
                repeatProblems
                        .get(key.ordinal())
                        .add(new SpecProblem(
                                name, SpecText.shown(value), "each key at most once (the first occurrence counts)"));
                return;
            }
            seen[key.ordinal()] = true;
            values[key.ordinal()] = value;
        }
    }
}
