package backprop.client.graph;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The few raw browser calls the explorer needs, each a one-line {@code @JSBody}. */
final class GraphDom {
    private GraphDom() {
    }

    @JSBody(params = "testId", script = "return document.querySelector('[data-testid=\"' + testId + '\"]');")
    static native JSObject byTestId(String testId);

    @JSBody(script = "return location.search;")
    static native String search();

    @JSBody(params = "name", script = "return new URLSearchParams(location.search).get(name);")
    static native String queryParam(String name);

    @JSBody(params = "query", script = "history.replaceState(history.state, '', location.pathname + '?' + query);")
    static native void replaceQuery(String query);

    @JSBody(params = {"element", "text"}, script = "if (element) element.textContent = text;")
    static native void setText(JSObject element, String text);

    @JSBody(params = {"element", "html"}, script = "if (element) element.innerHTML = html;")
    static native void setHtml(JSObject element, String html);

    @JSBody(params = {"element", "hidden"}, script = "if (element) element.hidden = hidden;")
    static native void setHidden(JSObject element, boolean hidden);

    @JSBody(params = {"element", "disabled"}, script = "if (element) element.disabled = disabled;")
    static native void setDisabled(JSObject element, boolean disabled);

    @JSBody(params = "element", script = "return element ? element.value : '';")
    static native String value(JSObject element);

    @JSBody(params = {"element", "value"}, script = "if (element && element.value !== value) element.value = value;")
    static native void setValue(JSObject element, String value);

    @JSBody(params = "element", script = "return !!(element && element.checked);")
    static native boolean checked(JSObject element);

    @JSBody(params = {"element", "checked"}, script = "if (element) element.checked = checked;")
    static native void setChecked(JSObject element, boolean checked);

    @JSBody(params = {"element", "name", "value"}, script =
            "if (element) { if (value === null) element.removeAttribute(name); else element.setAttribute(name, value); }")
    static native void setAttribute(JSObject element, String name, String value);

    @JSBody(params = {"element", "event", "handler"}, script = "element.addEventListener(event, function() { handler(); });")
    static native void on(JSObject element, String event, Callback handler);

    /** One listener for every variable input inside {@code container}: (data-name, value). */
    @JSBody(params = {"container", "handler"}, script = "container.addEventListener('input', function(e) {"
            + " var t = e.target; if (t && t.dataset && t.dataset.name) handler(t.dataset.name, t.value); });")
    static native void onNamedInput(JSObject container, NamedInput handler);

    @JSBody(params = "table", script = "return table ? table.tBodies[0] : null;")
    static native JSObject bodyOf(JSObject table);

    /** Scrolls a horizontally scrolling container so its highlighted gate is in the middle (narrow screens). */
    @JSBody(params = "container", script = "var g = container && container.querySelector('.gate.active');"
            + " if (g && container.scrollWidth > container.clientWidth) { var r = g.getBoundingClientRect(),"
            + " c = container.getBoundingClientRect(); container.scrollLeft += (r.left + r.width / 2) - (c.left + c.width / 2); }")
    static native void centreActiveGate(JSObject container);

    @JSBody(params = {"element", "value"}, script = "if (element) element.dataset.state = value;")
    static native void setState(JSObject element, String value);

    @JSFunctor
    interface Callback extends JSObject {
        void call();
    }

    @JSFunctor
    interface NamedInput extends JSObject {
        void call(String name, String value);
    }
}
