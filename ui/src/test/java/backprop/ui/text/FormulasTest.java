package backprop.ui.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.LossKind;
import backprop.engine.spec.RegularizationKind;
import org.junit.jupiter.api.Test;

/** Every loss and regularizer has its formula, and squared error says how it differs from the lecture's code. */
class FormulasTest {
    @Test
    void everyChoiceHasAFormula() {
        for (LossKind loss : LossKind.values()) {
            assertTrue(Formulas.of(loss).startsWith("L = (1/N) \u03a3\u1d62"), loss + ": a mean over examples");
        }
        for (RegularizationKind reg : RegularizationKind.values()) {
            assertTrue(!Formulas.of(reg).isEmpty(), reg.toString());
        }
    }

    @Test
    void hingeL2AndSquaredErrorSayWhatTheEngineComputes() {
        assertTrue(Formulas.of(LossKind.SVM).contains("max(0, s\u2c7c \u2212 s_y\u1d62 + 1)"));
        assertTrue(Formulas.of(RegularizationKind.L2).contains("\u03bb \u03a3 w\u00b2"));
        assertTrue(Formulas.of(RegularizationKind.L1).contains("\u03bb \u03a3 |w|"));
        String mse = Formulas.of(LossKind.MSE);
        assertTrue(mse.contains("\u00bd\u00b7mean"), mse);
        assertTrue(mse.contains("plain sum"), mse);
    }
}
