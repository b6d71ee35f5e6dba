package backprop.client;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The raw browser calls every page's client shares (the playground's {@code Browser}, the
 * explorer's {@code GraphDom}, the lab's {@code LabDom} extend it), each a one-line
 * {@code @JSBody}. Element calls do nothing on a missing element.
 */
public class Dom {
    protected Dom() {}

    @JSBody(params = "testId", script = "return document.querySelector('[data-testid=\"' + testId + '\"]');")
    public static native JSObject byTestId(String testId);

    @JSBody(params = "name", script = "return new URLSearchParams(location.search).get(name);")
    public static native String queryParam(String name);

    @JSBody(script = "return location.hash.length > 1 ? decodeURIComponent(location.hash.substring(1)) : '';")
    public static native String fragment();

    @JSBody(script = "return performance.now();")
    public static native double now();

    @JSBody(
            params = {"element", "text"},
            script = "if (element && element.textContent !== text) element.textContent = text;")
    public static native void setText(JSObject element, String text);

    /** Sets the markup; its links from the site's root follow the page's public path prefix ({@code data-root}). */
    @JSBody(
            params = {"element", "html"},
            script = "if (!element) return; element.innerHTML = html;"
                    + "var root = document.body.dataset.root || ''; if (root) element.querySelectorAll('a[href^=\"/\"]')"
                    + ".forEach(function(a) { a.setAttribute('href', root + a.getAttribute('href')); });")
    public static native void setHtml(JSObject element, String html);

    @JSBody(
            params = {"element", "hidden"},
            script = "if (element) element.hidden = hidden;")
    public static native void setHidden(JSObject element, boolean hidden);

    @JSBody(
            params = {"element", "disabled"},
            script = "if (element) element.disabled = disabled;")
    public static native void setDisabled(JSObject element, boolean disabled);

    @JSBody(params = "element", script = "return element ? String(element.value) : '';")
    public static native String value(JSObject element);

    @JSBody(
            params = {"element", "value"},
            script = "if (element && element.value !== value) element.value = value;")
    public static native void setValue(JSObject element, String value);

    @JSBody(params = "element", script = "return !!(element && element.checked);")
    public static native boolean checked(JSObject element);

    @JSBody(
            params = {"element", "checked"},
            script = "if (element) element.checked = checked;")
    public static native void setChecked(JSObject element, boolean checked);

    /**
     * Sets the attribute, or removes it when {@code value} is null. An {@code href} from the site's
     * root ({@code /#...}) is taken under the page's public path prefix ({@code data-root}).
     */
    @JSBody(
            params = {"element", "name", "value"},
            script = "if (!element) return; if (value === null) { element.removeAttribute(name); return; }"
                    + "if (name === 'href' && value.charAt(0) === '/') value = (document.body.dataset.root || '') + value;"
                    + "element.setAttribute(name, value);")
    public static native void setAttribute(JSObject element, String name, String value);

    @JSBody(
            params = {"element", "event", "handler"},
            script = "if (element) element.addEventListener(event, function() { handler(); });")
    public static native void on(JSObject element, String event, Callback handler);

    @JSBody(
            params = {"event", "handler"},
            script = "window.addEventListener(event, function() { handler(); });")
    public static native void onWindow(String event, Callback handler);

    @JSFunctor
    public interface Callback extends JSObject {
        void call();
    }

    /** An address from the site's root under the page's public path prefix ({@code data-root}, empty at the root). */
    @JSBody(params = "path", script = "return (document.body.dataset.root || '') + path;")
    public static native String rooted(String path);

    /**
     * The address of a script or client build ({@code /static/js/…}, {@code /client/…}) beside the
     * page's own module script: under its fingerprinted prefix ({@code /a/<hash>}) when it has one,
     * so a worker and its build are cached as long as the page's scripts are; else from the root.
     */
    @JSBody(
            params = "path",
            script = "var s = document.querySelector('script[type=\"module\"][src*=\"/static/js/\"]');"
                    + "var at = s ? s.src.indexOf('/static/js/') : -1;"
                    + "return (at >= 0 ? s.src.substring(0, at) : (document.body.dataset.root || '')) + path;")
    public static native String asset(String path);
}
