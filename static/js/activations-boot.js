// The activation lab's loader: the runtime is chosen as for the playground (runtime.js), with the
// lab's own build; then start(runtime).
import { asset, loadClient, showFailure } from "./runtime.js";

const ACTIVATIONS = {
  wasmRuntime: asset("client/activations-wasm-gc/activations.wasm-runtime.js"),
  wasm: asset("client/activations-wasm-gc/activations.wasm"),
  js: asset("client/activations-js/activations.js"),
};

async function boot() {
  const loaded = await loadClient(new URLSearchParams(location.search).get("runtime"), showFailure, ACTIVATIONS);
  if (!loaded) {
    return;
  }
  const { runtime, client } = loaded;
  window.backpropActivations = client;
  client.start(runtime);
  document.documentElement.dataset.ready = "true";
}

boot();
