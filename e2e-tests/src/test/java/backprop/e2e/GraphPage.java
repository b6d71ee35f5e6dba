package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/** The backprop explorer (/graph) as a user sees it, by test id. */
final class GraphPage {
    private final Page page;

    GraphPage(Page page) {
        this.page = page;
    }

    /** Opens a URL and waits until the client has started and drawn the graph. */
    GraphPage open(String url) {
        page.navigate(url);
        assertThat(byTestId("runtime")).hasText(Pattern.compile("^(wasm|js)$"));
        assertThat(byTestId("graph-picture")).hasAttribute("data-state", Pattern.compile("^(ready|stale)$"));
        return this;
    }

    Locator byTestId(String id) {
        return page.getByTestId(id);
    }

    String runtime() {
        return byTestId("runtime").textContent().trim();
    }

    Locator expression() {
        return byTestId("graph-expr");
    }

    void typeExpression(String text) {
        expression().fill(text);
    }

    Locator variable(String name) {
        return byTestId("graph-var-" + name);
    }

    void setVariable(String name, String text) {
        variable(name).fill(text);
    }

    Locator stepBackwardButton() {
        return byTestId("graph-step-backward");
    }

    Locator stepForwardButton() {
        return byTestId("graph-step-forward");
    }

    void stepBackward() {
        stepBackwardButton().click();
    }

    void stepForward() {
        stepForwardButton().click();
    }

    void runAll() {
        byTestId("graph-run-all").click();
    }

    void reset() {
        byTestId("graph-reset").click();
    }

    void choosePreset(String id) {
        byTestId("graph-preset").selectOption(id);
    }

    Locator collapse() {
        return byTestId("graph-collapse");
    }

    /** The output's value, as shown. */
    Locator value() {
        return byTestId("graph-value");
    }

    Locator gateCount() {
        return byTestId("graph-gate-count");
    }

    /** Every gate drawn in the picture. */
    Locator gates() {
        return byTestId("graph-gate");
    }

    /** The chain rule of the last step, line by line. */
    Locator explanation() {
        return byTestId("graph-explain");
    }

    Locator error() {
        return byTestId("graph-error");
    }

    /** The analytic gradient of the output with respect to {@code name}. */
    Locator gradient(String name) {
        return byTestId("grad-" + name);
    }

    /** The full value behind a cell (its text has 4 significant digits, its data-value every digit). */
    static double fullValue(Locator cell) {
        return Double.parseDouble(cell.getAttribute("data-value"));
    }

    double gradientValue(String name) {
        return fullValue(gradient(name));
    }

    double outputValue() {
        return fullValue(value());
    }

    Locator numericalGradient(String name) {
        return byTestId("graph-numgrad-" + name);
    }

    /** The field where the student predicts the gradient input {@code slot} of the next backward gate receives. */
    Locator prediction(int slot) {
        return byTestId("graph-predict-" + slot);
    }

    Locator relativeError(String name) {
        return byTestId("graph-relerr-" + name);
    }

    /** The address's query, decoded ('+' kept as plus, as the explorer reads it). */
    String query() {
        String search = (String) page.evaluate("() => location.search");
        return java.net.URLDecoder.decode(search.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
