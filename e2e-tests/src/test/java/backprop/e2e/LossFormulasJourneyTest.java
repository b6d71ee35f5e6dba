package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Where the loss and the regularization are chosen the page shows their formulas (squared error
 * as ½·mean, against the lecture's plain sum), and where training reports it shows the data loss,
 * the penalty λR(W) and their sum, the total loss gradient descent lowers.
 */
class LossFormulasJourneyTest extends BrowserJourney {
    @Test
    void theFormulasAreBesideTheChoicesAndTheTotalIsDataLossPlusPenalty() {
        PlaygroundPage playground =
                new PlaygroundPage(page).open(server.url("/?epochs=3#data=xor&loss=mse&reg=l2&lambda=0.01"));
        playground.waitUntilPausedAt(3);
        playground.byTestId("formulas").locator("summary").click();
        assertThat(playground.byTestId("formula-loss-mse")).isVisible();
        assertThat(playground.byTestId("formula-loss-mse")).containsText("\u00bd\u00b7mean");
        assertThat(playground.byTestId("formula-loss-mse")).containsText("plain sum");
        assertThat(playground.byTestId("formula-loss-svm")).containsText("max(0, s");
        assertThat(playground.byTestId("formula-reg-l2")).containsText("\u03bb \u03a3 w\u00b2");
        double data = Double.parseDouble(playground.byTestId("train-loss").textContent());
        double penalty =
                Double.parseDouble(playground.byTestId("regularization").textContent());
        double total = Double.parseDouble(playground.byTestId("total-loss").textContent());
        assertTrue(penalty > 0, "L2 with lambda 0.01 has a penalty");
        assertEquals(data + penalty, total, 1.5e-4, "total = data loss + penalty, each shown to 4 decimals");
    }
}
