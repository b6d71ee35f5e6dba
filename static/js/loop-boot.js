// The numpy-loop stepper's loader (/graph/loop): the explorer's build, started with startLoop(runtime).

import { asset, loadClient, showFailure } from "./runtime.js";

const LOOP = {
  wasmRuntime: asset("client/graph-wasm-gc/graph.wasm-runtime.js"),
  wasm: asset("client/graph-wasm-gc/graph.wasm"),
  js: asset("client/graph-js/graph.js"),
};

async function boot() {
  const loaded = await loadClient(new URLSearchParams(location.search).get("runtime"), showFailure, LOOP);
  if (!loaded) {
    return;
  }
  const { runtime, client } = loaded;
  window.backpropLoop = client;
  client.startLoop(runtime);
  document.documentElement.dataset.ready = "true";
}

boot();
