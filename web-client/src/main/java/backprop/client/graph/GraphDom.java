package backprop.client.graph;

import backprop.client.Dom;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The explorer's own raw browser calls, beyond the shared ones of {@link Dom}. */
final class GraphDom extends Dom {
    private GraphDom() {}

    @JSBody(script = "return location.search;")
    static native String search();

    @JSBody(params = "query", script = "history.replaceState(history.state, '', location.pathname + '?' + query);")
    static native void replaceQuery(String query);

    /** One listener for every variable input inside {@code container}: (data-name, value). */
    @JSBody(
            params = {"container", "handler"},
            script = "container.addEventListener('input', function(e) {"
                    + " var t = e.target; if (t && t.dataset && t.dataset.name) handler(t.dataset.name, t.value); });")
    static native void onNamedInput(JSObject container, NamedInput handler);

    @JSBody(params = "table", script = "return table ? table.tBodies[0] : null;")
    static native JSObject bodyOf(JSObject table);

    /** Scrolls a horizontally scrolling container so its highlighted gate is in the middle (narrow screens). */
    @JSBody(
            params = "container",
            script =
                    "var g = container && container.querySelector('.gate.active');"
                            + " if (g && container.scrollWidth > container.clientWidth) { var r = g.getBoundingClientRect(),"
                            + " c = container.getBoundingClientRect(); container.scrollLeft += (r.left + r.width / 2) - (c.left + c.width / 2); }")
    static native void centreActiveGate(JSObject container);

    @JSBody(
            params = {"element", "value"},
            script = "if (element) element.dataset.state = value;")
    static native void setState(JSObject element, String value);

    @JSFunctor
    interface NamedInput extends JSObject {
        void call(String name, String value);
    }
}
