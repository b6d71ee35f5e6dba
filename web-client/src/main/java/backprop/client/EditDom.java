package backprop.client;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The browser calls of the diagram's tools and the controls' notes: the skip link, the weight
 * editor's form, the weights table's texts, and the notes beside a control that say why a value
 * was refused. Locals in the scripts have long names: TeaVM's JavaScript renames the parameters to
 * single letters (b, c, d...), and a one-letter local could shadow one.
 */
final class EditDom extends Dom {
    private EditDom() {}

    /**
     * A skip link that moves the focus to the element with {@code targetTestId} without touching
     * the address's fragment (which holds the experiment).
     */
    @JSBody(
            params = {"linkTestId", "targetTestId"},
            script = "var link = document.querySelector('[data-testid=\"' + linkTestId + '\"]'); if (!link) return;"
                    + "link.addEventListener('click', function(event) { event.preventDefault();"
                    + "  var target = document.querySelector('[data-testid=\"' + targetTestId + '\"]');"
                    + "  if (target) { target.focus(); target.scrollIntoView({block: 'nearest'}); } });")
    static native void onSkipLink(String linkTestId, String targetTestId);

    /** A form's submit (Enter in its field, or its submit button), without a page load. */
    @JSBody(
            params = {"testId", "handler"},
            script = "var form = document.querySelector('[data-testid=\"' + testId + '\"]'); if (!form) return;"
                    + "form.addEventListener('submit', function(event) { event.preventDefault(); handler(); });")
    static native void onSubmit(String testId, Callback handler);

    /** Escape inside the element. */
    @JSBody(
            params = {"testId", "handler"},
            script = "var box = document.querySelector('[data-testid=\"' + testId + '\"]'); if (!box) return;"
                    + "box.addEventListener('keydown', function(event) {"
                    + "  if (event.key === 'Escape') { event.preventDefault(); handler(); } });")
    static native void onEscape(String testId, Callback handler);

    /** The focused element, to give the focus back to later (null when none). */
    @JSBody(script = "var active = document.activeElement; return active && active !== document.body ? active : null;")
    static native JSObject focused();

    @JSBody(params = "element", script = "if (element && document.contains(element)) element.focus();")
    static native void focus(JSObject element);

    /** Sets the texts of the container's {@code button.weight}s, in order, from newline-separated values. */
    @JSBody(
            params = {"container", "values"},
            script = "var cells = container.querySelectorAll('button.weight'), texts = values.split('\\n');"
                    + "for (var idx = 0; idx < cells.length && idx < texts.length; idx++)"
                    + "  if (cells[idx].textContent !== texts[idx]) cells[idx].textContent = texts[idx];")
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
            script = "var control = document.querySelector('[data-testid=\"' + testId + '\"]');"
                    + "if (!control || control.getClientRects().length === 0) return false;"
                    + "var note = document.createElement('p'); note.className = 'field-note'; note.setAttribute('role', 'alert');"
                    + "note.id = 'note-' + testId; note.setAttribute('data-testid', 'note-' + testId); note.textContent = message;"
                    + "if (control.tagName === 'FIELDSET') control.appendChild(note);"
                    + "else (control.closest('label') || control).insertAdjacentElement('afterend', note);"
                    + "var described = control.getAttribute('aria-describedby');"
                    + "control.setAttribute('aria-describedby', described ? described + ' ' + note.id : note.id);"
                    + "control.setAttribute('aria-invalid', 'true');"
                    + "return true;")
    static native boolean showNote(String testId, String message);

    /** Removes every control's note and its marks. */
    @JSBody(
            script = "document.querySelectorAll('p.field-note[id^=\"note-\"]').forEach(function(note) {"
                    + "  var control = document.querySelector('[aria-describedby~=\"' + note.id + '\"]');"
                    + "  if (control) { var rest = control.getAttribute('aria-describedby').split(' ')"
                    + "      .filter(function(id) { return id && id !== note.id; }).join(' ');"
                    + "    if (rest) control.setAttribute('aria-describedby', rest); else control.removeAttribute('aria-describedby');"
                    + "    control.removeAttribute('aria-invalid'); }"
                    + "  note.remove(); });")
    static native void clearNotes();
}
