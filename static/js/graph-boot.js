// The backprop explorer's loader: the runtime is chosen as for the playground (runtime.js), with
// the explorer's own build; then start(runtime).
import { asset, loadClient, showFailure } from "./runtime.js";
import { bindPageShare, pageAddress } from "./share-page.js";

const GRAPH = {
  wasmRuntime: asset("client/graph-wasm-gc/graph.wasm-runtime.js"),
  wasm: asset("client/graph-wasm-gc/graph.wasm"),
  js: asset("client/graph-js/graph.js"),
};

async function boot() {
  const loaded = await loadClient(new URLSearchParams(location.search).get("runtime"), showFailure, GRAPH);
  if (!loaded) {
    return;
  }
  const { runtime, client } = loaded;
  window.backpropGraph = client;
  client.start(runtime);
  document.documentElement.dataset.ready = "true";
  bindPageShare(() => pageAddress());
}

boot();
