package backprop.client;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.typedarrays.Float64Array;
import org.teavm.jso.typedarrays.Int32Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;

/** The playground's own raw browser calls, beyond the shared ones of {@link Dom}. */
final class Browser extends Dom {
    private Browser() {}

    @JSBody(params = "spec", script = "history.replaceState(history.state, '', '#' + spec);")
    static native void replaceFragment(String spec);

    @JSBody(params = "spec", script = "history.pushState(null, '', '#' + spec);")
    static native void pushFragment(String spec);

    @JSBody(
            params = {"testId", "text"},
            script = "var e = document.querySelector('[data-testid=\"' + testId + '\"]'); if (e) e.textContent = text;")
    static native void setText(String testId, String text);

    @JSBody(
            params = {"list", "text"},
            script = "var li = document.createElement('li'); li.textContent = text; list.appendChild(li);")
    static native void appendItem(JSObject list, String text);

    @JSBody(params = "element", script = "element.replaceChildren();")
    static native void clear(JSObject element);

    @JSBody(
            params = {"canvas"},
            script = "return canvas.getContext('2d');")
    static native CanvasRenderingContext2D context2d(JSObject canvas);

    /** Copies the Java pixel array (0xAABBGGRR ints) into the canvas in one call. */
    static void putPixels(CanvasRenderingContext2D context, int[] pixels, int width, int height) {
        Int32Array copy = Int32Array.copyFromJavaArray(pixels);
        Uint8ClampedArray bytes = new Uint8ClampedArray(copy.getBuffer());
        context.putImageData(new ImageData(bytes, width, height), 0, 0);
    }

    @JSBody(
            params = "testId",
            script =
                    "var e = document.querySelector('[data-testid=\"' + testId + '\"]'); return e ? String(e.value) : '';")
    static native String value(String testId);

    /** Sets an input's or select's value; a select gains an option for a value it does not list. */
    @JSBody(
            params = {"testId", "value"},
            script = "var e = document.querySelector('[data-testid=\"' + testId + '\"]'); if (!e) return;"
                    + "if (e.tagName === 'SELECT' && !Array.prototype.some.call(e.options, function(o) { return o.value === value; })) {"
                    + "  var o = document.createElement('option'); o.value = value; o.textContent = value; e.appendChild(o); }"
                    + "e.value = value;")
    static native void setValue(String testId, String value);

    @JSBody(
            params = "testId",
            script = "var e = document.querySelector('[data-testid=\"' + testId + '\"]'); return !!(e && e.checked);")
    static native boolean checked(String testId);

    @JSBody(
            params = {"testId", "checked"},
            script = "var e = document.querySelector('[data-testid=\"' + testId + '\"]'); if (e) e.checked = checked;")
    static native void setChecked(String testId, boolean checked);

    @JSBody(
            params = {"testId", "disabled"},
            script =
                    "var e = document.querySelector('[data-testid=\"' + testId + '\"]'); if (e) e.disabled = disabled;")
    static native void setDisabled(String testId, boolean disabled);

    @JSBody(
            params = {"testId", "event", "handler"},
            script = "var e = document.querySelector('[data-testid=\"' + testId + '\"]');"
                    + "if (e) e.addEventListener(event, function() { handler(); });")
    static native void onTestId(String testId, String event, Callback handler);

    /** One listener for a container: passes the nearest [data-action] element's action, arg and value. */
    @JSBody(
            params = {"container", "event", "handler"},
            script =
                    "container.addEventListener(event, function(e) {"
                            + "  var t = e.target.closest('[data-action]'); if (!t || !container.contains(t)) return;"
                            + "  handler(t.dataset.action, t.dataset.arg || '', t.value === undefined ? '' : String(t.value)); });")
    static native void onAction(JSObject container, String event, ActionHandler handler);

    /**
     * Pointer presses on a canvas, as fractions of its box (0..1 from the top left); {@code remove}
     * when a modifier key is held. Touch and pen work the same as a mouse.
     */
    @JSBody(
            params = {"canvas", "handler"},
            script = "canvas.addEventListener('pointerdown', function(e) {"
                    + "  var r = canvas.getBoundingClientRect(), w = canvas.clientWidth, h = canvas.clientHeight;"
                    + "  if (w <= 0 || h <= 0) return;"
                    + "  e.preventDefault();"
                    + "  handler((e.clientX - r.left - canvas.clientLeft) / w, (e.clientY - r.top - canvas.clientTop) / h,"
                    + "    e.shiftKey || e.altKey || e.ctrlKey || e.metaKey); });")
    static native void onCanvasPointer(JSObject canvas, PointerHandler handler);

