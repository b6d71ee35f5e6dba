// Picks the runtime (WebAssembly GC when the browser has it, else JavaScript, or the one
// named by ?runtime=wasm|js: see runtime.js), loads that build of the client and starts it.
// In an embed, embed-frame.js first takes a WordPress "#?secret=" out of the fragment, then
// reports the page's height to the host.
import { loadClient, showFailure } from "./runtime.js";
import { startEmbedFrame, takeSecret } from "./embed-frame.js";

const params = new URLSearchParams(location.search);
const requested = params.get("runtime");
const embed = document.body.classList.contains("embed");
const secret = embed ? takeSecret() : null;

async function boot() {
  const loaded = await loadClient(requested, showFailure);
  if (!loaded) {
    return;
  }
  const { runtime, client } = loaded;
  window.backprop = client;
  client.start(runtime);
  document.documentElement.dataset.ready = "true";
  if (embed) {
    startEmbedFrame(secret);
  }
}

boot();
