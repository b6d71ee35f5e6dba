package backprop.client;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/** The raw browser calls for files: downloads, a file picker's or a drop's bytes, UTF-8 text. */
final class FileDom extends Dom {
    private FileDom() {}

    /** A file's name, its size in bytes, and its bytes (null when it is larger than the limit asked for). */
    @JSFunctor
    interface FileHandler extends JSObject {
        void read(String name, double size, Int8Array bytes);
    }

    /** Offers {@code text} as a download named {@code fileName} (UTF-8). */
    @JSBody(
            params = {"fileName", "type", "text"},
            script = "var url = URL.createObjectURL(new Blob([text], {type: type}));"
                    + "var a = document.createElement('a'); a.href = url; a.download = fileName; a.hidden = true;"
                    + "document.body.appendChild(a); a.click(); a.remove();"
                    + "setTimeout(function() { URL.revokeObjectURL(url); }, 10000);")
    static native void download(String fileName, String type, String text);

    /** The first file picked in a file input, each time one is picked (the input is then cleared). */
    @JSBody(
            params = {"input", "maxBytes", "handler"},
            script = "if (!input) return; input.addEventListener('change', function() {"
                    + "  var f = input.files && input.files[0]; if (!f) return; input.value = '';"
                    + "  if (f.size > maxBytes) { handler(f.name, f.size, null); return; }"
                    + "  f.arrayBuffer().then(function(buffer) { handler(f.name, f.size, new Int8Array(buffer)); });"
                    + "});")
    static native void onFilePicked(JSObject input, int maxBytes, FileHandler handler);

    /**
     * Files dropped on {@code zone}: the first one's bytes; while a file is dragged over it the
     * zone has the class {@code drop-target}.
     */
    @JSBody(
            params = {"zone", "maxBytes", "handler"},
            script = "if (!zone) return;"
                    + "var has = function(e) { return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0; };"
                    + "zone.addEventListener('dragover', function(e) { if (!has(e)) return; e.preventDefault();"
                    + "  e.dataTransfer.dropEffect = 'copy'; zone.classList.add('drop-target'); });"
                    + "zone.addEventListener('dragleave', function(e) { if (!zone.contains(e.relatedTarget)) zone.classList.remove('drop-target'); });"
                    + "zone.addEventListener('drop', function(e) { if (!has(e)) return; e.preventDefault();"
                    + "  zone.classList.remove('drop-target');"
                    + "  var f = e.dataTransfer.files[0]; if (!f) return;"
                    + "  if (f.size > maxBytes) { handler(f.name, f.size, null); return; }"
                    + "  f.arrayBuffer().then(function(buffer) { handler(f.name, f.size, new Int8Array(buffer)); });"
                    + "});")
    static native void onFileDropped(JSObject zone, int maxBytes, FileHandler handler);

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
    @JSBody(
            params = "bytes",
            script = "try { return new TextDecoder('utf-8', {fatal: true}).decode(bytes); } catch (e) { return null; }")
    static native String utf8(Int8Array bytes);

    @JSBody(params = "element", script = "return element ? element.textContent.trim() : '';")
    static native String text(org.teavm.jso.JSObject element);

    /** Shows the list's items (or hides it when there are none). */
    @JSBody(
            params = {"list", "items"},
            script = "if (!list) return; list.replaceChildren(); items.split('\\n').forEach(function(t) {"
                    + "  if (!t) return; var li = document.createElement('li'); li.textContent = t; list.appendChild(li); });"
                    + "list.hidden = !list.firstChild;")
    static native void showList(JSObject list, String items);
}
