package backprop.engine.spec;

import java.util.List;

/**
 * One experiment, typed. Parse and print it with {@link SpecCodec}; a {@code Spec} built by the
 * codec is always valid. {@code classes} is 1 for regression sets. {@code points} is empty
 * unless {@code data} is {@link DatasetKind#CUSTOM}. {@code initSeed} drives only the initial
 * weights (key {@code initseed}, left out of the printed spec when it equals {@code seed}); data and
 * each epoch's shuffle draw from {@code seed}.
 */
public record Spec(
        int version,
        DatasetKind data,
        int classes,
        int n,
        int noise,
        int split,
        int seed,
        List<Feature> features,
        List<LayerSpec> layers,
        LossKind loss,
        OptimizerKind opt,
        double lr,
        int batch,
        RegularizationKind reg,
        double lambda,
        InitKind init,
        List<CustomPoint> points,
        int initSeed) {

    public Spec {
        features = List.copyOf(features);
        layers = List.copyOf(layers);
        points = List.copyOf(points);
    }

    /** An experiment whose initial weights draw from {@code seed}, like its data (no {@code initseed} key). */
    public Spec(
            int version,
            DatasetKind data,
            int classes,
            int n,
            int noise,
            int split,
            int seed,
            List<Feature> features,
            List<LayerSpec> layers,
            LossKind loss,
            OptimizerKind opt,
            double lr,
            int batch,
            RegularizationKind reg,
            double lambda,
            InitKind init,
            List<CustomPoint> points) {
        this(
                version, data, classes, n, noise, split, seed, features, layers, loss, opt, lr, batch, reg, lambda,
                init, points, seed);
    }

    /** The default experiment: what {@code /} shows and what missing keys fall back to. */
    public static final String DEFAULT_TEXT = "v=1&data=spiral&classes=2&n=500&noise=0&split=50&seed=1&features=x1,x2"
            + "&layers=8:tanh,8:tanh&loss=softmax&opt=sgd&lr=0.03&batch=10&reg=none&lambda=0&init=xavier";

    public static Spec defaults() {
        return new Spec(
                1,
                DatasetKind.SPIRAL,
                2,
                500,
                0,
                50,
                1,
                List.of(Feature.X1, Feature.X2),
                List.of(new LayerSpec(8, Activation.TANH), new LayerSpec(8, Activation.TANH)),
                LossKind.SOFTMAX,
                OptimizerKind.SGD,
                0.03,
                10,
                RegularizationKind.NONE,
                0.0,
                InitKind.XAVIER,
                List.of());
    }

    /** This experiment with another learning rate and regularization strength; every other key the same. */
    public Spec withTuning(double lr, double lambda) {
        return new Spec(
                version, data, classes, n, noise, split, seed, features, layers, loss, opt, lr, batch, reg, lambda,
                init, points, initSeed);
    }

    /** This experiment with new initial weights drawn from {@code seed} (the same data and shuffles). */
    public Spec withInitSeed(int seed) {
        return new Spec(
                version, data, classes, n, noise, split, this.seed, features, layers, loss, opt, lr, batch, reg, lambda,
                init, points, seed);
    }

    /**
     * True when {@code other} differs from this experiment in nothing but {@code lr} and
     * {@code lambda}: the change a running trainer takes without starting over.
     */
    public boolean sameExceptTuning(Spec other) {
        return withTuning(other.lr, other.lambda).equals(other);
    }

    /** Number of network outputs: 1 for regression and for {@code bce}, else one per class. */
    public int outputs() {
        if (data.isRegression() || loss == LossKind.BCE) {
            return 1;
        }
        return classes;
    }
}
