package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.Preset;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the explorer teaches beyond the chain rule: the student predicts each gradient before the
 * step shows it, the numerical check waits for the backward pass, a kink (relu at 0) is explained
 * instead of failing silently, the SVM loss reads stage by stage, and the page fits a phone.
 */
class GraphLessonsJourneyTest extends BrowserJourney {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theStudentPredictsEachGradientBeforeTheStepRevealsIt(String runtime) {
        GraphPage graph = new GraphPage(page).open(server.url("/graph?expr=(x+y)z&x=-2&y=5&z=-4&runtime=" + runtime));
        assertThat(graph.value()).hasText("-12");
        assertThat(graph.numericalGradient("z")).hasText("\u2013");
        assertThat(graph.byTestId("graph-predict")).containsText("the next backward step is at the * gate");
        graph.prediction(0).fill("-4");
        graph.prediction(1).fill("2");
        graph.stepBackward();
        assertThat(graph.explanation()).containsText("Your prediction for the + gate, -4, is right: -4.");
        assertThat(graph.explanation())
                .containsText("Your prediction for z, 2, is off: upstream \u00d7 local gives 3.");
        assertThat(graph.numericalGradient("z")).hasText("3");
        assertThat(graph.numericalGradient("x")).hasText("\u2013");
        assertThat(graph.prediction(0)).hasValue("");
        assertThat(graph.byTestId("graph-predict")).containsText("to x");
        graph.stepBackward();
        assertThat(graph.numericalGradient("x")).hasText("-4");
        assertThat(graph.byTestId("graph-predict")).isHidden();
        assertThat(graph.byTestId("graph-kinks")).isHidden();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theKinkLensExplainsWhyTheCheckFailsAtReluZero(String runtime) {
        GraphPage graph = new GraphPage(page).open(server.url("/graph?expr=relu(x)&x=0&runtime=" + runtime));
        assertThat(graph.byTestId("graph-kinks")).isHidden();
        graph.stepBackward();
        assertThat(graph.gradient("x")).hasText("0");
        assertThat(graph.numericalGradient("x")).hasText("0.5");
        assertThat(graph.relativeError("x")).containsText("kink");
        assertThat(graph.byTestId("graph-kink-x")).isVisible();
        assertThat(graph.byTestId("graph-kink-left-x")).hasText("0");
        assertThat(graph.byTestId("graph-kink-right-x")).hasText("1");
        assertThat(graph.byTestId("graph-kink-used-x")).hasText("0");
        assertThat(graph.byTestId("graph-kink-x")).containsText("the left-hand slope");
        assertThat(graph.byTestId("graph-kink-x")).containsText("the numerical check fails");

        graph.typeExpression("max(0,x)");
        assertThat(graph.gradient("x")).hasText("\u2013");
        graph.runAll();
        assertThat(graph.gradient("x")).hasText("0");
        assertThat(graph.byTestId("graph-kink-used-x")).hasText("0");
        graph.setVariable("x", "0.5");
        graph.runAll();
        assertThat(graph.gradient("x")).hasText("1");
        assertThat(graph.byTestId("graph-kinks")).isHidden();
    }

