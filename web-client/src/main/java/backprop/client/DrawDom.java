package backprop.client;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The browser calls of drawing on the output: its keyboard, the cursor, and Ctrl/Cmd+Z. */
final class DrawDom extends Dom {
    private DrawDom() {}

    /**
     * Keys on the focused output: arrows move the cursor (shift: further), Enter or Space adds,
     * Delete or Backspace removes. The handler gets "left", "right", "up", "down" (with "+" for
     * a long step), "add" or "remove"; the page does not scroll for them.
     */
    @JSBody(
            params = {"element", "handler"},
            script = "element.addEventListener('keydown', function(e) {"
                    + "  var k = e.key, a = null;"
                    + "  if (k === 'ArrowLeft') a = 'left'; else if (k === 'ArrowRight') a = 'right';"
                    + "  else if (k === 'ArrowUp') a = 'up'; else if (k === 'ArrowDown') a = 'down';"
                    + "  else if (k === 'Enter' || k === ' ') a = 'add'; else if (k === 'Delete' || k === 'Backspace') a = 'remove';"
                    + "  if (a === null || e.ctrlKey || e.metaKey || e.altKey) return;"
                    + "  e.preventDefault(); handler(a + (e.shiftKey && a.length < 6 && a !== 'add' ? '+' : '')); });")
    static native void onOutputKeys(JSObject element, KeyHandler handler);

    /** Ctrl+Z (Cmd+Z on a Mac) anywhere but in a text field: undo. */
    @JSBody(
            params = "handler",
            script = "window.addEventListener('keydown', function(e) {"
                    + "  if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || (e.key !== 'z' && e.key !== 'Z')) return;"
                    + "  var t = e.target, tag = t && t.tagName ? t.tagName.toLowerCase() : '';"
                    + "  if (tag === 'input' || tag === 'textarea' || tag === 'select' || (t && t.isContentEditable)) return;"
                    + "  e.preventDefault(); handler(); });")
    static native void onUndoKey(Callback handler);

    /** Shows the keyboard cursor at fractions (fx, fy) of the output's box. */
    @JSBody(
            params = {"fx", "fy"},
            script =
                    "var cursor = document.querySelector('[data-testid=\"output-cursor\"]'); if (!cursor) return;"
                            + "cursor.style.left = (fx * 100) + '%'; cursor.style.top = (fy * 100) + '%'; cursor.hidden = false;")
    static native void placeCursor(double fx, double fy);

    /** Colours the {@code .dot} of the item whose data-arg is {@code key} (CSP allows no inline style). */
    @JSBody(
            params = {"group", "key", "colour"},
            script =
                    "var dot = group.querySelector('[data-arg=\"' + key + '\"] .dot'); if (dot) dot.style.background = colour;")
    static native void setKeyColour(JSObject group, String key, String colour);

    @JSFunctor
    interface KeyHandler extends JSObject {
        void handle(String action);
    }
}
