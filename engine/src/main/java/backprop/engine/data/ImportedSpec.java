package backprop.engine.data;

import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec of an experiment on imported points ({@link Dataset}). The points live beside the
 * spec, so its text says {@code data=imported}; inside the engine that value stands for a
 * generated kind of the dataset's sort, the <em>carrier</em> ({@code gauss} for classes, whose
 * {@code classes} may be 2..6, {@code plane} for regression), whose {@code n} and {@code noise}
 * are then unused. The carrier never shows: {@link #print} writes {@code data=imported} and
 * {@link #parse} reads it back given the dataset. Every other key means what it always means
 * ({@code split} applies when the dataset has no split column; {@code seed} draws that split,
 * the weights and the batch order). A text without {@code data=imported} is an ordinary spec,
 * so every existing spec, id and fingerprint is unchanged.
 */
public final class ImportedSpec {
    /** The {@code data} value of an experiment on imported points. */
    public static final String DATA_VALUE = "imported";

    private static final String DATA_KEY = "data";
    private static final String CLASSES_KEY = "classes";
    private static final String POINTS_KEY = "points";
    private static final String DATA_PAIR = DATA_KEY + "=" + DATA_VALUE;

    private ImportedSpec() {}

    /** The generated kind that stands in for imported points of this sort. */
    public static DatasetKind carrier(boolean regression) {
        return regression ? DatasetKind.PLANE : DatasetKind.GAUSS;
    }

    /** True when the text names imported data ({@code data=imported} among its pairs). */
    public static boolean namesImported(String text) {
        String body = text.startsWith("#") ? text.substring(1) : text;
        for (String pair : body.split("&", -1)) {
            if (pair.equals(DATA_PAIR)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code spec} moved onto {@code dataset}: the carrier kind, the dataset's classes (or the
     * spec's when it already has as many, so a 4-class network on 3 classes stays), no drawn
     * points; the nearest valid loss when the old one no longer fits (mse for regression).
     */
    public static Spec carry(Spec spec, Dataset dataset) {
        DatasetKind carrier = carrier(dataset.regression());
        int classes = dataset.regression()
                ? 1
                : spec.data() == carrier && spec.classes() >= dataset.classes() ? spec.classes() : dataset.classes();
        String text = replace(SpecCodec.print(spec), carrier.key(), classes);
        return SpecCodec.parse(text).spec();
    }

    /** The canonical text of a carried spec, with {@code data=imported}. */
    public static String print(Spec carried) {
        String canonical = SpecCodec.print(carried);
        String from = "&" + DATA_KEY + "=" + carried.data().key() + "&";
        int at = canonical.indexOf(from);
        if (at < 0) {
            throw new IllegalStateException("a canonical spec names its data: " + canonical);
        }
        return canonical.substring(0, at) + "&" + DATA_PAIR + "&" + canonical.substring(at + from.length());
    }

    /**
     * Reads a text that names imported data, given the points: the carried spec (nearest valid)
     * and its problems, plus one when the points do not fit it. {@code dataset} null: the nearest
     * valid spec without the imported data, and a problem saying where the points are.
     */
    public static ParseResult parse(String text, Dataset dataset) {
        List<String> pairs = new ArrayList<>();
        String body = text.startsWith("#") ? text.substring(1) : text;
        for (String pair : body.split("&", -1)) {
            if (pair.equals(DATA_PAIR)) {
                if (dataset != null) {
                    pairs.add(DATA_KEY + "=" + carrier(dataset.regression()).key());
                }
            } else if (dataset != null || !pair.startsWith(CLASSES_KEY + "=")) {
                pairs.add(pair);
            }
        }
        ParseResult parsed = SpecCodec.parse(String.join("&", pairs));
        List<SpecProblem> problems = new ArrayList<>(parsed.problems());
        if (dataset == null) {
            problems.add(
                    0,
                    new SpecProblem(
                            DATA_KEY,
                            DATA_VALUE,
                            "the points of data=imported are not in the address: open the saved experiment's link"
                                    + " (/e/...) or import the CSV file again"));
        } else {
            String misfit = misfit(parsed.spec(), dataset);
            if (misfit != null) {
                problems.add(new SpecProblem(
                        CLASSES_KEY, Integer.toString(parsed.spec().classes()), misfit));
            }
        }
        return new ParseResult(parsed.spec(), problems);
    }

    /** Why the points cannot train under this carried spec, or null when they can. */
    public static String misfit(Spec carried, Dataset dataset) {
        if (carried.data() != carrier(dataset.regression())) {
            return "data=imported holds " + (dataset.regression() ? "regression targets" : "classes")
                    + "; the spec says data=" + carried.data().key();
        }
        if (!dataset.regression() && dataset.classes() > carried.classes()) {
            return "the imported points have classes 0.." + (dataset.classes() - 1) + "; classes must be "
                    + dataset.classes() + " to 6";
        }
        return null;
    }

    /** The canonical text with the data and classes values replaced and no points. */
    private static String replace(String canonical, String dataKey, int classes) {
        StringBuilder out = new StringBuilder();
        for (String pair : canonical.split("&", -1)) {
            String key = pair.substring(0, pair.indexOf('='));
            String value;
            if (key.equals(DATA_KEY)) {
                value = dataKey;
            } else if (key.equals(CLASSES_KEY)) {
                value = Integer.toString(classes);
            } else if (key.equals(POINTS_KEY)) {
                continue;
            } else {
                value = pair.substring(key.length() + 1);
            }
            out.append(out.length() == 0 ? "" : "&").append(key).append('=').append(value);
        }
        return out.toString();
    }
}
