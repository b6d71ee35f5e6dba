package backprop.ui.playground;

import backprop.engine.spec.CustomPoint;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecLimits;
import backprop.engine.spec.SpecNumbers;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Drawing your own data on the output, as an explicit mode so a stray click or tap never changes
 * the data: outside draw mode a click only probes. Each change of the points is one undo step
 * that brings back the previous data and its trained state; the first point drawn on another
 * dataset turns all of its points (at the spec's precision) into your own, in one step. Clear
 * leaves an empty set that exists only in the page until the first point.
 */
public final class PointDrawing {
    /** Undo steps kept (each holds a snapshot of the run). */
    public static final int MAX_UNDO = 50;

    private final PlaygroundSession session;
    private final Deque<PlaygroundSession.Memento> undo = new ArrayDeque<>();
    private boolean drawMode;
    private int drawClass;
    private boolean blank;
    /** What the last change of the points did, in words (shown beside an Undo button), or null. */
    private String notice;

    public PointDrawing(PlaygroundSession session) {
        this.session = session;
    }

    public boolean drawMode() {
        return drawMode;
    }

    public void setDrawMode(boolean on) {
        drawMode = on;
    }

    /** The class new points get. */
    public int drawClass() {
        return Math.min(drawClass, drawableClasses() - 1);
    }

    public void setDrawClass(int k) {
        drawClass = Math.max(0, Math.min(k, SpecLimits.MAX_CLASSES - 1));
    }

    /** The classes one may draw: those of the current dataset (two for a regression set's points). */
    public int drawableClasses() {
        Spec spec = session.spec();
        return spec.data().isRegression() ? 2 : Math.max(2, spec.classes());
    }

    /** True while the page shows an empty set (after Clear, before the first point). */
    public boolean blank() {
        return blank;
    }

    public String notice() {
        return notice;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** Adds a point of the draw class at (x1, x2), in draw mode only. */
    public PlaygroundSession.Change add(double x1, double x2) {
        if (!drawMode) {
            return PlaygroundSession.Change.none(List.of());
        }
        Spec before = session.spec();
        PlaygroundSession.Memento memento = session.memento();
        int label = drawClass();
        PlaygroundSession.Change change;
        if (blank) {
            change = session.edit(spec -> SpecEditor.withPoints(
                    spec,
                    List.of(new CustomPoint(SpecNumbers.roundCoordinate(x1), SpecNumbers.roundCoordinate(x2), label)),
                    Math.max(2, label + 1)));
        } else {
            change = session.edit(
                    spec -> SpecEditor.addPoint(spec, session.trainer().data(), x1, x2, label));
        }
        if (!change.changed()) {
            return change;
        }
        push(memento);
        boolean wasBlank = blank;
        blank = false;
        notice = notice(before, wasBlank, label);
        return change;
    }

    /** Removes the point nearest (x1, x2) (within reach), from your own data only. */
    public PlaygroundSession.Change removeNearest(double x1, double x2) {
        if (session.spec().data() != DatasetKind.CUSTOM || blank) {
            return PlaygroundSession.Change.none(List.of());
        }
        PlaygroundSession.Memento memento = session.memento();
        PlaygroundSession.Change change = session.edit(spec -> SpecEditor.removePoint(spec, x1, x2));
        if (change.changed()) {
            push(memento);
            notice = "Point removed; training restarted. Undo (Ctrl+Z) brings it back.";
        }
        return change;
    }

    /** Clear: an empty set of your own, in the page only, until the first point; the run is kept for Undo. */
    public PlaygroundSession.Change clear() {
        if (blank) {
            return PlaygroundSession.Change.none(List.of());
        }
        push(session.memento());
        blank = true;
        drawMode = true;
        notice =
                "Cleared: draw your first point (a click on the output, or Enter). Undo (Ctrl+Z) brings the points back.";
        return new PlaygroundSession.Change(true, false, true, List.of());
    }

    /** Back to the data and trained state before the last change of the points. */
    public PlaygroundSession.Change undo() {
        if (undo.isEmpty()) {
            return PlaygroundSession.Change.none(List.of());
        }
        blank = false;
        notice = "Undone: the previous points and their training are back.";
        return session.restore(undo.pop());
    }

    /** Any other change of the experiment ends a blank set (its data is the spec's again). */
    public void experimentChanged() {
        blank = false;
        notice = null;
    }

    private void push(PlaygroundSession.Memento memento) {
        undo.push(memento);
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
    }

    private String notice(Spec before, boolean wasBlank, int label) {
        Spec after = session.spec();
        String restart =
                " Adding a point restarts training (the training/test split changes). Undo (Ctrl+Z) goes back.";
        if (wasBlank || before.data() == DatasetKind.CUSTOM) {
            return "Point of class " + label + " added: " + after.points().size() + " points." + restart;
        }
        int kept = after.points().size() - 1;
        int had = before.n();
        return "Your own data: the " + (kept < had ? kept + " of the " + had : Integer.toString(kept)) + " points of "
                + before.data().key()
                + (kept < had ? " (your own data holds at most " + SpecLimits.MAX_CUSTOM_POINTS + ")" : "")
                + ", and yours." + restart;
    }
}
