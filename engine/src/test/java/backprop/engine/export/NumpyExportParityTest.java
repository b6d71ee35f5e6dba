package backprop.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported NumPy script, run by Debian's python3-numpy, prints the losses the engine computes:
 * 20 epochs within |a - b| <= 1e-9 |a| + 1e-12 for every activation, loss and optimizer, on
 * well-conditioned specs (moderate learning rates, at most 16 units a layer). One Python process
 * per spec.
 */
class NumpyExportParityTest {
    static final int EPOCHS = 20;
    private static final String BASE = "v=1&data=circle&n=120&noise=10&split=50&seed=7&features=x1,x2"
            + "&layers=6:tanh,5:tanh&loss=softmax&opt=sgd&lr=0.05&batch=8&reg=none&lambda=0&init=xavier";
    private static final LossParity PARITY = new LossParity();

    @BeforeAll
    static void needNumpy() {
        Python3.require("numpy");
    }

    @AfterAll
    static void report() {
        System.out.println(PARITY.report("numpy export"));
    }

    static Stream<String> specs() {
        List<String> specs = new ArrayList<>();
        for (String activation : new String[] {
            "linear",
            "sigmoid",
            "tanh",
            "relu",
            "leakyrelu",
            "prelu",
            "elu",
            "maxout",
            "swish",
            "hswish",
            "gelu",
            "softplus"
        }) {
            specs.add(with("layers", "8:" + activation + ",6:" + activation));
        }
        for (String loss : new String[] {"softmax", "svm", "bce", "mse"}) {
            specs.add(with("loss", loss));
        }
        specs.add(with("data", "plane")
                .replace("&layers=6:tanh,5:tanh", "&layers=8:relu")
                .replace("lr=0.05", "lr=0.01")
                .replace("&loss=softmax", "&loss=mse"));
        specs.add(
                with("data", "multigauss").replace("&loss=softmax", "&loss=mse").replace("lr=0.05", "lr=0.01"));
        specs.add(with("opt", "momentum").replace("lr=0.05", "lr=0.01"));
        specs.add(with("opt", "adam").replace("lr=0.05", "lr=0.005"));
        specs.add(with("opt", "adam")
                .replace("lr=0.05", "lr=0.01")
                .replace("layers=6:tanh,5:tanh", "layers=16:relu,16:prelu"));
        specs.add(with("reg", "l2").replace("lambda=0", "lambda=0.01"));
        specs.add(with("reg", "l1").replace("lambda=0", "lambda=0.003"));
        specs.add(with("features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2").replace("lr=0.05", "lr=0.01"));
        specs.add(with("data", "gauss")
                .replace("&n=120", "&classes=4&n=120")
                .replace("layers=6:tanh,5:tanh", "layers=8:elu"));
        specs.add(with("data", "spiral")
                .replace("&n=120", "&classes=3&n=150")
                .replace("&loss=softmax", "&loss=svm")
                .replace("&opt=sgd", "&opt=momentum")
                .replace("lr=0.05", "lr=0.01"));
        specs.add(with("layers", ""));
        specs.add(with("batch", "1").replace("lr=0.05", "lr=0.01"));
        specs.add(with("batch", "500"));
        specs.add(with("init", "he").replace("layers=6:tanh,5:tanh", "layers=12:relu,12:relu,12:relu"));
        specs.add(with("init", "uniform").replace("&data=circle", "&data=xor"));
        // Batch normalization: batch statistics in training, running ones for the printed loss, a
        // smaller last batch (60 training points, batch 7), a batch of one, maxout pieces, Adam on γ and β.
        specs.add(with("layers", "8:relu:bn,6:tanh:bn").replace("batch=8", "batch=7"));
        specs.add(with("layers", "8:maxout:bn,6:sigmoid"));
        specs.add(with("layers", "8:relu:bn").replace("batch=8", "batch=1").replace("lr=0.05", "lr=0.01"));
        specs.add(with("opt", "adam")
                .replace("lr=0.05", "lr=0.01")
                .replace("layers=6:tanh,5:tanh", "layers=8:elu:bn,8:relu"));
        return specs.stream();
    }

