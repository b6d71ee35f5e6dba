package backprop.client.activations;

import backprop.ui.activations.Figure;
import backprop.ui.raster.Palette;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;

/** Draws a {@link Figure} on a canvas, one browser call per mark. */
final class FigurePainter {
    private FigurePainter() {}

    static void paint(JSObject canvas, Figure figure) {
        if (canvas == null) {
            return;
        }
        JSObject c = LabDom.prepare(canvas, figure.width(), figure.height());
        for (Figure.Mark mark : figure.marks()) {
            if (mark instanceof Figure.Line line) {
                LabDom.polyline(
                        c,
                        Float64Array.copyFromJavaArray(line.xs()),
                        Float64Array.copyFromJavaArray(line.ys()),
                        Palette.css(line.rgb()),
                        line.width(),
                        line.dashed());
            } else if (mark instanceof Figure.Label label) {
                LabDom.text(
                        c,
                        label.text(),
                        label.x(),
                        label.y(),
                        Palette.css(label.rgb()),
                        label.align().css(),
                        label.size());
            } else if (mark instanceof Figure.Dot dot) {
                LabDom.dot(c, dot.x(), dot.y(), dot.radius(), Palette.css(dot.rgb()));
            } else if (mark instanceof Figure.Box box) {
                LabDom.box(c, box.x(), box.y(), box.w(), box.h(), Palette.css(box.rgb()), box.alpha());
            }
        }
    }
}