    @Test
    void theSvmLossReadsStageByStageWithTheLecturesNumbers() throws Exception {
        GraphPage graph = new GraphPage(page).open(server.url("/graph"));
        graph.choosePreset("svm");
        assertThat(graph.expression()).hasValue(Preset.SVM_EXPRESSION);
        assertThat(graph.byTestId("graph-svm-score-cat")).hasText("3.2");
        assertThat(graph.byTestId("graph-svm-score-car")).hasText("5.1");
        assertThat(graph.byTestId("graph-svm-score-frog")).hasText("-1.7");
        assertThat(graph.byTestId("graph-svm-hinge")).hasText("2.9");
        assertThat(graph.byTestId("graph-svm-total")).hasText("3.739");
        assertThat(graph.value()).hasText("3.739");
        graph.runAll();
        assertThat(graph.byTestId("graph-svm-dw")).isVisible();
        ExpressionGraph reference = ExpressionGraph.build(Preset.SVM_EXPRESSION, false);
        Preset svm = Preset.byId("svm");
        for (int i = 0; i < svm.names().size(); i++) {
            reference.setValue(svm.names().get(i), svm.values()[i]);
        }
        reference.backwardAll();
        assertEquals(reference.gradient("w00"), graph.gradientValue("w00"), 0.0);
        assertEquals(-1.8, graph.gradientValue("w00"), 1e-12, "-x1 + 2 lambda w00");
        assertThat(graph.byTestId("graph-stage")).hasCount(9);
        assertThat(graph.byTestId("graph-stage").first()).hasText("inputsx, W");
        assertThat(graph.byTestId("graph-stage").nth(5)).containsText("hinge");
        assertThat(graph.byTestId("graph-stage").last()).containsText("+ \u03bbR");
        assertNothingOverlaps(page);
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("graph-svm-1280x800.png"))
                .setFullPage(true));
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 360})
    void onAPhoneTheGraphFitsAndFIsOnScreen(int width) throws Exception {
        Page phone = openPage(new Browser.NewContextOptions().setViewportSize(width, 800));
        GraphPage graph = new GraphPage(phone).open(server.url("/graph?expr=(x+y)*z&x=-2&y=5&z=-4"));
        for (String preset : new String[] {"lecture", "neuron", "svm"}) {
            graph.choosePreset(preset);
            graph.runAll();
            assertThat(graph.gradient(Preset.byId(preset).names().get(0))).not().hasText("\u2013");
            int scrollWidth = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertTrue(scrollWidth <= width, preset + ": the page is " + scrollWidth + " px wide at " + width);
            BoundingBox f = phone.locator("svg.graph-svg text.output-name").boundingBox();
            assertTrue(f.x >= 0 && f.x + f.width <= width, preset + ": f is on screen, at x = " + f.x);
            BoundingBox picture = graph.byTestId("graph-picture").boundingBox();
            assertTrue(picture.x + picture.width <= width, preset + ": the picture fits");
            assertNothingOverlaps(phone);
        }
        Files.createDirectories(SCREENSHOTS);
        graph.choosePreset("lecture");
        phone.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("graph-" + width + ".png"))
                .setFullPage(true));
    }

    /**
     * As drawn by the browser: no two gates of the picture overlap, and no value or gradient label
     * overlaps another (boxes shrunk by a pixel, so touching is allowed).
     */
    @SuppressWarnings("unchecked")
    private static void assertNothingOverlaps(Page on) {
        java.util.List<String> overlaps = (java.util.List<String>) on.evaluate("""
                () => {
                  const found = [];
                  const check = (selector) => {
                    const boxes = [...document.querySelectorAll(selector)].map(e => [e.getBoundingClientRect(), e.textContent]);
                    for (let a = 0; a < boxes.length; a++) {
                      for (let b = a + 1; b < boxes.length; b++) {
                        const [p, pt] = boxes[a], [q, qt] = boxes[b];
                        if (p.left + 1 < q.right && q.left + 1 < p.right && p.top + 1 < q.bottom && q.top + 1 < p.bottom) {
                          found.push(selector + ": " + pt + " / " + qt);
                        }
                      }
                    }
                  };
                  check("svg.graph-svg [data-testid=graph-gate] rect");
                  check("svg.graph-svg text.edge-value, svg.graph-svg text.edge-grad");
                  check("svg.graph-svg text.stage");
                  return found;
                }
                """);
        assertEquals(java.util.List.of(), overlaps);
        assertTrue(on.locator("svg.graph-svg [data-testid=graph-gate] rect").count() > 1, "gates were checked");
        assertTrue(on.locator("svg.graph-svg text.edge-value").count() > 1, "labels were checked");
    }

    @Test
    void theHeaderLinksTheOtherPages() {
        GraphPage graph = new GraphPage(page).open(server.url("/graph"));
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pages"))
                        .getByRole(AriaRole.LINK))
                .hasText(new String[] {
                    "Playground", "Backprop explorer", "Numpy loop", "Activation lab", "Challenges", "Benchmarks"
                });
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Backprop explorer")))
                .hasAttribute("aria-current", "page");
        graph.byTestId("nav-loop").click();
        assertThat(page).hasURL(Pattern.compile("/graph/loop"));
        assertThat(page.getByTestId("loop-code")).isVisible();
    }
}
