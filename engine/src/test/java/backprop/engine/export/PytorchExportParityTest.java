package backprop.engine.export;

import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported PyTorch script, run by Debian's python3-torch, prints the engine's losses within
 * the NumPy export's tolerance for 20 epochs. Each spec pairs activations so that every PyTorch
 * module, loss and optimizer the export writes runs at least once; two start from a trained
 * state mid-epoch (optimizer state loaded). PyTorch starts slowly, so fewer specs than for NumPy.
 */
class PytorchExportParityTest {
    private static final String BASE = "v=1&data=circle&n=120&noise=10&split=50&seed=3&features=x1,x2"
            + "&layers=8:tanh,6:relu&loss=softmax&opt=sgd&lr=0.05&batch=8&reg=none&lambda=0&init=xavier";
    private static final LossParity PARITY = new LossParity();

    @BeforeAll
    static void needTorch() {
        Python3.require("torch");
    }

    @AfterAll
    static void report() {
        System.out.println(PARITY.report("pytorch export"));
    }

    static Stream<String> specs() {
        return Stream.of(
                BASE,
                BASE.replace("8:tanh,6:relu", "8:prelu,6:maxout").replace("opt=sgd&lr=0.05", "opt=adam&lr=0.01"),
                BASE.replace("8:tanh,6:relu", "8:elu,6:hswish")
                        .replace("loss=softmax", "loss=svm")
                        .replace("opt=sgd&lr=0.05", "opt=momentum&lr=0.01"),
                BASE.replace("8:tanh,6:relu", "8:gelu,6:swish")
                        .replace("loss=softmax", "loss=bce")
                        .replace("reg=none&lambda=0", "reg=l2&lambda=0.01"),
                BASE.replace("8:tanh,6:relu", "8:softplus,6:sigmoid")
                        .replace("loss=softmax", "loss=mse")
                        .replace("reg=none&lambda=0", "reg=l1&lambda=0.003"),
                BASE.replace("data=circle", "data=plane")
                        .replace("8:tanh,6:relu", "8:leakyrelu,6:linear")
                        .replace("loss=softmax", "loss=mse")
                        .replace("lr=0.05", "lr=0.01")
                        .replace("features=x1,x2", "features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2"),
                // Batch normalization: a smaller last batch, PReLU slopes before γ and β in Adam's state
                // order, maxout pieces, a batch of one.
                BASE.replace("8:tanh,6:relu", "8:relu:bn,6:tanh:bn").replace("batch=8", "batch=7"),
                BASE.replace("8:tanh,6:relu", "8:prelu:bn,6:maxout:bn").replace("opt=sgd&lr=0.05", "opt=adam&lr=0.01"),
                BASE.replace("8:tanh,6:relu", "8:sigmoid:bn")
                        .replace("batch=8", "batch=1")
                        .replace("lr=0.05", "lr=0.01"));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void theScriptPrintsTheEngineLosses(String text) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(text));
        PARITY.compare(
                text,
                trainer,
                NumpyExportParityTest.EPOCHS,
                Python3.output(PytorchExport.script(trainer, NumpyExportParityTest.EPOCHS)));
    }

    @ParameterizedTest
    @MethodSource("resumedSpecs")
    void aMidEpochStateContinuesAsTheEngineDoes(String text) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(text));
        trainer.stepEpoch();
        trainer.stepBatch();
        trainer.stepBatch();
        PARITY.compare(
                text,
                trainer,
                NumpyExportParityTest.EPOCHS,
                Python3.output(PytorchExport.script(trainer, NumpyExportParityTest.EPOCHS)));
    }

    static Stream<String> resumedSpecs() {
        return Stream.of(
                BASE.replace("opt=sgd&lr=0.05", "opt=adam&lr=0.01"),
                BASE.replace("opt=sgd&lr=0.05", "opt=momentum&lr=0.01"),
                BASE.replace("8:tanh,6:relu", "8:prelu:bn,6:relu").replace("opt=sgd&lr=0.05", "opt=adam&lr=0.01"));
    }
}
