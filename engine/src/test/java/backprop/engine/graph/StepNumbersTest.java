package backprop.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Four significant digits in step texts, and results computed from the operands as shown. */
class StepNumbersTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0.19661193324148188, 0.1966",
        "-0.39322386648296376, -0.3932",
        "0.7310585786300049, 0.7311",
        "-12, -12",
        "3, 3",
        "0.2, 0.2",
        "0.25, 0.25",
        "1.36787944117144, 1.368",
        "9.99996, 10",
        "99999, 100000",
        "123456, 123500",
        "0.000012345, 0.00001235",
        "1.5e-7, 1.5e-7",
        "2.5e12, 2.5e12",
        "0, 0",
        "-0.0, 0",
        "0.099996, 0.1",
        "1234.5, 1235",
        "-1234.4, -1234"
    })
    void significantDigits(double x, String expected) {
        assertEquals(expected, GraphText.significant(x, 4));
    }

    @Test
    void shownIsTheValueTheTextStandsFor() {
        for (double x : new double[] {
            0.19661193324148188, -0.5898357997244457, 123456, 0.000012345, 1.36787944117144, -7.0000001, 0.1 + 0.2
        }) {
            assertEquals(Double.parseDouble(GraphText.significant(x, 4)), GraphText.shown(x, 4), 0.0, "at " + x);
        }
        assertEquals("\u221e", GraphText.significant(Double.POSITIVE_INFINITY, 4));
        assertEquals("NaN", GraphText.significant(Double.NaN, 4));
    }

    @Test
    void everyBackwardLineOfTheSigmoidNeuronAddsUp() {
        ExpressionGraph graph = ExpressionGraph.build(Preset.byId("neuron").expression(), false);
        Preset neuron = Preset.byId("neuron");
        for (int k = 0; k < neuron.names().size(); k++) {
            graph.setValue(neuron.names().get(k), neuron.values()[k]);
        }
        graph.forwardAll();
        int checked = 0;
        List<String> seen = new java.util.ArrayList<>();
        while (!graph.backwardComplete()) {
            BackwardStep step = graph.stepBackward();
            List<String> lines = Explanation.backward(graph, step);
            seen.addAll(lines);
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.substring(line.indexOf(": ") + 2).split(" \u00d7 | = |, ");
                double product = Double.parseDouble(parts[0]) * Double.parseDouble(parts[1]);
                assertEquals(GraphText.significant(product, 4), parts[2], line);
                checked++;
            }
        }
        assertTrue(checked >= 8, "checked " + checked + " lines");
        // what read "0.20 × 2 = 0.39" with two decimals
        assertTrue(seen.contains("to x0: 0.1966 \u00d7 2 = 0.3932"), seen.toString());
    }
}
