package backprop.client;

import org.teavm.jso.JSBody;

/** The DOM calls of a challenge's page that the playground's {@link Browser} does not have. */
final class ChallengeDom {
    private ChallengeDom() {}

    /** Disables the control, marks it locked and gives the reason as its tooltip. */
    @JSBody(
            params = {"testId", "reason"},
            script =
                    "var control = document.querySelector('[data-testid=\"' + testId + '\"]'); if (!control) return;"
                            + "control.disabled = true; control.title = reason; control.setAttribute('data-locked', 'true');"
                            + "var label = control.closest('label'); if (label) { label.classList.add('locked'); label.title = reason; }")
    static native void lock(String testId, String reason);

    /** Disables every button, select and input inside the element, with the reason as tooltip. */
    @JSBody(
            params = {"testId", "reason"},
            script =
                    "var box = document.querySelector('[data-testid=\"' + testId + '\"]'); if (!box) return;"
                            + "box.setAttribute('data-locked', 'true'); box.title = reason;"
                            + "box.querySelectorAll('button, select, input').forEach(function(control) {"
                            + " control.disabled = true; control.title = reason; control.setAttribute('data-locked', 'true'); });")
    static native void lockWithin(String testId, String reason);

    /** The parent page gets the message (JSON text) when the page is in a frame. */
    @JSBody(params = "json", script = "if (window.parent !== window) window.parent.postMessage(JSON.parse(json), '*');")
    static native void postToHost(String json);

    /** A number field of a JSON object text, NaN when absent or not a number. */
    @JSBody(
            params = {"json", "field"},
            script =
                    "try { var v = JSON.parse(json)[field]; return typeof v === 'number' ? v : NaN; } catch (e) { return NaN; }")
    static native double jsonNumber(String json, String field);

    /** A boolean field of a JSON object text (false when absent). */
    @JSBody(
            params = {"json", "field"},
            script = "try { return JSON.parse(json)[field] === true; } catch (e) { return false; }")
    static native boolean jsonTrue(String json, String field);

    /** Sets an element's HTML (text the page built and escaped itself). */
    @JSBody(
            params = {"testId", "html"},
            script = "var e = document.querySelector('[data-testid=\"' + testId + '\"]'); if (e) e.innerHTML = html;")
    static native void setHtml(String testId, String html);

    /** True when a challenge locked the control ({@link #lock}): nothing else enables it again. */
    @JSBody(
            params = "testId",
            script = "var c = document.querySelector('[data-testid=\"' + testId + '\"]');"
                    + " return !!c && c.getAttribute('data-locked') === 'true';")
    static native boolean locked(String testId);
}
