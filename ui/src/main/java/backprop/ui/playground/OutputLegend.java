package backprop.ui.playground;

import backprop.engine.spec.Spec;
import backprop.ui.raster.Palette;

/**
 * The output's colour legend: each class's colour (the regions are tinted by the predicted class,
 * stronger where the network is surer), or, for regression, the value scale from -1 to 1. The
 * markup carries {@code data-arg} keys whose {@code .dot} the page colours from {@link #colour}.
 */
public final class OutputLegend {
    private OutputLegend() {}

    public static String markup(Spec spec) {
        StringBuilder html = new StringBuilder();
        if (spec.data().isRegression()) {
            html.append(
                            "<span class=\"item\">−1</span><span class=\"item\" data-arg=\"scale\"><span class=\"dot scale\"></span></span>")
                    .append(
                            "<span class=\"item\">+1</span><span class=\"item\">predicted value (the colour of a point is its target)</span>");
            return html.toString();
        }
        for (int k = 0; k < spec.classes(); k++) {
            html.append("<span class=\"item\" data-arg=\"")
                    .append(k)
                    .append("\"><span class=\"dot\"></span>Class ")
                    .append(k)
                    .append("</span>");
        }
        html.append("<span class=\"item\">Paler: less confident</span>");
        return html.toString();
    }

    /** The CSS colour of a legend key: a class colour, or the regression scale as a gradient. */
    public static String colour(String key) {
        if (key.equals("scale")) {
            return "linear-gradient(to right, " + Palette.css(Palette.classRgb(0)) + ", "
                    + Palette.css(Palette.NEUTRAL_RGB) + ", " + Palette.css(Palette.classRgb(1)) + ")";
        }
        return Palette.css(Palette.classRgb(Integer.parseInt(key)));
    }

    /** The keys {@link #markup} colours. */
    public static String[] keys(Spec spec) {
        if (spec.data().isRegression()) {
            return new String[] {"scale"};
        }
        String[] keys = new String[spec.classes()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = Integer.toString(k);
        }
        return keys;
    }
}