    private static String with(String key, String value) {
        return BASE.replaceFirst("&" + key + "=[^&]*", "&" + key + "=" + value);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void theScriptPrintsTheEngineLosses(String text) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(text));
        String script = NumpyExport.script(trainer, EPOCHS);
        PARITY.compare(text, trainer, EPOCHS, Python3.output(script));
    }

    /**
     * Composed activations, two layers a spec: together every unary part (but √x, below) and every
     * binary part, β where a part reads it.
     */
    static Stream<String> composedSpecs() {
        return Stream.of(
                        "6:mul_neg_tanh,5:add_x_cosh",
                        "6:add_x_abs,5:sub_x_asinh",
                        "6:gaussdiff_x_sq_1,5:div_x_exp",
                        "6:add_x_cube,5:max_x_atan",
                        "6:add_bx_sinc_0.5,5:min_x_relu",
                        "6:add_xpb_min0_0.5,5:sigmul_x_x",
                        "6:mul_x_logabs,5:gaussdiff_x_tanh_1",
                        "6:add_x_sin,5:expabsdiff_x_sigmoid_1",
                        "6:add_x_cos,5:mix_x_softplus_0.3",
                        "6:add_x_sinh,5:mul_x_gauss",
                        "6:add_x_erf,5:add_x_beta_0.5")
                .map(layers -> with("layers", layers).replace("lr=0.05", "lr=0.01"));
    }

    @ParameterizedTest
    @MethodSource("composedSpecs")
    void composedActivationsExportPartByPart(String text) {
        theScriptPrintsTheEngineLosses(text);
    }

    /** √x is NaN for x < 0: the engine and the script both stop in the first epoch. */
    @Test
    void anUndefinedPartDivergesInTheSameEpoch() {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(with("layers", "6:add_x_sqrt")));
        assertEquals(
                "diverged at epoch 1",
                Python3.output(NumpyExport.script(trainer, EPOCHS)).strip());
        trainer.stepEpoch();
        assertTrue(trainer.diverged() && trainer.epoch() == 0);
    }

    /** A trained state exported mid-epoch continues as the engine does. */
    @ParameterizedTest
    @MethodSource("resumedSpecs")
    void aMidEpochStateContinuesAsTheEngineDoes(String text) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(text));
        trainer.stepEpoch();
        trainer.stepEpoch();
        trainer.stepBatch();
        trainer.stepBatch();
        String script = NumpyExport.script(trainer, EPOCHS);
        PARITY.compare(text, trainer, EPOCHS, Python3.output(script));
    }

    /** Where the engine refuses a batch whose loss is not finite, the script stops in the same epoch. */
    @Test
    void aDivergingRunSaysInWhichEpoch() {
        String text = "v=1&loss=mse&lr=10&layers=16:relu,16:relu&init=uniform";
        Trainer trainer = new Trainer(SpecCodec.parseStrict(text));
        String[] lines =
                Python3.output(NumpyExport.script(trainer, 100)).strip().split("\n");
        while (!trainer.diverged()) {
            trainer.stepEpoch();
        }
        assertEquals("diverged at epoch " + (trainer.epoch() + 1), lines[lines.length - 1]);
        assertEquals(trainer.epoch() + 1, lines.length);
    }

    static Stream<String> resumedSpecs() {
        return Stream.of(
                with("opt", "adam").replace("lr=0.05", "lr=0.01").replace("layers=6:tanh,5:tanh", "layers=8:prelu"),
                with("opt", "momentum").replace("lr=0.05", "lr=0.01"),
                with("opt", "momentum")
                        .replace("lr=0.05", "lr=0.01")
                        .replace("layers=6:tanh,5:tanh", "layers=8:tanh:bn"));
    }
}
