package backprop.ui.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.loop.LoopLine;
import backprop.engine.loop.NumpyLoop;
import org.junit.jupiter.api.Test;

/** The numpy-loop stepper's model: the engine's numbers, line by line, with checks and markup. */
class LoopStepperTest {
    @Test
    void lossesMatchTheEnginesLoopAndNumpy() {
        LoopStepper stepper = new LoopStepper(1);
        stepper.runIterations(100);
        assertEquals(100, stepper.losses().size());
        // numpy on the same matrices (NumpyLoopTest): iterations 1, 2, 10, 100
        assertEquals(28.61805024294354, stepper.losses().get(0), 1e-12 * 28.6);
        assertEquals(25.707357249565405, stepper.losses().get(1), 1e-12 * 25.7);
        assertEquals(12.936076458155085, stepper.losses().get(9), 1e-12 * 12.9);
        assertEquals(2.9423363254741566, stepper.losses().get(99), 1e-12 * 2.9);
        assertEquals(NumpyLoop.small(1).runIterations(100), stepper.losses().get(99), 0.0);
    }

    @Test
    void eachStepRunsOneLineAndTheGradientsAreChecked() {
        LoopStepper stepper = new LoopStepper(1);
        assertTrue(Double.isNaN(stepper.largestError("w2")));
        assertTrue(LoopMarkup.progress(stepper).contains("data-testid=\"loop-check-w2\">after line 15"));
        while (stepper.loop().nextLine() != LoopLine.GRAD_W2) {
            stepper.step();
        }
        assertEquals(LoopLine.GRAD_Y_PRED, stepper.last().line());
        stepper.step();
        assertEquals("(5, 2)", stepper.last().shape());
        assertTrue(stepper.largestError("w2") < 1e-7, "line 15 against central differences");
        String last = LoopMarkup.lastLine(stepper);
        assertTrue(last.contains("line 15: <code>grad_w2 = h.T.dot(grad_y_pred)</code>"), last);
        assertTrue(last.contains("data-testid=\"loop-last-shape\">(5, 2)<"), last);
        String code = LoopMarkup.code(stepper);
        assertTrue(code.contains("<li value=\"15\" data-line=\"15\" class=\"ran\" aria-current=\"step\">"), code);
        assertTrue(code.contains("<li value=\"16\" data-line=\"16\" class=\"next\">"), code);
        stepper.step();
        stepper.step();
        assertEquals(LoopLine.GRAD_W1, stepper.last().line());
        assertTrue(stepper.largestError("w1") < 1e-7, "line 17 against central differences");
        String jacobian = LoopMarkup.lastLine(stepper);
        assertTrue(jacobian.contains("data-testid=\"loop-jacobian\""), "the sigmoid's diagonal Jacobian at line 17");
        double[] h = stepper.loop().array("h");
        assertTrue(jacobian.contains("title=\"" + backprop.engine.graph.GraphText.exact(h[0] * (1 - h[0])) + "\""));
        stepper.finishIteration();
        assertEquals(1, stepper.loop().iteration());
        assertEquals(LoopLine.HIDDEN, stepper.loop().nextLine());
        assertTrue(LoopMarkup.progress(stepper).contains("data-testid=\"loop-t\">1<"));
    }

    @Test
    void theLossLineSaysItIsThePlainSum() {
        LoopStepper stepper = new LoopStepper(1);
        stepper.step();
        stepper.step();
        stepper.step();
        String last = LoopMarkup.lastLine(stepper);
        assertTrue(last.contains("plain sum of squared errors"), last);
        assertTrue(last.contains("\u00bd\u00b7mean"), last);
        assertTrue(last.contains("data-testid=\"loop-last-loss\""), last);
    }

    @Test
    void aBadSeedNamesTheFieldAndTheRangeAndKeepsTheLoop() {
        LoopStepper stepper = LoopStepper.ofText("7");
        assertEquals(7, stepper.seed());
        stepper.step();
        stepper.setSeedText("-3");
        assertEquals("seed: \"-3\" is not allowed; allowed: a whole number from 0 to 2147483647", stepper.error());
        assertEquals(7, stepper.seed());
        assertEquals(LoopLine.HIDDEN, stepper.last().line(), "the loop is untouched");
        stepper.setSeedText("2");
        assertNull(stepper.error());
        assertNull(stepper.last(), "a new seed starts over");
        assertEquals(
                "seed: \"99999999999\" is not allowed; allowed: a whole number from 0 to 2147483647",
                LoopStepper.ofText("99999999999").error());
        assertThrows(IllegalArgumentException.class, () -> stepper.runIterations(0));
    }

    @Test
    void theArraysPanelShowsEveryArrayWithItsShape() {
        LoopStepper stepper = new LoopStepper(1);
        String arrays = LoopMarkup.arrays(stepper);
        for (String name : LoopMarkup.ARRAYS) {
            assertTrue(arrays.contains("data-testid=\"loop-array-" + name + "\""), name);
        }
        assertTrue(arrays.contains("<figcaption>w1 (3, 5)</figcaption>"), arrays);
        stepper.step();
        assertTrue(LoopMarkup.arrays(stepper).contains("h (4, 5) \u2190 just written"));
    }
}
