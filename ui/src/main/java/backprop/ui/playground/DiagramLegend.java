package backprop.ui.playground;

import backprop.ui.raster.Palette;

/**
 * The legend of the network diagram's marks, drawn as the diagram draws them (same colours from
 * {@link Palette}): edge colour and width, the saturated border, the dead slash, the gradient
 * bars and the outputs' class colours. Static markup, rendered with the page; its small SVG
 * icons carry their colours as attributes (the CSP allows no inline style).
 */
public final class DiagramLegend {
    private DiagramLegend() {}

    public static String markup() {
        String neg = Palette.css(Palette.classRgb(0));
        String pos = Palette.css(Palette.classRgb(1));
        String ink = Palette.css(Palette.INK_RGB);
        StringBuilder html = new StringBuilder();
        item(
                html,
                "edges",
                "<line x1=\"1\" y1=\"4\" x2=\"21\" y2=\"4\" stroke=\"" + neg + "\" stroke-width=\"1.5\"/>"
                        + "<line x1=\"1\" y1=\"11\" x2=\"21\" y2=\"11\" stroke=\"" + pos + "\" stroke-width=\"3.5\"/>",
                "Edge: blue negative weight, orange positive; thicker and darker for a larger |w| (in a network"
                        + " with more than " + NetworkLayout.HAIRLINE_EDGES + " edges, all thin, darker for a"
                        + " larger |w|). Click one (or Enter in the weights table) to set it.");
        item(
                html,
                "saturated",
                tile("") + "<rect x=\"5\" y=\"1.5\" width=\"12\" height=\"12\" fill=\"none\" stroke=\""
                        + Palette.css(Palette.SATURATED_RGB) + "\" stroke-width=\"2.5\"/>",
                "Orange border: a saturated sigmoid/tanh unit (outputs near its limits, so little gradient flows).");
        item(
                html,
                "dead",
                tile("") + "<rect x=\"5\" y=\"1.5\" width=\"12\" height=\"12\" fill=\"none\" stroke=\""
                        + Palette.css(Palette.DEAD_RGB) + "\" stroke-width=\"2.5\"/><line x1=\"5\" y1=\"1.5\" x2=\"17\""
                        + " y2=\"13.5\" stroke=\"" + Palette.css(Palette.DEAD_RGB) + "\" stroke-width=\"2.5\"/>",
                "Slash: a dead ReLU unit (zero on every training point, so it no longer learns).");
        item(
                html,
                "gradient",
                "<rect x=\"1\" y=\"5\" width=\"20\" height=\"5\" fill=\"" + Palette.css(Palette.TRACK_RGB) + "\"/>"
                        + "<rect x=\"1\" y=\"5\" width=\"12\" height=\"5\" fill=\"" + ink + "\"/>",
                "\u2016\u2207\u2016 bar: the layer's gradient norm, on a log scale from 10\u207b\u2076 to 10.");
        item(
                html,
                "outputs",
                "<rect x=\"1\" y=\"2\" width=\"9\" height=\"11\" fill=\"" + neg + "\"/><rect x=\"12\" y=\"2\""
                        + " width=\"9\" height=\"11\" fill=\"" + pos + "\"/>",
                "Outputs framed in their class's colour; each map: blue below 0, orange above.");
        return html.toString();
    }

    private static String tile(String extra) {
        return "<rect x=\"5\" y=\"1.5\" width=\"12\" height=\"12\" fill=\""
                + Palette.css(Palette.mix(Palette.NEUTRAL_RGB, Palette.classRgb(1), 0.4)) + "\"" + extra + "/>";
    }

    private static void item(StringBuilder html, String key, String svg, String text) {
        html.append("<li data-mark=\"")
                .append(key)
                .append(
                        "\"><svg width=\"22\" height=\"15\" viewBox=\"0 0 22 15\" aria-hidden=\"true\" focusable=\"false\">")
                .append(svg)
                .append("</svg><span>")
                .append(text)
                .append("</span></li>");
    }
}