    /** The canvas inside the element with this test id (dataset thumbnails). */
    @JSBody(
            params = "testId",
            script = "var e = document.querySelector('[data-testid=\"' + testId + '\"] canvas'); return e;")
    static native JSObject canvasIn(String testId);

    /** Colours the dot of point-class button k (style set from script: CSP allows no inline style). */
    @JSBody(
            params = {"group", "k", "colour"},
            script =
                    "var dot = group.querySelector('[data-arg=\"' + k + '\"] .dot'); if (dot) dot.style.background = colour;")
    static native void setDotColour(JSObject group, int k, String colour);

    @JSBody(script = "return Math.floor(Math.random() * 2147483647);")
    static native int randomSeed();

    @JSBody(params = "name", script = "var v = document.body.dataset[name]; return v === undefined ? '' : v;")
    static native String bodyData(String name);

    /**
     * HTTP with fetch: calls back with the status (0 when the network failed) and the body text. A
     * path from the site's root ({@code /api/...}) is taken under the page's public path prefix
     * ({@code data-root} on the body: {@code /playground} behind a proxy, else empty).
     */
    @JSBody(
            params = {"method", "url", "body", "handler"},
            script = "if (url.charAt(0) === '/') url = (document.body.dataset.root || '') + url;"
                    + "var init = {method: method, headers: {'Accept': 'application/json'}};"
                    + "if (body !== null) { init.body = body; init.headers['Content-Type'] = 'application/json'; }"
                    + "fetch(url, init).then(function(r) { return r.text().then(function(t) { handler(r.status, t); }); })"
                    + "  .catch(function(err) { handler(0, String(err)); });")
    static native void fetch(String method, String url, String body, ResponseHandler handler);

    /** A string field of a JSON object text, or null when absent or not a string. */
    @JSBody(
            params = {"json", "field"},
            script =
                    "try { var v = JSON.parse(json)[field]; return typeof v === 'string' ? v : null; } catch (e) { return null; }")
    static native String jsonString(String json, String field);

    /** The messages of a JSON error body: every problem's message, else its error text. */
    @JSBody(
            params = "json",
            script =
                    "try { var o = JSON.parse(json); if (o.problems && o.problems.length) return o.problems.map(function(p) {"
                            + " return p.message || (p.key + ': ' + p.allowed); }).join('\\n'); return o.error || json; } catch (e) { return json; }")
    static native String jsonErrors(String json);

    @JSBody(
            params = "testId",
            script =
                    "var d = document.querySelector('[data-testid=\"' + testId + '\"]'); if (d && !d.open) d.showModal();")
    static native void showModal(String testId);

    @JSBody(
            params = "testId",
            script = "var d = document.querySelector('[data-testid=\"' + testId + '\"]'); if (d && d.open) d.close();")
    static native void closeModal(String testId);

    @JSBody(
            params = "text",
            script = "if (navigator.clipboard) navigator.clipboard.writeText(text).catch(function() {});")
    static native void copyToClipboard(String text);

    @JSBody(
            params = "testId",
            script =
                    "var e = document.querySelector('[data-testid=\"' + testId + '\"]'); if (e) { e.focus(); if (e.select) e.select(); }")
    static native void focusAndSelect(String testId);

    /** Points a link at {@code href} and shows it, or hides it when href is null. */
    @JSBody(
            params = {"testId", "href"},
            script = "var a = document.querySelector('[data-testid=\"' + testId + '\"]'); if (!a) return;"
                    + "if (href !== null && href.charAt(0) === '/') href = (document.body.dataset.root || '') + href;"
                    + "if (href === null) { a.hidden = true; } else { a.href = href; a.hidden = false; }")
    static native void setLink(String testId, String href);

