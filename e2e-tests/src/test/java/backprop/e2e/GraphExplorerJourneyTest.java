package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.Preset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backprop explorer, end to end: a student opens the lecture's examples, steps the backward
 * pass gate by gate, collapses the sigmoid, types a bad expression; in WebAssembly and in
 * JavaScript every number equals what {@code grad} prints on the JVM.
 */
class GraphExplorerJourneyTest extends BrowserJourney {
    private static final String LECTURE = "/graph?expr=(x+y)*z&x=-2&y=5&z=-4";

    /** What {@code grad} prints on the JVM, through the product jar: value and gradients. */
    private static Map<String, Double> gradOnTheJvm(String expression, String... values) throws Exception {
        String[] args = new String[values.length + 2];
        args[0] = "grad";
        args[1] = expression;
        System.arraycopy(values, 0, args, 2, values.length);
        ProductServer.CommandResult result = ProductServer.run(args);
        assertEquals(0, result.exitCode(), result.stderr());
        Map<String, Double> numbers = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"(\\w+)\":(-?[0-9.Ee+-]+)").matcher(result.stdout());
        while (m.find()) {
            numbers.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return numbers;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void stepsTheLecturesExampleBackwardGateByGate(String runtime) throws Exception {
        GraphPage graph = new GraphPage(page).open(server.url(LECTURE + "&runtime=" + runtime));
        assertEquals(runtime, graph.runtime());
        assertThat(graph.value()).hasText("-12");
        assertThat(graph.gateCount()).hasText("2");
        assertThat(graph.gates()).hasCount(2);
        assertThat(graph.gradient("x")).hasText("\u2013");
        assertThat(graph.stepForwardButton()).isDisabled();

        graph.stepBackward();
        assertThat(graph.explanation()).containsText("mul gate: swap multiplier");
        assertThat(graph.explanation()).containsText("to the + gate: 1 \u00d7 -4 = -4");
        assertThat(graph.explanation()).containsText("to z: 1 \u00d7 3 = 3");
        assertThat(graph.gradient("z")).hasText("3");
        assertThat(graph.gradient("x")).hasText("\u2013");

        graph.stepBackward();
        assertThat(graph.explanation()).containsText("add gate: gradient distributor");
        assertThat(graph.explanation()).containsText("to x: -4 \u00d7 1 = -4");
        assertThat(graph.explanation()).containsText("to y: -4 \u00d7 1 = -4");
        assertThat(graph.gradient("x")).hasText("-4");
        assertThat(graph.gradient("y")).hasText("-4");
        assertThat(graph.gradient("z")).hasText("3");
        assertThat(graph.stepBackwardButton()).isDisabled();
        assertThat(graph.relativeError("x")).not().hasText("\u2013");

        Map<String, Double> jvm = gradOnTheJvm("(x+y)*z", "x=-2", "y=5", "z=-4");
        assertEquals(jvm.get("value"), graph.outputValue());
        for (String name : List.of("x", "y", "z")) {
            assertEquals(jvm.get(name), graph.gradientValue(name), 0.0, name);
        }

        graph.reset();
        assertThat(graph.value()).hasText("\u2013");
        assertThat(graph.gradient("z")).hasText("\u2013");
        graph.stepForward();
        assertThat(graph.explanation()).containsText("Forward at the + gate: -2, 5 \u2192 3");
        graph.stepForward();
        assertThat(graph.explanation()).containsText("Forward at the * gate: 3, -4 \u2192 -12");
        assertThat(graph.value()).hasText("-12");
        assertThat(graph.stepForwardButton()).isDisabled();
        assertTrue(graph.query().startsWith("?expr=(x+y)*z&x=-2&y=5&z=-4"), graph.query());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void sigmoidNeuronHasEightGatesAndCollapsesToOne(String runtime) throws Exception {
        GraphPage graph = new GraphPage(page).open(server.url("/graph?runtime=" + runtime));
        graph.choosePreset("neuron");
        assertThat(graph.expression()).hasValue("1/(1+exp(-(w0*x0+w1*x1+w2)))");
        assertThat(graph.gateCount()).hasText("8");
        assertThat(graph.gates()).hasCount(8);
        assertThat(graph.variable("w2")).hasValue("-3");
        for (String label : List.of("*-1", "exp", "+1", "1/x")) {
            assertThat(page.locator("[data-testid=graph-gate][data-label=\"" + label + "\"]"))
                    .hasCount(1);
        }
        graph.runAll();
        Preset neuron = Preset.byId("neuron");
        Map<String, Double> jvm = gradOnTheJvm(neuron.expression(), "w0=2", "x0=-1", "w1=-3", "x1=-2", "w2=-3");
        assertThat(graph.gradient("w2")).not().hasText("\u2013");
        assertEquals(jvm.get("value"), graph.outputValue(), 0.0, "f, bit for bit as on the JVM");
        double[] lecture = {-0.20, 0.39, -0.39, -0.59, 0.20};
        for (int i = 0; i < 5; i++) {
            String name = neuron.names().get(i);
            assertEquals(jvm.get(name), graph.gradientValue(name), 0.0, name + " bit for bit as on the JVM");
            assertEquals(
                    lecture[i], Math.round(graph.gradientValue(name) * 100) / 100.0, 0.0, name + " as on the slide");
        }
        assertEquals(0.73, Math.round(graph.outputValue() * 100) / 100.0, 0.0);

        graph.collapse().check();
        assertThat(graph.gateCount()).hasText("5");
        assertThat(graph.gates()).hasCount(5);
        assertThat(page.locator("[data-testid=graph-gate][data-op=sigmoid]")).hasCount(1);
        assertTrue(graph.query().contains("collapse=1"), graph.query());
        graph.stepBackward();
        assertThat(graph.explanation()).containsText("Backward at the \u03c3 gate");
        assertThat(graph.explanation()).containsText("local gradient (1-\u03c3(x))\u03c3(x)");
        assertThat(graph.explanation()).containsText("to the + gate: 1 \u00d7 0.1966 = 0.1966");
        graph.stepBackward();
        assertThat(graph.explanation()).containsText("Backward at the + gate (add gate: gradient distributor)");
        assertThat(graph.explanation()).containsText("to w2: 0.1966 \u00d7 1 = 0.1966");
    }

    @Test
    void aBadExpressionShowsWhereAndWhatWasExpected() {
        GraphPage graph = new GraphPage(page).open(server.url(LECTURE));
        graph.typeExpression("(x+y");
        assertThat(graph.error()).isVisible();
        assertThat(graph.error())
                .hasText("column 5: expected ')' to close the '(' at column 1, found the end of the expression");
        assertThat(graph.expression()).hasAttribute("aria-invalid", "true");
        assertThat(graph.stepBackwardButton()).isDisabled();
        assertThat(graph.byTestId("graph-picture")).hasAttribute("data-state", "stale");
        assertThat(graph.byTestId("graph-gradients-stale")).isVisible();
        assertThat(graph.gradient("x")).hasCount(0);

        graph.typeExpression("foo(x)*y");
        assertThat(graph.error()).containsText("column 1: unknown function \"foo\"; functions: max, min, exp");

        graph.typeExpression("(x+y)*z*w");
        assertThat(graph.error()).isHidden();
        assertThat(graph.variable("w")).hasValue("1");
        assertThat(graph.value()).hasText("-12");
        assertTrue(graph.query().startsWith("?expr=(x+y)*z*w&x=-2&y=5&z=-4&w=1"), graph.query());

        graph.setVariable("w", "abc");
        assertThat(graph.error())
                .hasText("w: \"abc\" is not a number; allowed: a finite decimal number from -1000000 to 1000000");
        assertThat(graph.variable("w")).hasAttribute("aria-invalid", "true");
        graph.setVariable("w", "0.5");
        assertThat(graph.error()).isHidden();
        assertThat(graph.value()).hasText("-6");

        graph.typeExpression("log(x)");
        assertThat(graph.byTestId("graph-warnings")).hasText("log of a negative number: log(-2) is NaN");
        assertThat(graph.value()).hasText("NaN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void everyPresetMatchesTheJvm(String runtime) throws Exception {
        GraphPage graph = new GraphPage(page).open(server.url("/graph/embed?runtime=" + runtime));
        assertThat(page.locator("header.site-header")).hasCount(0);
        for (Preset preset : Preset.all()) {
            graph.choosePreset(preset.id());
            assertThat(graph.expression()).hasValue(preset.expression());
            graph.runAll();
            ExpressionGraph reference = ExpressionGraph.build(preset.expression(), false);
            for (int i = 0; i < preset.names().size(); i++) {
                reference.setValue(preset.names().get(i), preset.values()[i]);
            }
            reference.backwardAll();
            String last = preset.names().get(preset.names().size() - 1);
            assertThat(graph.gradient(last)).not().hasText("\u2013");
            assertEquals(reference.outputValue(), graph.outputValue(), 0.0, preset.id());
            for (String name : preset.names()) {
                assertEquals(reference.gradient(name), graph.gradientValue(name), 0.0, preset.id() + " " + name);
                assertEquals(
                        reference.numericalGradient(name),
                        GraphPage.fullValue(graph.numericalGradient(name)),
                        0.0,
                        preset.id() + " numerical " + name);
            }
            if (preset.id().equals("vectorized")) {
                assertThat(graph.byTestId("graph-vectorized")).isVisible();
                assertThat(graph.byTestId("graph-vec-dw")).hasText("0.0880.1760.1040.208");
                assertThat(graph.byTestId("graph-vec-dx")).hasText("-0.1120.636");
            } else {
                assertThat(graph.byTestId("graph-vectorized")).isHidden();
            }
        }
    }
}
