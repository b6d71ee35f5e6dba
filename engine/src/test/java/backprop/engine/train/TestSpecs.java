package backprop.engine.train;

import backprop.engine.spec.Activation;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import backprop.engine.spec.InitKind;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.OptimizerKind;
import backprop.engine.spec.RegularizationKind;
import backprop.engine.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/** Specs for tests, built from the default one field by field (no codec needed). */
final class TestSpecs {
    private DatasetKind data;
    private int classes;
    private int n;
    private int noise;
    private int split;
    private int seed;
    private List<Feature> features;
    private List<LayerSpec> layers;
    private LossKind loss;
    private OptimizerKind opt;
    private double lr;
    private int batch;
    private RegularizationKind reg;
    private double lambda;
    private InitKind init;

    private TestSpecs() {
        Spec d = Spec.defaults();
        data = d.data();
        classes = d.classes();
        n = d.n();
        noise = d.noise();
        split = d.split();
        seed = d.seed();
        features = d.features();
        layers = d.layers();
        loss = d.loss();
        opt = d.opt();
        lr = d.lr();
        batch = d.batch();
        reg = d.reg();
        lambda = d.lambda();
        init = d.init();
    }

    static TestSpecs defaults() {
        return new TestSpecs();
    }

    TestSpecs data(DatasetKind value, int classCount) {
        data = value;
        classes = classCount;
        return this;
    }

    TestSpecs n(int value) {
        n = value;
        return this;
    }

    TestSpecs noise(int value) {
        noise = value;
        return this;
    }

    TestSpecs seed(int value) {
        seed = value;
        return this;
    }

    TestSpecs features(Feature... values) {
        features = List.of(values);
        return this;
    }

    /** e.g. {@code layers("16:relu", "16:relu")}; none for no hidden layer. */
    TestSpecs layers(String... values) {
        List<LayerSpec> list = new ArrayList<>();
        for (String v : values) {
            String[] parts = v.split(":");
            list.add(new LayerSpec(Integer.parseInt(parts[0]), Activation.fromKey(parts[1])));
        }
        layers = list;
        return this;
    }

    TestSpecs loss(LossKind value) {
        loss = value;
        return this;
    }

    TestSpecs opt(OptimizerKind value, double learningRate) {
        opt = value;
        lr = learningRate;
        return this;
    }

    TestSpecs batch(int value) {
        batch = value;
        return this;
    }

    TestSpecs reg(RegularizationKind value, double strength) {
        reg = value;
        lambda = strength;
        return this;
    }

    TestSpecs init(InitKind value) {
        init = value;
        return this;
    }

    Spec build() {
        return new Spec(
                1, data, classes, n, noise, split, seed, features, layers, loss, opt, lr, batch, reg, lambda, init,
                List.of());
    }
}
