package backprop.client.activations;

import backprop.client.Dom;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Float64Array;

/** The activation lab's own raw browser calls (canvas drawing, pointer), beyond the shared ones of {@link Dom}. */
final class LabDom extends Dom {
    private LabDom() {}

    @JSBody(script = "return !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);")
    static native boolean prefersReducedMotion();

    /** The names of the activation cards, in page order, joined by ','. */
    @JSBody(
            script = "var out = []; document.querySelectorAll('[data-activation]').forEach(function(e) {"
                    + " out.push(e.getAttribute('data-activation')); }); return out.join(',');")
    static native String activationNames();

    /** The values of the checked checkboxes called {@code name}, in page order, joined by ','. */
    @JSBody(
            params = "name",
            script = "var out = []; document.querySelectorAll('input[name=\"' + name + '\"]:checked')"
                    + ".forEach(function(e) { out.push(e.value); }); return out.join(',');")
    static native String checkedValues(String name);

    /** The same text in every element matching a selector. */
    @JSBody(
            params = {"selector", "text"},
            script = "document.querySelectorAll(selector).forEach(function(e) { e.textContent = text; });")
    static native void setTextAll(String selector, String text);

    @JSBody(
            params = {"element", "html"},
            script = "if (element) element.insertAdjacentHTML('beforeend', html);")
    static native void appendHtml(JSObject element, String html);

    @JSBody(
            params = {"element", "name"},
            script = "var v = element ? element.getAttribute(name) : null; return v === null ? '' : v;")
    static native String attribute(JSObject element, String name);

    /** Pointer moves over a canvas as CSS pixels from its left edge; -1 when the pointer leaves. */
    @JSBody(
            params = {"canvas", "handler"},
            script = "canvas.addEventListener('pointermove', function(e) { var r = canvas.getBoundingClientRect();"
                    + " handler(e.clientX - r.left); });"
                    + "canvas.addEventListener('pointerleave', function() { handler(-1); });")
    static native void onPointerX(JSObject canvas, PointerX handler);

    /** Colours every swatch ({@code [data-rgb]}) inside {@code container}. */
    @JSBody(
            params = "container",
            script = "if (container) container.querySelectorAll('[data-rgb]').forEach(function(e) {"
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
    @JSBody(
            params = {"canvas", "width", "height"},
            script =
                    "var ratio = window.devicePixelRatio || 1; var w = Math.round(width * ratio), h = Math.round(height * ratio);"
                            + "if (canvas.width !== w) canvas.width = w; if (canvas.height !== h) canvas.height = h;"
                            + "var ctx = canvas.getContext('2d'); ctx.setTransform(ratio, 0, 0, ratio, 0, 0); ctx.clearRect(0, 0, width, height);"
                            + "return ctx;")
    static native JSObject prepare(JSObject canvas, double width, double height);

    /** A polyline; NaN coordinates lift the pen. */
    @JSBody(
            params = {"c", "xs", "ys", "colour", "width", "dashed"},
            script = "c.save(); c.strokeStyle = colour; c.lineWidth = width; c.lineJoin = 'round'; c.lineCap = 'round';"
                    + "c.setLineDash(dashed ? [6, 4] : []); c.beginPath(); var pen = false;"
                    + "for (var i = 0; i < xs.length; i++) { var x = xs[i], y = ys[i];"
                    + "  if (x !== x || y !== y) { pen = false; continue; }"
                    + "  if (pen) c.lineTo(x, y); else { c.moveTo(x, y); pen = true; } }"
                    + "c.stroke(); c.restore();")
    static native void polyline(
            JSObject c, Float64Array xs, Float64Array ys, String colour, double width, boolean dashed);

    @JSBody(
            params = {"c", "text", "x", "y", "colour", "align", "size"},
            script =
                    "c.fillStyle = colour; c.textAlign = align; c.textBaseline = 'middle';"
                            + "c.font = size + 'px system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif'; c.fillText(text, x, y);")
    static native void text(JSObject c, String text, double x, double y, String colour, String align, double size);

    @JSBody(
            params = {"c", "x", "y", "r", "colour"},
            script = "c.fillStyle = colour; c.beginPath(); c.arc(x, y, r, 0, 2 * Math.PI); c.fill();")
    static native void dot(JSObject c, double x, double y, double r, String colour);

    @JSBody(
            params = {"c", "x", "y", "w", "h", "colour", "alpha"},
            script = "c.save(); c.globalAlpha = alpha; c.fillStyle = colour; c.fillRect(x, y, w, h); c.restore();")
    static native void box(JSObject c, double x, double y, double w, double h, String colour, double alpha);

    @JSFunctor
    interface PointerX extends JSObject {
        void at(double x);
    }
}
