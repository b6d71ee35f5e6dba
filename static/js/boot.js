// Picks the runtime (WebAssembly GC when the browser has it, else JavaScript, or the one
// named by ?runtime=wasm|js: see runtime.js), loads that build of the client and starts it.
import { loadClient } from "./runtime.js";

const params = new URLSearchParams(location.search);
const requested = params.get("runtime");

function showFailure(message) {
  const status = document.querySelector('[data-testid="status"]');
  if (status) {
    status.textContent = message;
    status.hidden = false;
  }
}

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
