package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * axe-core on every kind of page, as a screen-reader or keyboard user meets it: no serious or
 * critical violation. The page is checked after its client has started (the DOM it builds counts).
 */
class AccessibilityJourneyTest extends BrowserJourney {
    @ParameterizedTest
    @ValueSource(strings = {"/", "/e/", "/embed/", "/graph", "/graph/loop", "/activations"})
    void noSeriousOrCriticalViolations(String path) {
        String url = path.endsWith("/") && path.length() > 1 ? server.url(path + savedExperiment()) : server.url(path);
        Page checked = openPage(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setBypassCSP(true));
        checked.navigate(url);
        if (!path.startsWith("/graph") && !path.startsWith("/activations")) {
            assertThat(checked.getByTestId("fingerprint")).hasText(Pattern.compile("^[0-9a-f]{16}$"));
        } else {
            assertThat(checked.getByTestId("runtime")).hasText(Pattern.compile("^(wasm|js)$"));
        }
        assertEquals(List.of(), serious(checked), url);
    }

    /** The explorer's and the loop's lessons as they appear after steps: predictions, the kink lens, matrices. */
    @Test
    void theExplorersLessonsAfterStepsHaveNoSeriousViolations() {
        Page checked = openPage(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setBypassCSP(true));
        GraphPage graph = new GraphPage(checked).open(server.url("/graph?expr=relu(x)*y&x=0&y=2"));
        assertThat(graph.prediction(0)).isVisible();
        assertEquals(List.of(), serious(checked), "/graph with the prediction fields");
        graph.stepBackward();
        graph.stepBackward();
        assertThat(graph.byTestId("graph-kink-x")).isVisible();
        assertEquals(List.of(), serious(checked), "/graph with the kink lens");
        graph.choosePreset("svm");
        graph.runAll();
        assertThat(graph.byTestId("graph-svm-dw")).isVisible();
        assertEquals(List.of(), serious(checked), "/graph with the SVM readout");
        checked.navigate(server.url("/graph/loop"));
        assertThat(checked.getByTestId("loop-code-box")).hasAttribute("data-state", "ready");
        for (int k = 0; k < 7; k++) {
            checked.getByTestId("loop-step").click();
        }
        assertThat(checked.getByTestId("loop-jacobian")).isVisible();
        assertEquals(List.of(), serious(checked), "/graph/loop at line 17");
    }

    /** Serious and critical violations of axe-core on the page as it is now. */
    static List<String> serious(Page checked) {
        AxeResults results = new AxeBuilder(checked).analyze();
        List<String> serious = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                serious.add(violation.getImpact() + " " + violation.getId() + ": " + violation.getHelp() + " at "
                        + violation.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .limit(3)
                                .toList());
            }
        }
        return serious;
    }

    private static String savedId;

    /** One saved experiment (with a trained state) for the saved pages. */
    private String savedExperiment() {
        if (savedId == null) {
            PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/?epochs=3#data=xor&layers=4:relu"));
            playground.waitUntilPausedAt(3);
            playground.byTestId("share").click();
            playground.byTestId("share-title").fill("Accessible XOR");
            playground.byTestId("share-save").click();
            assertThat(playground.byTestId("share-link")).hasValue(Pattern.compile("/e/[0-9A-Za-z]{10}$"));
            String link = playground.byTestId("share-link").inputValue();
            savedId = link.substring(link.lastIndexOf('/') + 1);
        }
        return savedId;
    }
}
