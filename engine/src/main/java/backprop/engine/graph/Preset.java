package backprop.engine.graph;

import java.util.List;

/**
 * One of the explorer's ready-made examples: an expression and its variables' values.
 *
 * @param id short name used in the page's preset menu
 * @param names the variables, in order of first appearance
 * @param values their values, in the same order
 */
public record Preset(String id, String title, String expression, List<String> names, double[] values) {
    /** The value of {@code name} in this preset, or NaN. */
    public double value(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return values[i];
            }
        }
        return Double.NaN;
    }

    /** The lecture's examples and the patterns of backward flow. */
    public static List<Preset> all() {
        return List.of(
                new Preset("lecture", "Lecture: f = (x+y)z", "(x+y)*z",
                        List.of("x", "y", "z"), new double[] {-2, 5, -4}),
                new Preset("neuron", "Lecture: sigmoid neuron", "1/(1+exp(-(w0*x0+w1*x1+w2)))",
                        List.of("w0", "x0", "w1", "x1", "w2"), new double[] {2, -1, -3, -2, -3}),
                new Preset("patterns", "Patterns: add, mul, max", "2*(x*y+max(z,w))",
                        List.of("x", "y", "z", "w"), new double[] {3, -4, 2, -1}),
                new Preset("copy", "Pattern: a variable used twice", "(x+y)*(x-y)",
                        List.of("x", "y"), new double[] {3, 2}),
                new Preset("local", "Local gradients: e^x, 1/x, ax, c+x", "1/(3+2*exp(x))",
                        List.of("x"), new double[] {0}),
                new Preset("vectorized", "Vectorized: f(x, W) = \u2016W\u00b7x\u2016\u00b2", VectorizedExample.EXPRESSION,
                        List.of("w11", "x1", "w12", "x2", "w21", "w22"), new double[] {0.1, 0.2, 0.5, 0.4, -0.3, 0.8}));
    }

    /** The first preset: what the explorer shows with no expression in the address. */
    public static Preset first() {
        return all().get(0);
    }

    /** The preset with this id, or null. */
    public static Preset byId(String id) {
        for (Preset preset : all()) {
            if (preset.id().equals(id)) {
                return preset;
            }
        }
        return null;
    }

    /** The preset whose expression is {@code expression} (spaces ignored), or null. */
    public static Preset matching(String expression) {
        String bare = withoutSpaces(expression);
        for (Preset preset : all()) {
            if (withoutSpaces(preset.expression()).equals(bare)) {
                return preset;
            }
        }
        return null;
    }

    static String withoutSpaces(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; text != null && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
