package backprop.ui.playground;

import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Spec;
import backprop.ui.text.Html;
import backprop.ui.text.Numbers;
import backprop.ui.text.OptionLabels;

/**
 * The weights as tables, one per layer (rows: the layer's units, columns: what feeds them), for
 * keyboard and screen-reader users: every weight is a button (Enter sets it, as a click on its
 * edge does) in a cell with row and column headers. The markup is built once per network shape;
 * {@link #values} gives the cells' texts in the same order for each redraw.
 */
public final class WeightsMarkup {
    private WeightsMarkup() {}

    public static String tables(Spec spec) {
        NetworkLayout layout = new NetworkLayout(spec);
        int columns = layout.columns();
        StringBuilder html = new StringBuilder();
        for (int c = 0; c + 1 < columns; c++) {
            html.append("<table class=\"weights-table\" data-testid=\"weights-layer-")
                    .append(c)
                    .append("\"><caption>")
                    .append(Html.escape(NetworkReadout.columnTitle(spec, columns, c)))
                    .append(" \u2192 ")
                    .append(Html.escape(NetworkReadout.columnTitle(spec, columns, c + 1)))
                    .append("</caption><thead><tr><td></td>");
            for (int i = 0; i < layout.count(c); i++) {
                html.append("<th scope=\"col\">")
                        .append(shortName(spec, columns, c, i))
                        .append("</th>");
            }
            html.append("</tr></thead><tbody>");
            for (int j = 0; j < layout.count(c + 1); j++) {
                html.append("<tr><th scope=\"row\">")
                        .append(shortName(spec, columns, c + 1, j))
                        .append("</th>");
                for (int i = 0; i < layout.count(c); i++) {
                    html.append("<td><button type=\"button\" class=\"weight\" data-action=\"weight\" data-arg=\"")
                            .append(c)
                            .append(':')
                            .append(i)
                            .append(':')
                            .append(j)
                            .append("\" data-testid=\"weight-")
                            .append(c)
                            .append('-')
                            .append(i)
                            .append('-')
                            .append(j)
                            .append("\" aria-label=\"")
                            .append(Html.escape(edgeName(spec, c, i, j)))
                            .append("\">\u2013</button></td>");
                }
                html.append("</tr>");
            }
            html.append("</tbody></table>");
        }
        return html.toString();
    }

    /** "Input x1 → Layer 1, neuron 2 (tanh)": an edge's name, as the readout and the editor say it. */
    public static String edgeName(Spec spec, int column, int from, int to) {
        int columns = spec.layers().size() + 2;
        return NetworkReadout.neuronName(spec, columns, column, from) + " \u2192 "
                + NetworkReadout.neuronName(spec, columns, column + 1, to);
    }

    /** A header: the feature's name for an input, else the unit's number. */
    private static String shortName(Spec spec, int columns, int column, int index) {
        if (column == 0) {
            return Html.escape(OptionLabels.of(spec.features().get(index)));
        }
        return column == columns - 1 ? "out " + index : "n" + (index + 1);
    }

    /**
     * The weight cells' texts in the order of {@link #tables} (layer by layer, row by row), each
     * to 3 decimals, joined by newlines.
     */
    public static String values(Network network) {
        double[] params = network.parameters();
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            for (int j = 0; j < layer.units(); j++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    if (out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(Numbers.fixed(params[NetworkReadout.weightIndex(layer, params, j, i)], 3));
                }
            }
        }
        return out.toString();
    }
}
