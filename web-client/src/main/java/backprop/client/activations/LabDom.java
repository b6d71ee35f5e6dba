package backprop.client.activations;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;

/** The few raw browser calls the activation lab needs, each a small {@code @JSBody}. */
final class LabDom {
    private LabDom() {
    }

    @JSBody(params = "testId", script = "return document.querySelector('[data-testid=\"' + testId + '\"]');")
    static native JSObject byTestId(String testId);

    @JSBody(script = "return performance.now();")
    static native double now();

    @JSBody(script = "return location.hash.length > 1 ? decodeURIComponent(location.hash.substring(1)) : '';")
    static native String fragment();

    @JSBody(script = "return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);")
    static native boolean prefersReducedMotion();

    /** The names of the activation cards, in page order, joined by ','. */
    @JSBody(script = "var out = []; document.querySelectorAll('[data-activation]').forEach(function(e) {"
            + " out.push(e.getAttribute('data-activation')); }); return out.join(',');")
    static native String activationNames();

    /** The values of the checked checkboxes called {@code name}, in page order, joined by ','. */
    @JSBody(params = "name", script = "var out = []; document.querySelectorAll('input[name=\"' + name + '\"]:checked')"
            + ".forEach(function(e) { out.push(e.value); }); return out.join(',');")
    static native String checkedValues(String name);

    @JSBody(params = {"element", "text"}, script = "if (element && element.textContent !== text) element.textContent = text;")
    static native void setText(JSObject element, String text);

    /** The same text in every element matching a selector. */
    @JSBody(params = {"selector", "text"}, script = "document.querySelectorAll(selector).forEach(function(e) { e.textContent = text; });")
    static native void setTextAll(String selector, String text);

    @JSBody(params = {"element", "html"}, script = "if (element) element.innerHTML = html;")
    static native void setHtml(JSObject element, String html);

    @JSBody(params = {"element", "html"}, script = "if (element) element.insertAdjacentHTML('beforeend', html);")
    static native void appendHtml(JSObject element, String html);

    @JSBody(params = {"element", "checked"}, script = "if (element) element.checked = checked;")
    static native void setChecked(JSObject element, boolean checked);

    @JSBody(params = {"element", "hidden"}, script = "if (element) element.hidden = hidden;")
    static native void setHidden(JSObject element, boolean hidden);

    @JSBody(params = {"element", "disabled"}, script = "if (element) element.disabled = disabled;")
    static native void setDisabled(JSObject element, boolean disabled);

    @JSBody(params = "element", script = "return element ? String(element.value) : '';")
    static native String value(JSObject element);

    @JSBody(params = {"element", "value"}, script = "if (element && element.value !== value) element.value = value;")
    static native void setValue(JSObject element, String value);

    @JSBody(params = {"element", "name", "value"}, script =
            "if (element) { if (value === null) element.removeAttribute(name); else element.setAttribute(name, value); }")
    static native void setAttribute(JSObject element, String name, String value);

    @JSBody(params = {"element", "name"}, script = "var v = element ? element.getAttribute(name) : null; return v === null ? '' : v;")
    static native String attribute(JSObject element, String name);

    @JSBody(params = {"element", "event", "handler"}, script = "if (element) element.addEventListener(event, function() { handler(); });")
    static native void on(JSObject element, String event, Callback handler);

    @JSBody(params = {"event", "handler"}, script = "window.addEventListener(event, function() { handler(); });")
    static native void onWindow(String event, Callback handler);

    /** Pointer moves over a canvas as CSS pixels from its left edge; -1 when the pointer leaves. */
    @JSBody(params = {"canvas", "handler"}, script =
            "canvas.addEventListener('pointermove', function(e) { var r = canvas.getBoundingClientRect();"
            + " handler(e.clientX - r.left); });"
            + "canvas.addEventListener('pointerleave', function() { handler(-1); });")
    static native void onPointerX(JSObject canvas, PointerX handler);

    /** Colours every swatch ({@code [data-rgb]}) inside {@code container}. */
    @JSBody(params = "container", script = "if (container) container.querySelectorAll('[data-rgb]').forEach(function(e) {"
            + " e.style.color = e.getAttribute('data-rgb'); });")
    static native void paintSwatches(JSObject container);

    @JSBody(params = "canvas", script = "return canvas ? canvas.clientWidth : 0;")
    static native double clientWidth(JSObject canvas);

    @JSBody(params = "canvas", script = "return canvas ? canvas.clientHeight : 0;")
    static native double clientHeight(JSObject canvas);

    /**
     * Sizes the canvas's backing store to its CSS box times the device pixel ratio, clears it
     * and returns its context scaled so that one unit is one CSS pixel.
     */
    @JSBody(params = {"canvas", "width", "height"}, script =
            "var ratio = window.devicePixelRatio || 1; var w = Math.round(width * ratio), h = Math.round(height * ratio);"
            + "if (canvas.width !== w) canvas.width = w; if (canvas.height !== h) canvas.height = h;"
            + "var c = canvas.getContext('2d'); c.setTransform(ratio, 0, 0, ratio, 0, 0); c.clearRect(0, 0, width, height);"
            + "return c;")
    static native JSObject prepare(JSObject canvas, double width, double height);

    /** A polyline; NaN coordinates lift the pen. */
    @JSBody(params = {"c", "xs", "ys", "colour", "width", "dashed"}, script =
            "c.save(); c.strokeStyle = colour; c.lineWidth = width; c.lineJoin = 'round'; c.lineCap = 'round';"
            + "c.setLineDash(dashed ? [6, 4] : []); c.beginPath(); var pen = false;"
            + "for (var i = 0; i < xs.length; i++) { var x = xs[i], y = ys[i];"
            + "  if (x !== x || y !== y) { pen = false; continue; }"
            + "  if (pen) c.lineTo(x, y); else { c.moveTo(x, y); pen = true; } }"
            + "c.stroke(); c.restore();")
    static native void polyline(JSObject c, Float64Array xs, Float64Array ys, String colour, double width, boolean dashed);

    @JSBody(params = {"c", "text", "x", "y", "colour", "align", "size"}, script =
            "c.fillStyle = colour; c.textAlign = align; c.textBaseline = 'middle';"
            + "c.font = size + 'px system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif'; c.fillText(text, x, y);")
    static native void text(JSObject c, String text, double x, double y, String colour, String align, double size);

    @JSBody(params = {"c", "x", "y", "r", "colour"}, script =
            "c.fillStyle = colour; c.beginPath(); c.arc(x, y, r, 0, 2 * Math.PI); c.fill();")
    static native void dot(JSObject c, double x, double y, double r, String colour);

    @JSBody(params = {"c", "x", "y", "w", "h", "colour", "alpha"}, script =
            "c.save(); c.globalAlpha = alpha; c.fillStyle = colour; c.fillRect(x, y, w, h); c.restore();")
    static native void box(JSObject c, double x, double y, double w, double h, String colour, double alpha);

    @JSFunctor
    interface Callback extends JSObject {
        void call();
    }

    @JSFunctor
    interface PointerX extends JSObject {
        void at(double x);
    }
}
