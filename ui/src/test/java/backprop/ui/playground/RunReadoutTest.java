package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Diagnostics;
import backprop.engine.train.Trainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunReadoutTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "layers=16:relu:bn,8:tanh&reg=l2&lambda=0.01",
                "data=spiral&classes=3&loss=softmax&layers=32:maxout,32:relu,32:relu",
                "loss=mse&lr=10&layers=16:relu,16:relu&init=uniform"
            })
    void theNumbersAWorkerSendsGiveBackEveryFigureTheViewsShowBitForBit(String spec) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(spec));
        for (int e = 0; e < 7; e++) {
            trainer.stepEpoch();
        }
        trainer.stepBatch();
        RunReadout measured = RunReadout.of(trainer);
        RunReadout back = RunReadout.decode(measured.encode());

        assertEquals(trainer.epoch(), back.epoch());
        assertEquals(trainer.iteration(), back.iteration());
        assertEquals(trainer.evaluate(), back.metrics());
        assertEquals(trainer.fingerprint(), back.fingerprint());
        Diagnostics expected = trainer.diagnostics();
        Diagnostics got = back.diagnostics();
        assertArrayEquals(expected.gradient(), got.gradient());
        assertArrayEquals(expected.gradientNorms(), got.gradientNorms());
        assertEquals(expected.deadUnits().length, got.deadUnits().length);
        for (int l = 0; l < expected.deadUnits().length; l++) {
            assertArrayEquals(expected.deadUnits()[l], got.deadUnits()[l], "dead units of layer " + l);
            assertArrayEquals(expected.saturatedUnits()[l], got.saturatedUnits()[l], "saturated units of layer " + l);
            assertEquals(expected.deadCount(l), got.deadCount(l));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 12})
    void numbersCutShortAreRefusedWithWhatIsMissing(int length) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict("layers=4:relu,4:relu"));
        double[] whole = RunReadout.of(trainer).encode();
        double[] cut = java.util.Arrays.copyOf(whole, Math.min(length, whole.length));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReadout.decode(cut));
        assertEquals(true, e.getMessage().startsWith("run readout: "), e.getMessage());
    }
}
