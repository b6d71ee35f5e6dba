package backprop.client;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The browser calls of the diagram's tools and the controls' notes: the skip link, the weight
 * editor's form, the weights table's texts, and the notes beside a control that say why a value
 * was refused.
 */
final class EditDom extends Dom {
    private EditDom() {}

    /**
     * A skip link that moves the focus to the element with {@code targetTestId} without touching
     * the address's fragment (which holds the experiment).
     */
    @JSBody(
            params = {"linkTestId", "targetTestId"},
            script = "var a = document.querySelector('[data-testid=\"' + linkTestId + '\"]'); if (!a) return;"
                    + "a.addEventListener('click', function(e) { e.preventDefault();"
                    + "  var t = document.querySelector('[data-testid=\"' + targetTestId + '\"]');"
                    + "  if (t) { t.focus(); t.scrollIntoView({block: 'nearest'}); } });")
    static native void onSkipLink(String linkTestId, String targetTestId);

    /** A form's submit (Enter in its field, or its submit button), without a page load. */
    @JSBody(
            params = {"testId", "handler"},
            script = "var f = document.querySelector('[data-testid=\"' + testId + '\"]'); if (!f) return;"
                    + "f.addEventListener('submit', function(e) { e.preventDefault(); handler(); });")
    static native void onSubmit(String testId, Callback handler);

    /** Escape inside the element. */
    @JSBody(
            params = {"testId", "handler"},
            script =
                    "var f = document.querySelector('[data-testid=\"' + testId + '\"]'); if (!f) return;"
                            + "f.addEventListener('keydown', function(e) { if (e.key === 'Escape') { e.preventDefault(); handler(); } });")
    static native void onEscape(String testId, Callback handler);

    /** The focused element, to give the focus back to later (null when none). */
    @JSBody(script = "var e = document.activeElement; return e && e !== document.body ? e : null;")
    static native JSObject focused();

    @JSBody(params = "element", script = "if (element && document.contains(element)) element.focus();")
    static native void focus(JSObject element);

    /** Sets the texts of the container's {@code button.weight}s, in order, from newline-separated values. */
    @JSBody(
            params = {"container", "values"},
            script =
                    "var b = container.querySelectorAll('button.weight'), v = values.split('\\n');"
                            + "for (var k = 0; k < b.length && k < v.length; k++) if (b[k].textContent !== v[k]) b[k].textContent = v[k];")
    static native void setWeightTexts(JSObject container, String values);

    /** True when the disclosure element is open. */
    @JSBody(params = "element", script = "return !!(element && element.open);")
    static native boolean open(JSObject element);

    /**
     * Shows {@code message} beside the control with {@code testId} (after its label, or inside a
     * fieldset), marks the control invalid and describes it by the note; false when the control
     * is missing or not shown, so the caller lists the message elsewhere.
     */
    @JSBody(
            params = {"testId", "message"},
            script = "var c = document.querySelector('[data-testid=\"' + testId + '\"]');"
                    + "if (!c || c.getClientRects().length === 0) return false;"
                    + "var n = document.createElement('p'); n.className = 'field-note'; n.setAttribute('role', 'alert');"
                    + "n.id = 'note-' + testId; n.setAttribute('data-testid', 'note-' + testId); n.textContent = message;"
                    + "if (c.tagName === 'FIELDSET') c.appendChild(n);"
                    + "else (c.closest('label') || c).insertAdjacentElement('afterend', n);"
                    + "var d = c.getAttribute('aria-describedby');"
                    + "c.setAttribute('aria-describedby', d ? d + ' ' + n.id : n.id); c.setAttribute('aria-invalid', 'true');"
                    + "return true;")
    static native boolean showNote(String testId, String message);

    /** Removes every control's note and its marks. */
    @JSBody(
            script = "document.querySelectorAll('p.field-note[id^=\"note-\"]').forEach(function(n) {"
                    + "  var c = document.querySelector('[aria-describedby~=\"' + n.id + '\"]');"
                    + "  if (c) { var d = c.getAttribute('aria-describedby').split(' ').filter(function(x) { return x && x !== n.id; }).join(' ');"
                    + "    if (d) c.setAttribute('aria-describedby', d); else c.removeAttribute('aria-describedby');"
                    + "    c.removeAttribute('aria-invalid'); }"
                    + "  n.remove(); });")
    static native void clearNotes();
}