    /** On embeds without a saved id: the "open in the playground" link follows the spec. */
    @JSBody(
            params = "spec",
            script =
                    "var a = document.querySelector('[data-testid=\"open-in-playground\"]');"
                            + "if (a && a.dataset.follow === 'spec') a.href = (document.body.dataset.root || '') + '/#' + spec;")
    static native void setPlaygroundLink(String spec);

    @JSBody(
            params = {"width", "height"},
            script =
                    "var made = document.createElement('canvas'); made.width = width; made.height = height; return made;")
    static native JSObject createCanvas(int width, int height);

    @JSBody(
            params = {"canvas", "width", "height"},
            script = "canvas.width = width; canvas.height = height;")
    static native void resizeCanvas(JSObject canvas, int width, int height);

    @JSBody(
            params = {"context", "dash"},
            script = "context.setLineDash(dash > 0 ? [dash, dash] : []);")
    static native void setDash(CanvasRenderingContext2D context, double dash);

    @JSBody(
            params = {"context", "on"},
            script = "context.imageSmoothingEnabled = on;")
    static native void setSmoothing(CanvasRenderingContext2D context, boolean on);

    /** Strokes {@code count} segments (x0, y0, x1, y1 each) as one path in the current style: one call, one stroke. */
    static void strokeLines(CanvasRenderingContext2D context, double[] lines, int count) {
        // Only the segments used cross into JS: in the WASM build the copy goes number by number.
        double[] used = lines.length == 4 * count ? lines : java.util.Arrays.copyOf(lines, 4 * count);
        strokeSegments(context, Float64Array.copyFromJavaArray(used), count);
    }

    @JSBody(
            params = {"context", "lines", "count"},
            script = "context.beginPath(); for (var k = 0; k < 4 * count; k += 4) {"
                    + " context.moveTo(lines[k], lines[k + 1]); context.lineTo(lines[k + 2], lines[k + 3]); }"
                    + " context.stroke();")
    private static native void strokeSegments(CanvasRenderingContext2D context, Float64Array lines, int count);

    /** Draws the square {@code size} tile at x = {@code sx} of an atlas canvas into a {@code tile} square. */
    @JSBody(
            params = {"context", "atlas", "sx", "size", "x", "y", "tile"},
            script = "context.drawImage(atlas, sx, 0, size, size, x, y, tile, tile);")
    static native void drawTile(
            CanvasRenderingContext2D context, JSObject atlas, int sx, int size, double x, double y, double tile);

    /** Pointer movement over a canvas, as fractions of its content box. */
    @JSBody(
            params = {"canvas", "handler"},
            script =
                    "canvas.addEventListener('pointermove', function(e) {"
                            + "  var r = canvas.getBoundingClientRect(), w = canvas.clientWidth, h = canvas.clientHeight;"
                            + "  if (w > 0 && h > 0) handler((e.clientX - r.left - canvas.clientLeft) / w, (e.clientY - r.top - canvas.clientTop) / h); });")
    static native void onCanvasMove(JSObject canvas, MoveHandler handler);

    /** Positions the diagram's neuron elements from their data-left/top/size attributes (percent). */
    @JSBody(
            params = "container",
            script = "Array.prototype.forEach.call(container.children, function(button) { var place = button.dataset;"
                    + "  button.style.left = place.left + '%'; button.style.top = place.top + '%';"
                    + "  button.style.width = place.sizeX + '%'; button.style.height = place.sizeY + '%'; });")
    static native void placeNeurons(JSObject container);

    /** The diagram's readout line, with the exact numbers in data attributes for tests and tools. */
    @JSBody(
            params = {"text", "weight", "gradient"},
            script = "var e = document.querySelector('[data-testid=\"network-readout\"]'); if (!e) return;"
                    + "e.textContent = text; e.dataset.weight = weight; e.dataset.gradient = gradient;")
    static native void setReadout(String text, String weight, String gradient);

    @org.teavm.jso.JSFunctor
    interface MoveHandler extends JSObject {
        void handle(double fx, double fy);
    }

    @org.teavm.jso.JSFunctor
    interface ResponseHandler extends JSObject {
        void handle(int status, String body);
    }

    @org.teavm.jso.JSFunctor
    interface ActionHandler extends JSObject {
        void handle(String action, String arg, String value);
    }

    @org.teavm.jso.JSFunctor
    interface PointerHandler extends JSObject {
        void handle(double fx, double fy, boolean remove);
    }
}
