package backprop.ui.playground;

import backprop.engine.data.DataSplit;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import backprop.engine.spec.CustomPoint;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecLimits;
import backprop.engine.spec.SpecNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The edits the playground's controls make to a spec, each returning a new valid spec. An edit
 * that one key alone would make invalid carries the dependent keys along (a regression set
 * takes the squared-error loss and one output; a two-class set takes two classes), the way a
 * user expects. Pure Java, so the JVM tests check every edit.
 */
public final class SpecEditor {
    /** Points copied into "your own points" from the dataset shown when the user switches. */
    public static final int CUSTOM_SEED_POINTS = 100;
    /** A click removes the nearest point within this distance (input units). */
    public static final double REMOVE_RADIUS = 0.4;

    private SpecEditor() {}

    /** The text of {@code spec} with {@code key} set to {@code value}; parsed back strictly. */
    public static Spec with(Spec spec, String key, String value) {
        String text = SpecCodec.print(spec);
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (out.length() > 0) {
                out.append('&');
            }
            if (k.equals(key)) {
                out.append(key).append('=').append(value);
                replaced = true;
            } else {
                out.append(pair);
            }
        }
        if (!replaced) {
            out.append('&').append(key).append('=').append(value);
        }
        return SpecCodec.parseStrict(out.toString());
    }

    /** New data and new initial weights from {@code seed} (Regenerate): any separate {@code initseed} is dropped. */
    public static Spec regenerate(Spec spec, int seed) {
        return with(spec.withInitSeed(spec.seed()), "seed", Integer.toString(seed));
    }

    /** New initial weights from {@code initSeed} on the same data and shuffles ("New weights"). */
    public static Spec newWeights(Spec spec, int initSeed) {
        return SpecCodec.parseStrict(SpecCodec.print(spec.withInitSeed(initSeed)));
    }

    /** Another dataset; classes, loss, n and points follow it. {@code shown} seeds custom data. */
    public static Spec withData(Spec spec, DatasetKind data, DataSplit shown) {
        int classes = data.isRegression() ? 1 : (data.hasClassChoice() ? Math.max(2, spec.classes()) : 2);
        LossKind loss =
                data.isRegression() ? LossKind.MSE : (spec.data().isRegression() ? LossKind.SOFTMAX : spec.loss());
        if (loss == LossKind.BCE && classes != 2) {
            loss = LossKind.SOFTMAX;
        }
        List<CustomPoint> points = List.of();
        int n = spec.data() == DatasetKind.CUSTOM ? 500 : spec.n();
        if (data == DatasetKind.CUSTOM) {
            points = seedPoints(shown, spec.data().isRegression(), CUSTOM_SEED_POINTS);
            n = points.size();
        }
        return rebuild(spec, data, classes, n, spec.layers(), spec.features(), loss, points);
    }

    /** The number of classes (only where the dataset allows a choice). */
    public static Spec withClasses(Spec spec, int classes) {
        LossKind loss = spec.loss() == LossKind.BCE && classes != 2 ? LossKind.SOFTMAX : spec.loss();
        return rebuild(spec, spec.data(), classes, spec.n(), spec.layers(), spec.features(), loss, spec.points());
    }

    public static Spec withLoss(Spec spec, LossKind loss) {
        return rebuild(
                spec, spec.data(), spec.classes(), spec.n(), spec.layers(), spec.features(), loss, spec.points());
    }

    /**
     * Layer {@code index} with the activation called {@code name}, built-in or composed (units
     * kept); an unknown or invalid name leaves the spec unchanged.
     */
    public static Spec withActivation(Spec spec, int index, String name) {
        LayerSpec current = spec.layers().get(index);
        int units = current.units();
        LayerSpec layer;
        if (Composition.looksComposed(name)) {
            Composition composition = Composition.parse(name).composition();
            if (composition == null) {
                return spec;
            }
            layer = new LayerSpec(units, composition);
        } else {
            Activation activation = Activation.fromKey(name);
            if (activation == null) {
                return spec;
            }
            layer = new LayerSpec(units, activation);
        }
        List<LayerSpec> layers = new ArrayList<>(spec.layers());
        layers.set(index, layer.withBatchNorm(current.batchNorm()));
        return withLayers(spec, layers);
    }

    public static Spec withLayers(Spec spec, List<LayerSpec> layers) {
        return rebuild(
                spec, spec.data(), spec.classes(), spec.n(), layers, spec.features(), spec.loss(), spec.points());
    }

    /**
     * Turns a feature on or off.
     *
     * @throws IllegalArgumentException naming the feature when it is the last one left (the
     *     network needs at least one input)
     */
    public static Spec toggleFeature(Spec spec, Feature feature, boolean on) {
        List<Feature> features = new ArrayList<>();
        for (Feature f : Feature.values()) {
            boolean had = spec.features().contains(f);
            if (f == feature ? on : had) {
                features.add(f);
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("features: " + feature.key()
                    + " is the only feature left; allowed: at least one input feature (turn another on first)");
        }
        return rebuild(
                spec, spec.data(), spec.classes(), spec.n(), spec.layers(), features, spec.loss(), spec.points());
    }

    /**
     * Adds a point of class {@code label} at (x1, x2) to custom data. From another dataset, the
     * custom data starts as all of that dataset's points (as many as fit beside the new one).
     *
     * @throws IllegalArgumentException naming the limit when the data already holds 500 points
     */
    public static Spec addPoint(Spec spec, DataSplit shown, double x1, double x2, int label) {
        Spec custom =
                spec.data() == DatasetKind.CUSTOM ? spec : toCustom(spec, shown, SpecLimits.MAX_CUSTOM_POINTS - 1);
        if (custom.points().size() >= SpecLimits.MAX_CUSTOM_POINTS) {
            throw new IllegalArgumentException("points: your own data holds at most " + SpecLimits.MAX_CUSTOM_POINTS
                    + " points; remove some (Delete, or shift-click) before adding more");
        }
        List<CustomPoint> points = new ArrayList<>(custom.points());
        int drawn = Math.max(0, Math.min(label, SpecLimits.MAX_CLASSES - 1));
        points.add(new CustomPoint(SpecNumbers.roundCoordinate(x1), SpecNumbers.roundCoordinate(x2), drawn));
        return withPoints(custom, points, Math.max(custom.classes(), drawn + 1));
    }

    /** Custom data made of the shown points (at most {@code limit}), keeping classes and the network. */
    public static Spec toCustom(Spec spec, DataSplit shown, int limit) {
        List<CustomPoint> points = seedPoints(shown, spec.data().isRegression(), limit);
        int classes = spec.data().isRegression() ? 2 : Math.max(2, spec.classes());
        LossKind loss = spec.data().isRegression() ? LossKind.SOFTMAX : spec.loss();
        if (loss == LossKind.BCE && classes != 2) {
            loss = LossKind.SOFTMAX;
        }
        return rebuild(spec, DatasetKind.CUSTOM, classes, points.size(), spec.layers(), spec.features(), loss, points);
    }

    /** Custom data with just these points (at least one), keeping the rest of the experiment. */
    public static Spec withPoints(Spec spec, List<CustomPoint> points, int classes) {
        LossKind loss = spec.data().isRegression() ? LossKind.SOFTMAX : spec.loss();
        if (loss == LossKind.BCE && classes != 2) {
            loss = LossKind.SOFTMAX;
        }
        return rebuild(spec, DatasetKind.CUSTOM, classes, points.size(), spec.layers(), spec.features(), loss, points);
    }

    /** Removes the custom point nearest (x1, x2) within {@link #REMOVE_RADIUS}; keeps at least one. */
    public static Spec removePoint(Spec spec, double x1, double x2) {
        if (spec.data() != DatasetKind.CUSTOM || spec.points().size() <= SpecLimits.MIN_CUSTOM_POINTS) {
            return spec;
        }
        int nearest = -1;
        double best = REMOVE_RADIUS * REMOVE_RADIUS;
        for (int i = 0; i < spec.points().size(); i++) {
            CustomPoint p = spec.points().get(i);
            double d = (p.x1() - x1) * (p.x1() - x1) + (p.x2() - x2) * (p.x2() - x2);
            if (d <= best) {
                best = d;
                nearest = i;
            }
        }
        if (nearest < 0) {
            return spec;
        }
        List<CustomPoint> points = new ArrayList<>(spec.points());
        points.remove(nearest);
        return rebuild(
                spec, spec.data(), spec.classes(), points.size(), spec.layers(), spec.features(), spec.loss(), points);
    }

    /**
     * The shown points as editable custom data, at the spec's precision (2 decimals), with their
     * classes (a regression set's points become class 1 above 0, else 0): all of them, or
     * {@code limit} spread evenly when there are more.
     */
    static List<CustomPoint> seedPoints(DataSplit shown, boolean regression, int limit) {
        int total = shown.trainLabel().length + shown.testLabel().length;
        List<CustomPoint> points = new ArrayList<>();
        int take = Math.min(limit, total);
        for (int k = 0; k < take; k++) {
            int i = (int) ((long) k * total / take);
            boolean train = i < shown.trainLabel().length;
            int j = train ? i : i - shown.trainLabel().length;
            double[] xy = train ? shown.trainX() : shown.testX();
            int label = regression
                    ? ((train ? shown.trainTarget() : shown.testTarget())[j] >= 0 ? 1 : 0)
                    : (train ? shown.trainLabel() : shown.testLabel())[j];
            points.add(new CustomPoint(
                    SpecNumbers.roundCoordinate(xy[2 * j]), SpecNumbers.roundCoordinate(xy[2 * j + 1]), label));
        }
        if (points.isEmpty()) {
            points.add(new CustomPoint(-2, 0, 0));
            points.add(new CustomPoint(2, 0, 1));
        }
        return points;
    }

    private static Spec rebuild(
            Spec s,
            DatasetKind data,
            int classes,
            int n,
            List<LayerSpec> layers,
            List<Feature> features,
            LossKind loss,
            List<CustomPoint> points) {
        Spec next = new Spec(
                s.version(),
                data,
                classes,
                n,
                s.noise(),
                s.split(),
                s.seed(),
                features,
                layers,
                loss,
                s.opt(),
                s.lr(),
                s.batch(),
                s.reg(),
                s.lambda(),
                s.init(),
                points,
                s.initSeed());
        // Printing validates: an edit that would make an invalid spec throws here, never reaches the page.
        return SpecCodec.parseStrict(SpecCodec.print(next));
    }
}
