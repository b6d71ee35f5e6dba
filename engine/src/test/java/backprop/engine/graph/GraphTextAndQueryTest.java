package backprop.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number labels, the address's query, and the layout. */
class GraphTextAndQueryTest {
    @ParameterizedTest
    @CsvSource({
        "-12, -12",
        "0.7310585786300049, 0.73",
        "-0.19661193324148185, -0.20",
        "0.004, 0.0040",
        "0.00012, 0.00012",
        "0.000000312, 3.1e-7",
        "1234567890123, 1.2e12",
        "0, 0",
        "-0.001, -0.0010",
        "2.005, 2.01",
        "0.999, 1.00",
        "1e-300, 1.0e-300"
    })
    void briefLabels(double x, String expected) {
        assertEquals(expected, GraphText.brief(x));
    }

    @ParameterizedTest
    @CsvSource({"0.088, 0.088", "0.17600000000000002, 0.176", "-0.112, -0.112", "2, 2", "-0.00001, 0", "1.23456, 1.2346"
    })
    void roundedDropsTrailingZeros(double x, String expected) {
        assertEquals(expected, GraphText.rounded(x, 4));
    }

    @Test
    void exactNumbersRoundTrip() {
        assertEquals("-4", GraphText.exact(-4));
        assertEquals("0.30000000000000004", GraphText.exact(0.1 + 0.2));
        assertEquals("\u221e", GraphText.exact(Double.POSITIVE_INFINITY));
        assertEquals("-\u221e", GraphText.brief(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", GraphText.brief(Double.NaN));
    }

    @Test
    void queryReadsAPlusAsAPlusAndPercentEscapes() {
        GraphQuery query = GraphQuery.parse("?expr=(x+y)*z&x=-2&y=5&z=-4");
        assertEquals("(x+y)*z", query.expression());
        assertEquals("-2", query.value("x"));
        assertEquals("-4", query.value("z"));
        assertNull(query.value("w"));
        assertFalse(query.collapse());
        GraphQuery escaped = GraphQuery.parse("expr=%28x%2By%29*z%5E2%20&x=%2D2&collapse=1&runtime=js&x=9");
        assertEquals("(x+y)*z^2 ", escaped.expression());
        assertEquals("-2", escaped.value("x"), "the first of a repeated key");
        assertTrue(escaped.collapse());
        assertEquals("\u03c3", GraphQuery.parse("expr=%CF%83").expression());
        assertEquals("\uFFFD", GraphQuery.parse("expr=%CF").expression(), "a cut UTF-8 sequence");
        assertEquals("a\uFFFDzzb", GraphQuery.parse("expr=a%zzb").expression(), "a bad escape");
        assertNull(GraphQuery.parse("").expression());
        assertNull(GraphQuery.parse(null).expression());
    }

    @Test
    void missingValuesComeFromTheMatchingPresetElseOne() {
        GraphQuery query = GraphQuery.parse("expr=(x+y)*z&x=7");
        assertEquals("7", query.valueOrDefault("x", "(x+y)*z"));
        assertEquals("5", query.valueOrDefault("y", "( x + y ) * z"), "the lecture's y");
        assertEquals("1", query.valueOrDefault("y", "x*y"), "no preset: 1");
        assertEquals("0.1", GraphQuery.defaultValue("w11", VectorizedExample.EXPRESSION));
    }

    @Test
    void queryPrintsReadablyAndRoundTrips() {
        String printed = GraphQuery.print("1/(1+exp(-(w0*x0)))^2 & #", List.of("w0", "x0"), List.of("2", "-1"), true);
        assertEquals("expr=1/(1+exp(-(w0*x0)))%5E2%20%26%20%23&w0=2&x0=-1&collapse=1", printed);
        GraphQuery back = GraphQuery.parse(printed);
        assertEquals("1/(1+exp(-(w0*x0)))^2 & #", back.expression());
        assertEquals("-1", back.value("x0"));
        assertTrue(back.collapse());
        assertEquals("%CF%83", GraphQuery.encode("\u03c3"));
        assertEquals("\u03c3", GraphQuery.decode(GraphQuery.encode("\u03c3")));
    }

    @Test
    void layoutGoesLeftToRightLikeTheLecture() {
        ExpressionGraph graph = ExpressionGraph.build("(x+y)*z", false);
        GraphLayout layout = GraphLayout.of(graph);
        assertEquals(3, layout.columns());
        int x = graph.variableNode("x");
        int y = graph.variableNode("y");
        int z = graph.variableNode("z");
        assertEquals(0, layout.column(x));
        assertEquals(0, layout.column(z));
        assertEquals(1, layout.column(graph.gate(0)));
        assertEquals(2, layout.column(graph.output()));
        assertEquals(0, layout.row(x), 0.0);
        assertEquals(1, layout.row(y), 0.0);
        assertEquals(2, layout.row(z), 0.0);
        assertEquals(0.5, layout.row(graph.gate(0)), 0.0);
        assertEquals(1.25, layout.row(graph.output()), 0.0);

        ExpressionGraph neuron = LecturePresetsTest.load(Preset.byId("neuron"), false);
        GraphLayout neuronLayout = GraphLayout.of(neuron);
        assertEquals(8, neuronLayout.columns(), "inputs, then one column per gate along the chain");
        for (int a = 0; a < neuron.nodeCount(); a++) {
            for (int b = a + 1; b < neuron.nodeCount(); b++) {
                if (neuronLayout.column(a) == neuronLayout.column(b)) {
                    assertTrue(
                            Math.abs(neuronLayout.row(a) - neuronLayout.row(b)) >= 1,
                            "nodes " + a + " and " + b + " overlap");
                }
            }
            assertTrue(a == neuron.output() || neuronLayout.column(a) < neuronLayout.column(neuron.output()));
        }
    }
}
