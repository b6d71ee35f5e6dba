package backprop.client;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/** The few raw browser calls the client needs, each a one-line {@code @JSBody}. */
final class Browser {
    private Browser() {
    }

    @JSBody(params = "name", script = "return new URLSearchParams(location.search).get(name);")
    static native String queryParam(String name);

    @JSBody(script = "return location.hash.length > 1 ? decodeURIComponent(location.hash.substring(1)) : '';")
    static native String fragment();

    @JSBody(params = "spec", script = "history.replaceState(history.state, '', '#' + spec);")
    static native void replaceFragment(String spec);

    @JSBody(params = "spec", script = "history.pushState(null, '', '#' + spec);")
    static native void pushFragment(String spec);

    @JSBody(script = "return performance.now();")
    static native double now();

    @JSBody(params = {"testId", "text"}, script =
            "var e = document.querySelector('[data-testid=\"' + testId + '\"]'); if (e) e.textContent = text;")
    static native void setText(String testId, String text);

    @JSBody(params = "testId", script = "return document.querySelector('[data-testid=\"' + testId + '\"]');")
    static native JSObject byTestId(String testId);

    @JSBody(params = {"element", "name", "value"}, script = "element.setAttribute(name, value);")
    static native void setAttribute(JSObject element, String name, String value);

    @JSBody(params = {"element", "hidden"}, script = "element.hidden = hidden;")
    static native void setHidden(JSObject element, boolean hidden);

    @JSBody(params = {"element", "event", "handler"}, script = "element.addEventListener(event, function(e) { handler(); });")
    static native void on(JSObject element, String event, Callback handler);

    @JSBody(params = {"event", "handler"}, script = "window.addEventListener(event, function(e) { handler(); });")
    static native void onWindow(String event, Callback handler);

    @JSBody(params = {"list", "text"}, script =
            "var li = document.createElement('li'); li.textContent = text; list.appendChild(li);")
    static native void appendItem(JSObject list, String text);

    @JSBody(params = "element", script = "element.replaceChildren();")
    static native void clear(JSObject element);

    @JSBody(params = {"canvas"}, script = "return canvas.getContext('2d');")
    static native CanvasRenderingContext2D context2d(JSObject canvas);

    /** Copies the Java pixel array (0xAABBGGRR ints) into the canvas in one call. */
    static void putPixels(CanvasRenderingContext2D context, int[] pixels, int width, int height) {
        Int32Array copy = Int32Array.copyFromJavaArray(pixels);
        Uint8ClampedArray bytes = new Uint8ClampedArray(copy.getBuffer());
        context.putImageData(new ImageData(bytes, width, height), 0, 0);
    }

    @org.teavm.jso.JSFunctor
    interface Callback extends JSObject {
        void call();
    }
}
