package backprop.client;

import backprop.engine.spec.Plane;
import backprop.ui.playground.OutputLegend;
import backprop.ui.playground.PlaygroundSession;
import backprop.ui.playground.PointDrawing;
import java.util.List;
import org.teavm.jso.JSObject;

/**
 * The playground's drawing tools bound to the page: the draw-mode toggle, the class buttons'
 * state, Undo (and Ctrl/Cmd+Z), Clear, the keyboard cursor on the output and the output's colour
 * legend. What drawing does is {@link PointDrawing}'s; this class only binds and shows it.
 */
final class DrawingTools {
    /** What the tools need from the page. */
    interface Page {
        /** Brings the views and the address bar in line with a change. */
        void follow(PlaygroundSession.Change change, boolean pushHistory);

        void showMessages(List<String> messages);

        /** Shows the network's values at (x1, x2) without changing anything. */
        void probe(double x1, double x2);

        /** Pauses training (an empty set has nothing to train on). */
        void pause();

        Controls controls();
    }

    private final PlaygroundSession session;
    private final PointDrawing drawing;
    private final Page page;
    /** The keyboard cursor on the output, in the input plane. */
    private double cursorX1;

    private double cursorX2;

    DrawingTools(PlaygroundSession session, Page page) {
        this.session = session;
        this.drawing = new PointDrawing(session);
        this.page = page;
    }

    PointDrawing drawing() {
        return drawing;
    }

    void bind() {
        DrawDom.onOutputKeys(Browser.byTestId("output"), this::outputKey);
        DrawDom.onUndoKey(this::undo);
        Browser.onTestId("undo", "click", this::undo);
        Browser.onTestId("clear-points", "click", this::clear);
        Browser.onTestId("draw-mode", "click", () -> {
            drawing.setDrawMode(!drawing.drawMode());
            show();
        });
        show();
        showLegend();
    }

    /** Draw mode: adds or removes a point (each an undo step); otherwise a press only shows the values there. */
    void pointAt(double x1, double x2, boolean remove) {
        if (!drawing.drawMode()) {
            page.probe(x1, x2);
            return;
        }
        PlaygroundSession.Change change = remove ? drawing.removeNearest(x1, x2) : drawing.add(x1, x2);
        page.showMessages(FieldNotes.place(change.problems()));
        page.follow(change, true);
        show();
    }

    void clear() {
        page.pause();
        page.follow(drawing.clear(), false);
        show();
    }

    private void undo() {
        PlaygroundSession.Change change = drawing.undo();
        page.showMessages(List.of());
        page.follow(change, true);
        show();
    }

    /** Another control changed the experiment. */
    void experimentChanged() {
        drawing.experimentChanged();
        show();
    }

    /** The tools as the drawing stands: mode, Undo, the notice, the classes one may draw. */
    void show() {
        Browser.setAttribute(Browser.byTestId("draw-mode"), "aria-pressed", drawing.drawMode() ? "true" : "false");
        Browser.setDisabled("undo", !drawing.canUndo());
        Browser.setText("draw-notice", drawing.notice() == null ? "" : drawing.notice());
        page.controls().showPointClasses(session.spec());
    }

    /** The output's colour legend for the current spec. */
    void showLegend() {
        JSObject legend = Browser.byTestId("output-legend");
        Browser.setHtml(legend, OutputLegend.markup(session.spec()));
        for (String key : OutputLegend.keys(session.spec())) {
            DrawDom.setKeyColour(legend, key, OutputLegend.colour(key));
        }
    }

    /** Arrow keys move the cursor a 24th of the plane (shift: a sixth); Enter adds, Delete removes. */
    private void outputKey(String action) {
        double step = action.endsWith("+") ? Plane.SIZE / 6 : Plane.SIZE / 24;
        switch (action.replace("+", "")) {
            case "left" -> cursorX1 = Plane.clamp(cursorX1 - step);
            case "right" -> cursorX1 = Plane.clamp(cursorX1 + step);
            case "up" -> cursorX2 = Plane.clamp(cursorX2 + step);
            case "down" -> cursorX2 = Plane.clamp(cursorX2 - step);
            case "add" -> pointAt(cursorX1, cursorX2, page.controls().erasing());
            case "remove" -> pointAt(cursorX1, cursorX2, true);
            default -> {
                return;
            }
        }
        DrawDom.placeCursor((cursorX1 - Plane.MIN) / Plane.SIZE, (Plane.MAX - cursorX2) / Plane.SIZE);
        page.probe(cursorX1, cursorX2);
    }
}
