package backprop.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns the raw value text of each key into the nearest valid {@link Spec}, recording every
 * problem under its key. Both {@link SpecCodec#parse} (text from a fragment) and
 * {@link SpecCodec#validate} (text printed from a Spec built in code) go through here, so they
 * apply the same rules with the same messages.
 *
 * <p>A key is absent (no text), reported (it occurred but was malformed, e.g. without '=', and its
 * problem is already recorded) or given. Absent and reported keys, and given keys with a bad value,
 * take the value an absent key means, which can depend on keys resolved before them:
 * classes is 1 and loss is mse for a regression set; n is the number of points for data=custom.
 *
 * <p>Cross-key rules, and which key is blamed:
 * <ul>
 *   <li>data wins over classes: {@code data=circle&classes=4} is a problem on classes (nearest
 *       valid: 2; 1 for a regression set, where {@code classes=2} is a problem).</li>
 *   <li>data and classes win over loss: a regression set allows only mse (nearest valid: mse);
 *       {@code bce} with classes other than 2 is a problem on loss (nearest valid: softmax).</li>
 *   <li>points belong to data=custom: with another set, points are a problem and dropped. With
 *       data=custom, missing or bad points are a problem on points; a custom set without points
 *       cannot stand, so data falls back to its default (spiral) and no points are kept. The n
 *       given then counted custom points: it stays if it fits the fallback set (20..2000), else
 *       takes its default (500), without a problem of its own.</li>
 *   <li>with data=custom, n must equal the number of points: a mismatch is a problem on n
 *       (nearest valid: the number of points).</li>
 * </ul>
 * Keys are resolved in the order v, data, points, classes, n, then the rest of the table; the
 * problems are reported in table order.
 */
final class SpecResolver {
    private static final Spec DEFAULTS = Spec.defaults();

    private final String[] raw;
    private final boolean[] reported;
    private final List<List<SpecProblem>> problems = new ArrayList<>();

    /**
     * @param raw the value text per key (by {@link SpecKey} ordinal), null when absent or reported
     * @param reported true where the key occurred but its problem has already been recorded
     */
    SpecResolver(String[] raw, boolean[] reported) {
        this.raw = raw.clone();
        this.reported = reported.clone();
        for (int i = 0; i < SpecKey.values().length; i++) {
            problems.add(new ArrayList<>());
        }
    }

    /** The problems found for one key, in the order found. */
    List<SpecProblem> problemsOf(SpecKey key) {
        return problems.get(key.ordinal());
    }

    /** The nearest valid spec; call once. */
    Spec resolve() {
        resolveVersion();
        DatasetKind data = resolveData();
        List<CustomPoint> points = resolvePoints(data);
        boolean customFellBack = false;
        if (data == DatasetKind.CUSTOM && points == null) {
            data = DEFAULTS.data();
            customFellBack = true;
        }
        if (points == null) {
            points = List.of();
        }
        int classes = resolveClasses(data, points);
        int n = resolveN(data, points, customFellBack);
        int noise = resolveInteger(SpecKey.NOISE, 0, SpecLimits.MAX_NOISE, DEFAULTS.noise(), " (percent)");
        int split = resolveInteger(
                SpecKey.SPLIT,
                SpecLimits.MIN_SPLIT,
                SpecLimits.MAX_SPLIT,
                DEFAULTS.split(),
                " (percent used for training)");
        int seed = resolveInteger(SpecKey.SEED, 0, SpecLimits.MAX_SEED, DEFAULTS.seed(), "");
        List<Feature> features = resolveFeatures();
        List<LayerSpec> layers = resolveLayers();
        LossKind loss = resolveLoss(data, classes);
        OptimizerKind opt = resolveOptimizer();
        double lr = resolveReal(
                SpecKey.LR,
                false,
                SpecLimits.MAX_LEARNING_RATE,
                DEFAULTS.lr(),
                "a number > 0 and <= 10, in plain decimal (e.g. 0.03)");
        int batch = resolveInteger(
                SpecKey.BATCH,
                SpecLimits.MIN_BATCH,
                SpecLimits.MAX_BATCH,
                DEFAULTS.batch(),
                " (larger than the training set means the whole set)");
        RegularizationKind reg = resolveRegularization();
        double lambda = resolveReal(
                SpecKey.LAMBDA,
                true,
                SpecLimits.MAX_LAMBDA,
                DEFAULTS.lambda(),
                "a number from 0 to 10, in plain decimal (e.g. 0.001)");
        InitKind init = resolveInit();
        int initSeed = resolveInteger(
                SpecKey.INITSEED, 0, SpecLimits.MAX_SEED, seed, " (the initial weights' seed; left out, it is seed)");
        return new Spec(
                SpecLimits.VERSION,
                data,
                classes,
                n,
                noise,
                split,
                seed,
                features,
                layers,
                loss,
                opt,
                lr,
                batch,
                reg,
                lambda,
                init,
                points,
                initSeed);
    }

    private void problem(SpecKey key, String value, String allowed) {
        problems.get(key.ordinal()).add(new SpecProblem(key.key(), SpecText.shown(value), allowed));
    }

    private String given(SpecKey key) {
        return raw[key.ordinal()];
    }

    private void resolveVersion() {
        String text = given(SpecKey.V);
        if (text != null && SpecNumbers.parseInteger(text) != SpecLimits.VERSION) {
            problem(SpecKey.V, text, "1 (the format version)");
        }
    }

    private DatasetKind resolveData() {
        return resolveName(SpecKey.DATA, DatasetKind.values(), DatasetKind::key, DEFAULTS.data());
    }

    /** The points, or null when data=custom cannot stand (problem recorded). */
    private List<CustomPoint> resolvePoints(DatasetKind data) {
        String text = given(SpecKey.POINTS);
        if (data != DatasetKind.CUSTOM) {
            if (text != null) {
                problem(SpecKey.POINTS, text, "no points unless data=custom");
            }
            return List.of();
        }
        if (text == null) {
            if (!reported[SpecKey.POINTS.ordinal()]) {
                problem(SpecKey.POINTS, "", pointsAllowed() + "; data=custom needs its points");
            }
            return null;
        }
        List<String> triples = SpecText.split(text, ';');
        if (text.isEmpty() || triples.size() > SpecLimits.MAX_CUSTOM_POINTS) {
            problem(
                    SpecKey.POINTS,
                    text,
                    pointsAllowed() + "; " + (text.isEmpty() ? 0 : triples.size()) + " points given");
            return null;
        }
        List<CustomPoint> points = new ArrayList<>(triples.size());
        for (int i = 0; i < triples.size(); i++) {
            String triple = triples.get(i);
            String where = "; point " + (i + 1) + " \"" + SpecText.shown(triple) + "\" ";
            List<String> parts = SpecText.split(triple, ',');
            if (parts.size() != 3) {
                problem(SpecKey.POINTS, text, pointsAllowed() + where + "is not x1,x2,class");
                return null;
            }
            double x1 = SpecNumbers.parseCoordinate(parts.get(0));
            double x2 = SpecNumbers.parseCoordinate(parts.get(1));
            if (x1 != x1 || x2 != x2) {
                problem(
                        SpecKey.POINTS,
                        text,
                        pointsAllowed() + where + "has a coordinate that is not a number in "
                                + "[-6, 6] with at most 2 decimals");
                return null;
            }
            long label = SpecNumbers.parseInteger(parts.get(2));
            if (label < 0 || label >= SpecLimits.MAX_CLASSES) {
                problem(
                        SpecKey.POINTS,
                        text,
                        pointsAllowed() + where + "has a class outside 0.." + (SpecLimits.MAX_CLASSES - 1));
                return null;
            }
            points.add(new CustomPoint(x1, x2, (int) label));
        }
        return points;
    }

    private static String pointsAllowed() {
        return "1 to 500 points x1,x2,class joined by ';', x1 and x2 numbers in [-6, 6] with at most 2 decimals, "
                + "class 0 to 5 (below data=custom's classes, 2 to 6)";
    }

    private int resolveClasses(DatasetKind data, List<CustomPoint> points) {
        int labelsNeeded = 0;
        for (CustomPoint point : points) {
            labelsNeeded = Math.max(labelsNeeded, point.label() + 1);
        }
        int fallback = data.isRegression() ? 1 : Math.max(DEFAULTS.classes(), labelsNeeded);
        String text = given(SpecKey.CLASSES);
        if (text == null) {
            return fallback;
        }
        int min;
        int max;
        String allowed;
        if (data.isRegression()) {
            min = 1;
            max = 1;
            allowed = "1 for data=" + data.key() + " (a regression set; classes may be left out)";
        } else if (data == DatasetKind.CUSTOM) {
            min = Math.max(SpecLimits.MIN_CLASSES, labelsNeeded);
            max = SpecLimits.MAX_CLASSES;
            allowed = "an integer from " + min + " to 6 for data=custom (more than the largest class among its points)";
        } else if (data.hasClassChoice()) {
            min = SpecLimits.MIN_CLASSES;
            max = SpecLimits.MAX_CLASSES;
            allowed = "an integer from 2 to 6 for data=" + data.key();
        } else {
            min = 2;
            max = 2;
            allowed = "2 for data=" + data.key() + " (only gauss, spiral and custom take 2 to 6 classes)";
        }
        long classes = SpecNumbers.parseInteger(text);
        if (classes < min || classes > max) {
            problem(SpecKey.CLASSES, text, allowed);
            return fallback;
        }
        return (int) classes;
    }

    private int resolveN(DatasetKind data, List<CustomPoint> points, boolean customFellBack) {
        String text = given(SpecKey.N);
        if (data == DatasetKind.CUSTOM) {
            int count = points.size();
            if (text != null && SpecNumbers.parseInteger(text) != count) {
                problem(
                        SpecKey.N,
                        text,
                        "the number of points given, " + count + ", for data=custom (n may be left out)");
            }
            return count;
        }
        if (customFellBack) {
            long n = text == null ? -1 : SpecNumbers.parseInteger(text);
            return n >= SpecLimits.MIN_POINTS && n <= SpecLimits.MAX_POINTS ? (int) n : DEFAULTS.n();
        }
        return resolveInteger(
                SpecKey.N, SpecLimits.MIN_POINTS, SpecLimits.MAX_POINTS, DEFAULTS.n(), " (points in total)");
    }

    private int resolveInteger(SpecKey key, int min, int max, int fallback, String note) {
        String text = given(key);
        if (text == null) {
            return fallback;
        }
        long value = SpecNumbers.parseInteger(text);
        if (value < min || value > max) {
            problem(key, text, "an integer from " + min + " to " + max + note);
            return fallback;
        }
        return (int) value;
    }

    private double resolveReal(SpecKey key, boolean zeroAllowed, double max, double fallback, String allowed) {
        String text = given(key);
        if (text == null) {
            return fallback;
        }
        double value = SpecNumbers.parseReal(text);
        boolean aboveMin = zeroAllowed ? value >= 0.0 : value > 0.0;
        if (!(aboveMin && value <= max)) { // also false for NaN (bad syntax) and infinities
            problem(key, text, allowed);
            return fallback;
        }
        return value + 0.0; // -0.0 + 0.0 is +0.0
    }

    private List<Feature> resolveFeatures() {
        String text = given(SpecKey.FEATURES);
        if (text == null) {
            return DEFAULTS.features();
        }
        List<String> names = new ArrayList<>();
        for (Feature f : Feature.values()) {
            names.add(f.key());
        }
        String allowed = "a comma-separated list of distinct features, at least one, from " + SpecText.joinNames(names);
        if (text.isEmpty()) {
            problem(SpecKey.FEATURES, text, allowed + "; no feature given");
            return DEFAULTS.features();
        }
        boolean[] chosen = new boolean[Feature.values().length];
        for (String name : SpecText.split(text, ',')) {
            Feature feature = Feature.fromKey(name);
            if (feature == null) {
                String hint = Feature.fromKey(SpecText.asciiLower(name)) != null
                        ? " (names are lowercase: " + SpecText.asciiLower(name) + ")"
                        : "";
                problem(SpecKey.FEATURES, text, allowed + "; \"" + SpecText.shown(name) + "\" is not a feature" + hint);
                return DEFAULTS.features();
            }
            if (chosen[feature.ordinal()]) {
                problem(SpecKey.FEATURES, text, allowed + "; " + name + " is listed twice");
                return DEFAULTS.features();
            }
            chosen[feature.ordinal()] = true;
        }
        List<Feature> features = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (chosen[f.ordinal()]) {
                features.add(f);
            }
        }
        return features;
    }

    private List<LayerSpec> resolveLayers() {
        String text = given(SpecKey.LAYERS);
        if (text == null) {
            return DEFAULTS.layers();
        }
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Activation a : Activation.builtIns()) {
            names.add(a.key());
        }
        String allowed = "0 to 8 hidden layers units:activation joined by commas (empty for none), units an integer "
                + "from 1 to 32, activation one of " + SpecText.joinNames(names) + ", or " + Composition.allowed()
                + "; a layer may end in :bn (batch normalization)";
        List<String> pieces = SpecText.split(text, ',');
        if (pieces.size() > SpecLimits.MAX_LAYERS) {
            problem(SpecKey.LAYERS, text, allowed + "; " + pieces.size() + " layers given");
            return DEFAULTS.layers();
        }
        List<LayerSpec> layers = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            String where = "; layer " + (i + 1) + " \"" + SpecText.shown(piece) + "\" ";
            int colon = piece.indexOf(':');
            if (colon < 0) {
                problem(SpecKey.LAYERS, text, allowed + where + "is not units:activation");
                return DEFAULTS.layers();
            }
            long units = SpecNumbers.parseInteger(piece.substring(0, colon));
            if (units < SpecLimits.MIN_UNITS || units > SpecLimits.MAX_UNITS) {
                problem(SpecKey.LAYERS, text, allowed + where + "has units outside 1 to 32");
                return DEFAULTS.layers();
            }
            String activationName = piece.substring(colon + 1);
            boolean batchNorm = activationName.endsWith(LayerSpec.BATCH_NORM_SUFFIX);
            if (batchNorm) {
                activationName =
                        activationName.substring(0, activationName.length() - LayerSpec.BATCH_NORM_SUFFIX.length());
            }
            int suffix = activationName.indexOf(':');
            if (suffix >= 0) {
                problem(
                        SpecKey.LAYERS,
                        text,
                        allowed + where + "has an unknown suffix \"" + SpecText.shown(activationName.substring(suffix))
                                + "\" (the only suffix is :bn, once, at the end)");
                return DEFAULTS.layers();
            }
            if (Composition.looksComposed(activationName)) {
                Composition.Parsed parsed = Composition.parse(activationName);
                if (parsed.composition() == null) {
                    problem(
                            SpecKey.LAYERS,
                            text,
                            allowed + where + "is not a valid composed activation: " + parsed.problem());
                    return DEFAULTS.layers();
                }
                layers.add(new LayerSpec((int) units, parsed.composition()).withBatchNorm(batchNorm));
                continue;
            }
            Activation activation = Activation.fromKey(activationName);
            if (activation == null) {
                String lower = SpecText.asciiLower(activationName);
                String hint = Activation.fromKey(lower) != null ? " (names are lowercase: " + lower + ")" : "";
                problem(SpecKey.LAYERS, text, allowed + where + "has an unknown activation" + hint);
                return DEFAULTS.layers();
            }
            layers.add(new LayerSpec((int) units, activation).withBatchNorm(batchNorm));
        }
        return layers;
    }

    private LossKind resolveLoss(DatasetKind data, int classes) {
        LossKind fallback = data.isRegression() ? LossKind.MSE : DEFAULTS.loss();
        String text = given(SpecKey.LOSS);
        if (text == null) {
            return fallback;
        }
        LossKind loss = LossKind.fromKey(text);
        if (data.isRegression() && loss != LossKind.MSE) {
            problem(SpecKey.LOSS, text, "mse for data=" + data.key() + " (a regression set; loss may be left out)");
            return fallback;
        }
        loss = resolveName(SpecKey.LOSS, LossKind.values(), LossKind::key, null);
        if (loss == null) {
            return fallback;
        }
        if (loss == LossKind.BCE && classes != 2) {
            problem(
                    SpecKey.LOSS,
                    text,
                    "softmax, svm or mse with classes=" + classes + " (bce needs exactly 2 classes)");
            return fallback;
        }
        return loss;
    }

    private OptimizerKind resolveOptimizer() {
        return resolveName(SpecKey.OPT, OptimizerKind.values(), OptimizerKind::key, DEFAULTS.opt());
    }

    private RegularizationKind resolveRegularization() {
        return resolveName(SpecKey.REG, RegularizationKind.values(), RegularizationKind::key, DEFAULTS.reg());
    }

    private InitKind resolveInit() {
        return resolveName(SpecKey.INIT, InitKind.values(), InitKind::key, DEFAULTS.init());
    }

    /** A name-valued key: one of the kinds by exact (lowercase) name, else a problem and the fallback. */
    private <T> T resolveName(SpecKey key, T[] kinds, Function<T, String> nameOf, T fallback) {
        String text = given(key);
        if (text == null) {
            return fallback;
        }
        T kind = byName(kinds, nameOf, text);
        if (kind == null) {
            List<String> names = new ArrayList<>();
            for (T k : kinds) {
                names.add(nameOf.apply(k));
            }
            problem(key, text, oneOf(names, text, byName(kinds, nameOf, SpecText.asciiLower(text)) != null));
            return fallback;
        }
        return kind;
    }

    /** Looks a name up by loop (TeaVM's enum valueOf breaks the JS build); null when unknown. */
    private static <T> T byName(T[] kinds, Function<T, String> nameOf, String name) {
        for (T kind : kinds) {
            if (nameOf.apply(kind).equals(name)) {
                return kind;
            }
        }
        return null;
    }

    /** "one of a, b, c", with a hint when only the letter case is wrong. */
    private static String oneOf(List<String> names, String given, boolean caseOnly) {
        String allowed = "one of " + SpecText.joinNames(names);
        if (caseOnly) {
            allowed += " (names are lowercase: " + SpecText.asciiLower(given) + ")";
        }
        return allowed;
    }
}
