package backprop.engine.spec;

import backprop.engine.math.Rng;
import java.util.ArrayList;
import java.util.List;

/** Random valid specs for property tests, from a seeded generator. */
final class RandomSpecs {
    private RandomSpecs() {}

    static Spec next(Rng rng) {
        DatasetKind[] datasets = DatasetKind.values();
        DatasetKind data = datasets[rng.nextInt(datasets.length)];
        int classes;
        if (data.isRegression()) {
            classes = 1;
        } else if (data.hasClassChoice()) {
            classes = 2 + rng.nextInt(5);
        } else {
            classes = 2;
        }
        List<CustomPoint> points = new ArrayList<>();
        int n;
        if (data == DatasetKind.CUSTOM) {
            int count = rng.nextInt(10) == 0 ? 500 : 1 + rng.nextInt(40);
            for (int i = 0; i < count; i++) {
                points.add(new CustomPoint(coordinate(rng), coordinate(rng), rng.nextInt(2)));
            }
            n = count;
        } else {
            n = 20 + rng.nextInt(1981);
        }
        List<Feature> features = new ArrayList<>();
        while (features.isEmpty()) {
            for (Feature f : Feature.values()) {
                if (rng.nextInt(2) == 0) {
                    features.add(f);
                }
            }
        }
        List<LayerSpec> layers = new ArrayList<>();
        int depth = rng.nextInt(9);
        Activation[] activations = Activation.builtIns();
        for (int i = 0; i < depth; i++) {
            int units = 1 + rng.nextInt(32);
            LayerSpec layer = rng.nextInt(4) == 0
                    ? new LayerSpec(units, composition(rng))
                    : new LayerSpec(units, activations[rng.nextInt(activations.length)]);
            layers.add(layer.withBatchNorm(rng.nextInt(3) == 0));
        }
        LossKind loss;
        if (data.isRegression()) {
            loss = LossKind.MSE;
        } else {
            do {
                loss = LossKind.values()[rng.nextInt(LossKind.values().length)];
            } while (loss == LossKind.BCE && classes != 2);
        }
        int seed = rng.nextInt(20) == 0 ? Integer.MAX_VALUE : rng.nextInt(Integer.MAX_VALUE);
        return new Spec(
                1,
                data,
                classes,
                n,
                rng.nextInt(51),
                10 + rng.nextInt(81),
                seed,
                features,
                layers,
                loss,
                OptimizerKind.values()[rng.nextInt(3)],
                learningRate(rng),
                1 + rng.nextInt(2000),
                RegularizationKind.values()[rng.nextInt(3)],
                lambda(rng),
                InitKind.values()[rng.nextInt(3)],
                points);
    }

    /** k/100 for k in -600..600, the way the page rounds a click. */
    static double coordinate(Rng rng) {
        return (rng.nextInt(1201) - 600) / 100.0;
    }

    /** A double in (0, 10]: mostly arbitrary 53-bit values, some tiny, some round, some edges. */
    /** A random composition; β, when used, is in [-10, 10] with up to 4 decimals, either sign. */
    static Composition composition(Rng rng) {
        BinaryFn b = BinaryFn.values()[rng.nextInt(BinaryFn.values().length)];
        UnaryFn u1 = UnaryFn.values()[rng.nextInt(UnaryFn.values().length)];
        UnaryFn u2 = UnaryFn.values()[rng.nextInt(UnaryFn.values().length)];
        double beta = (rng.nextInt(20001) - 10000) / (double) pow10(3 + rng.nextInt(2));
        return new Composition(b, u1, u2, beta);
    }

    private static long pow10(int k) {
        long p = 1;
        for (int i = 0; i < k; i++) {
            p *= 10;
        }
        return p;
    }

    static double learningRate(Rng rng) {
        switch (rng.nextInt(6)) {
            case 0:
                return 10.0;
            case 1:
                return Math.pow(10, -rng.nextInt(12)); // tests may use Math.pow
            case 2: {
                double x = Double.longBitsToDouble(rng.nextLong() >>> 1); // any positive bit pattern
                return x > 0 && x <= 10 ? x : Double.MIN_VALUE * (1 + rng.nextInt(1000));
            }
            default:
                return 10.0 - 10.0 * rng.nextDouble(); // (0, 10]
        }
    }

    static double lambda(Rng rng) {
        switch (rng.nextInt(5)) {
            case 0:
                return 0.0;
            case 1:
                return 10.0;
            default:
                return 10.0 * rng.nextDouble();
        }
    }
}
