// Picks the runtime (WebAssembly GC when the browser has it, else JavaScript, or the one
// named by ?runtime=wasm|js: see runtime.js), loads that build of the client and starts it.
import { loadClient, showFailure } from "./runtime.js";

const params = new URLSearchParams(location.search);
const requested = params.get("runtime");

async function boot() {
  const loaded = await loadClient(requested, showFailure);
  if (!loaded) {
    return;
  }
  const { runtime, client } = loaded;
  window.backprop = client;
  client.start(runtime);
  document.documentElement.dataset.ready = "true";
}

boot();
