// The activation lab's loader: the runtime is chosen as for the playground (runtime.js), with the
// lab's own build; then start(runtime).
import { asset, loadClient, showFailure } from "./runtime.js";
import { bindPageShare, pageAddress } from "./share-page.js";

const ACTIVATIONS = {
  wasmRuntime: asset("client/activations-wasm-gc/activations.wasm-runtime.js"),
  wasm: asset("client/activations-wasm-gc/activations.wasm"),
  js: asset("client/activations-js/activations.js"),
};

// The lab's address with the race's spec as the fragment: the race as it stands in the form.
function raceAddress() {
  const field = document.querySelector('[data-testid="race-spec"]');
  let spec = field ? field.value.trim() : "";
  const hash = spec.indexOf("#");
  if (hash >= 0) {
    spec = spec.slice(hash + 1);
  }
  return pageAddress() + (spec ? "#" + spec : "");
}

async function boot() {
  const loaded = await loadClient(new URLSearchParams(location.search).get("runtime"), showFailure, ACTIVATIONS);
  if (!loaded) {
    return;
  }
  const { runtime, client } = loaded;
  window.backpropActivations = client;
  client.start(runtime);
  document.documentElement.dataset.ready = "true";
  bindPageShare(() => raceAddress());
}

boot();
