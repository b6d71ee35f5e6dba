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

    /**
     * The multiclass SVM loss as a graph, the lecture's first use of backprop (CS231n's cat image):
     * x = (x1, x2), W = (w00 w01; w10 w11; w20 w21), scores s_j = w_j0 x1 + w_j1 x2 = 3.2 (cat, the
     * correct class), 5.1 (car), -1.7 (frog); hinge with margin 1,
     * Σ_{j≠cat} max(0, s_j − s_cat + 1) = max(0, 2.9) + max(0, −3.9) = 2.9; plus λ R(W) with
     * R = Σ w², λ = lam = 0.1 (R = 8.39, so L = 3.739). The correct score appears once in each
     * margin, so its gates are drawn twice and their gradients add at W's inputs.
     */
    public static final String SVM_EXPRESSION = "max(0, (w10*x1+w11*x2) - (w00*x1+w01*x2) + 1)"
            + " + max(0, (w20*x1+w21*x2) - (w00*x1+w01*x2) + 1)"
            + " + lam*(w00^2+w01^2+w10^2+w11^2+w20^2+w21^2)";

    /** The lecture's examples and the patterns of backward flow. */
    public static List<Preset> all() {
        return List.of(
                new Preset(
                        "lecture", "Lecture: f = (x+y)z", "(x+y)*z", List.of("x", "y", "z"), new double[] {-2, 5, -4}),
                new Preset(
                        "neuron",
                        "Lecture: sigmoid neuron",
                        "1/(1+exp(-(w0*x0+w1*x1+w2)))",
                        List.of("w0", "x0", "w1", "x1", "w2"),
                        new double[] {2, -1, -3, -2, -3}),
                new Preset(
                        "patterns",
                        "Patterns: add, mul, max",
                        "2*(x*y+max(z,w))",
                        List.of("x", "y", "z", "w"),
                        new double[] {3, -4, 2, -1}),
                new Preset(
                        "copy", "Pattern: a variable used twice", "(x+y)*(x-y)", List.of("x", "y"), new double[] {3, 2
                        }),
                new Preset(
                        "local", "Local gradients: e^x, 1/x, ax, c+x", "1/(3+2*exp(x))", List.of("x"), new double[] {0
                        }),
                new Preset(
                        "vectorized",
                        "Vectorized: f(x, W) = \u2016W\u00b7x\u2016\u00b2",
                        VectorizedExample.EXPRESSION,
                        List.of("w11", "x1", "w12", "x2", "w21", "w22"),
                        new double[] {0.1, 0.2, 0.5, 0.4, -0.3, 0.8}),
                new Preset(
                        "svm",
                        "CS231n: SVM loss of a cat image, L = hinge + \u03bbR",
                        SVM_EXPRESSION,
                        List.of("w10", "x1", "w11", "x2", "w00", "w01", "w20", "w21", "lam"),
                        new double[] {2, 2, 1.1, 1, 1, 1.2, -0.5, -0.7, 0.1}));
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
