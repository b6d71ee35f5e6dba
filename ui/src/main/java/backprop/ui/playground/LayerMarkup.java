package backprop.ui.playground;

import backprop.engine.spec.Activation;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.SpecLimits;
import backprop.ui.text.Html;
import java.util.List;

/**
 * The playground's hidden-layer controls as HTML text (no DOM here). A layer's activation select
 * lists the built-ins and, when the layer's activation is composed (built in the activation lab),
 * that composition too, selected, so the spec's choice is shown and kept.
 */
public final class LayerMarkup {
    private LayerMarkup() {}

    /** One card per hidden layer: units with − and + buttons, and the activation select. */
    public static String layers(List<LayerSpec> layers) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            int n = i + 1;
            html.append("<div class=\"layer-card\" data-testid=\"layer-")
                    .append(n)
                    .append("\">")
                    .append("<span>Layer ")
                    .append(n)
                    .append("</span>")
                    .append("<div class=\"units\"><button type=\"button\" data-action=\"units-down\" data-arg=\"")
                    .append(i)
                    .append("\" data-testid=\"layer-")
                    .append(n)
                    .append("-units-down\" aria-label=\"Fewer units in layer ")
                    .append(n)
                    .append("\"")
                    .append(
                            layer.units() <= SpecLimits.MIN_UNITS
                                    ? " disabled title=\"A layer has at least " + SpecLimits.MIN_UNITS + " unit\""
                                    : "")
                    .append(">−</button>")
                    .append("<output data-testid=\"layer-")
                    .append(n)
                    .append("-units\">")
                    .append(layer.units())
                    .append("</output>")
                    .append("<button type=\"button\" data-action=\"units-up\" data-arg=\"")
                    .append(i)
                    .append("\" data-testid=\"layer-")
                    .append(n)
                    .append("-units-up\" aria-label=\"More units in layer ")
                    .append(n)
                    .append("\"")
                    .append(
                            layer.units() >= SpecLimits.MAX_UNITS
                                    ? " disabled title=\"A layer has at most " + SpecLimits.MAX_UNITS + " units\""
                                    : "")
                    .append(">+</button></div>")
                    .append("<label>Activation <select data-action=\"activation\" data-arg=\"")
                    .append(i)
                    .append("\" data-testid=\"layer-")
                    .append(n)
                    .append("-activation\">");
            for (Activation a : Activation.builtIns()) {
                html.append("<option value=\"")
                        .append(a.key())
                        .append('"')
                        .append(a == layer.activation() ? " selected" : "")
                        .append('>')
                        .append(a.key())
                        .append("</option>");
            }
            if (layer.composition() != null) {
                // The spec's own composed activation, so the select shows (and keeps) it; built in the lab.
                String name = Html.escape(layer.composition().name());
                html.append("<option value=\"")
                        .append(name)
                        .append("\" selected>")
                        .append(name)
                        .append("</option>");
            }
            html.append("</select></label></div>");
        }
        return html.toString();
    }
}
