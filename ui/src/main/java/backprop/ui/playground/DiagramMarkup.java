package backprop.ui.playground;

import backprop.engine.spec.Spec;
import backprop.ui.text.Html;
import backprop.ui.text.Numbers;
import backprop.ui.text.OptionLabels;

/**
 * The diagram's neurons as page elements laid over its canvas: one focusable button per unit with
 * its accessible name, placed in percent of the canvas ({@code data-left}, {@code data-top},
 * {@code data-size-x}, {@code data-size-y}, which the shell turns into style); each input also
 * shows its feature's name (x₁, sin x₂) to its left, and each class output its class.
 */
public final class DiagramMarkup {
    private DiagramMarkup() {}

    public static String neurons(Spec spec, NetworkLayout layout) {
        StringBuilder html = new StringBuilder();
        double w = NetworkLayout.WIDTH;
        double h = layout.height();
        int columns = layout.columns();
        boolean classes = !spec.data().isRegression();
        for (int c = 0; c < columns; c++) {
            for (int i = 0; i < layout.count(c); i++) {
                String name = NetworkReadout.neuronName(spec, columns, c, i);
                if (c == columns - 1 && classes) {
                    name += ", " + outputMeaning(spec, i);
                }
                html.append("<button type=\"button\" class=\"neuron\" data-action=\"neuron\" data-arg=\"")
                        .append(c)
                        .append(':')
                        .append(i)
                        .append("\" data-testid=\"neuron-")
                        .append(c)
                        .append('-')
                        .append(i)
                        .append("\" aria-label=\"")
                        .append(Html.escape(name))
                        .append("\" data-left=\"")
                        .append(Numbers.fixed(layout.x(c) / w * 100, 3))
                        .append("\" data-top=\"")
                        .append(Numbers.fixed(layout.y(c, i) / h * 100, 3))
                        .append("\" data-size-x=\"")
                        .append(Numbers.fixed(layout.tile() / w * 100, 3))
                        .append("\" data-size-y=\"")
                        .append(Numbers.fixed(layout.tile() / h * 100, 3))
                        .append("\">");
                if (c == 0) {
                    html.append("<span class=\"input-name\" data-testid=\"input-name-")
                            .append(i)
                            .append("\" aria-hidden=\"true\">")
                            .append(Html.escape(OptionLabels.of(spec.features().get(i))))
                            .append("</span>");
                }
                html.append("</button>");
            }
        }
        return html.toString();
    }

    /** What output {@code index} stands for: its class, or for one sigmoid output class 1's probability. */
    static String outputMeaning(Spec spec, int index) {
        return spec.outputs() == 1 ? "probability of class 1" : "class " + index;
    }

    /** The class whose colour frames output {@code index}, or -1 on regression (no class). */
    public static int outputClass(Spec spec, int index) {
        if (spec.data().isRegression()) {
            return -1;
        }
        return spec.outputs() == 1 ? 1 : index;
    }
}
