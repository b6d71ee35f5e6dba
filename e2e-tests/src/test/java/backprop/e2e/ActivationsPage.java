package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.regex.Pattern;

/** The activation lab ({@code /activations}) as a user sees it, by test id. */
final class ActivationsPage {
    /** Races and demos train for a while, more so in JavaScript. */
    static final double TRAINING_TIMEOUT_MS = 180_000;

    private final Page page;

    ActivationsPage(Page page) {
        this.page = page;
    }

    /** Opens the lab and waits until the client has started and filled the readouts. */
    ActivationsPage open(String url) {
        page.navigate(url);
        assertThat(byTestId("runtime")).hasText(Pattern.compile("^(wasm|js)$"));
        assertThat(readoutCell("relu", "f", 0)).hasAttribute("data-value", "0.0");
        return this;
    }

    /** Waits until every race on the page has its Web Worker, so the next race trains there. */
    ActivationsPage waitForWorkers() {
        assertThat(byTestId("runtime")).hasAttribute("data-training", "worker");
        return this;
    }

    Locator byTestId(String id) {
        return page.getByTestId(id);
    }

    String runtime() {
        return byTestId("runtime").textContent().trim();
    }

    /** Picks b, u1 and u2 in the compose panel's selects and types β. */
    void compose(String b, String u1, String u2, String beta) {
        byTestId("compose-b").selectOption(b);
        byTestId("compose-u1").selectOption(u1);
        byTestId("compose-u2").selectOption(u2);
        if (beta != null) {
            byTestId("compose-beta").fill(beta);
        }
    }

    /** The compose panel's f ({@code "f"}) or f' ({@code "df"}) at readout point i, the exact double. */
    double composeReadout(String which, int i) {
        return Double.parseDouble(byTestId("compose-" + which + "-" + i).getAttribute("data-value"));
    }

    Locator card(String name) {
        return byTestId("activation-" + name);
    }

    /** f ({@code "f"}) or f' ({@code "df"}) of an activation at readout point i (0..2). */
    Locator readoutCell(String name, String which, int i) {
        return byTestId("activation-" + name + "-" + which + "-" + i);
    }

    /** The exact double the page computed (its data-value), as the user could copy it. */
    double readout(String name, String which, int i) {
        return Double.parseDouble(readoutCell(name, which, i).getAttribute("data-value"));
    }

    /** The rounded number the user reads. */
    double shownReadout(String name, String which, int i) {
        return Double.parseDouble(readoutCell(name, which, i).textContent().trim());
    }

    void setReadoutX(int i, String x) {
        byTestId("readout-x-" + i).fill(x);
    }

    Locator costStatus() {
        return byTestId("cost-status");
    }

    void waitForCosts() {
        assertThat(costStatus())
                .hasAttribute("data-state", "done", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
    }

    /** Sets the race form and starts it. */
    void startRace(String spec, List<String> activations, String target, String epochs) {
        byTestId("race-spec").fill(spec);
        Locator boxes = page.locator("input[name=race-activation]");
        for (int i = 0; i < boxes.count(); i++) {
            Locator box = boxes.nth(i);
            box.setChecked(activations.contains(box.getAttribute("value")));
        }
        byTestId("race-target").fill(target);
        byTestId("race-epochs").selectOption(epochs);
        byTestId("race-start").click();
        assertThat(byTestId("race-status")).hasAttribute("data-state", Pattern.compile("running|finished"));
    }

    void waitRaceFinished() {
        assertThat(byTestId("race-status"))
                .hasAttribute(
                        "data-state",
                        "finished",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(TRAINING_TIMEOUT_MS));
    }

    Locator raceRow(String name) {
        return byTestId("race-row-" + name);
    }

    String raceEpochsToTarget(String name) {
        return byTestId("race-epochs-" + name).textContent().trim();
    }

    String raceFingerprint(String name) {
        return byTestId("race-fingerprint-" + name).textContent().trim();
    }

    Locator raceLink(String name) {
        return byTestId("race-link-" + name);
    }

    void startDying(String lr, String epochs) {
        byTestId("dying-lr").selectOption(lr);
        byTestId("dying-epochs").selectOption(epochs);
        byTestId("dying-start").click();
    }

    void waitDyingFinished() {
        assertThat(byTestId("dying-status"))
                .hasAttribute(
                        "data-state",
                        "finished",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(TRAINING_TIMEOUT_MS));
    }

    int deadUnits(String name) {
        return Integer.parseInt(byTestId("dying-dead-" + name).textContent().trim());
    }

    /** Units with z <= 0 on every training point, the number before "of". */
    int offUnits(String name) {
        return Integer.parseInt(
                byTestId("dying-off-" + name).textContent().trim().split(" ")[0]);
    }
}
