package backprop.client;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Starts {@code static/js/train-worker.js} with a worker build in the page's runtime: {@code
 * worker} ({@link TrainingWorker}) for the playground's {@link WorkerLoop}, {@code race-worker}
 * ({@code client.activations.RaceWorker}) for the activation lab's races.
 */
public final class TrainingWorkers {
    private TrainingWorkers() {}

    /**
     * A worker loading the build {@code build} ("worker" or "race-worker") in {@code runtime}
     * ("wasm" or "js"); it posts {@code {kind: "ready"}} or {@code {kind: "failed"}} when loaded.
     * Null where no worker starts.
     */
    public static JSObject start(String runtime, String build) {
        JSObject worker = newWorker(Dom.asset("/static/js/train-worker.js"));
        if (worker != null) {
            postInit(
                    worker,
                    runtime,
                    Dom.asset("/client/wasm-gc/client.wasm-runtime.js"),
                    Dom.asset("/client/wasm-gc/" + build + ".wasm"),
                    Dom.asset("/client/js/" + build + ".js"));
        }
        return worker;
    }

    /** Posts {@code {kind}}, a message without data ("pause", "raceStop"). */
    @JSBody(
            params = {"worker", "kind"},
            script = "worker.postMessage({kind: kind});")
    public static native void postKind(JSObject worker, String kind);

    /**
     * A worker running the script at {@code url}, or null where none starts. A page of another
     * origin than the script's (a sandboxed embed's origin is opaque) may not start it by its
     * address; there a worker made from a one-line blob that imports the script (classic scripts
     * load across origins) starts instead, allowed by the pages' {@code worker-src blob:}.
     */
    @JSBody(
            params = "url",
            script = "try { return new Worker(url); } catch (e) {}"
                    + " try { var blob = new Blob(['importScripts(' + JSON.stringify(url) + ');'],"
                    + " {type: 'text/javascript'}); return new Worker(URL.createObjectURL(blob)); }"
                    + " catch (e) { return null; }")
    private static native JSObject newWorker(String url);

    @JSBody(
            params = {"worker", "runtime", "wasmRuntime", "wasm", "js"},
            script =
                    "worker.postMessage({kind: 'init', runtime: runtime, wasmRuntime: wasmRuntime, wasm: wasm, js: js});")
    private static native void postInit(JSObject worker, String runtime, String wasmRuntime, String wasm, String js);
}
