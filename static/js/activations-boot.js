// The activation lab's loader, like boot.js: WebAssembly GC when the browser has it, else
// JavaScript, or the one named by ?runtime=wasm|js; then start(runtime).
const params = new URLSearchParams(location.search);
const requested = params.get("runtime");

// The smallest module that uses a GC type: a type section holding one struct with an i32 field.
function hasWasmGc() {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      0x01, 0x05, 0x01, 0x5f, 0x01, 0x7f, 0x00]));
  } catch (e) {
    return false;
  }
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error("could not load " + src));
    document.head.appendChild(script);
  });
}

async function startWasm() {
  await loadScript("/client/activations-wasm-gc/activations.wasm-runtime.js");
  const teavm = await window.TeaVM.wasmGC.load("/client/activations-wasm-gc/activations.wasm");
  return teavm.exports;
}

async function startJs() {
  return await import("/client/activations-js/activations.js");
}

function showFailure(message) {
  const status = document.querySelector('[data-testid="status"]');
  if (status) {
    status.textContent = message;
    status.hidden = false;
  }
}

async function boot() {
  let runtime = requested === "js" || requested === "wasm" ? requested : (hasWasmGc() ? "wasm" : "js");
  if (runtime === "wasm" && !hasWasmGc()) {
    showFailure("This browser cannot run WebAssembly GC; using the JavaScript build.");
    runtime = "js";
  }
  let client;
  try {
    client = runtime === "wasm" ? await startWasm() : await startJs();
  } catch (e) {
    if (runtime === "wasm") {
      console.warn("The WebAssembly build could not start (" + e + "); using the JavaScript build.");
      runtime = "js";
      client = await startJs();
    } else {
      showFailure("The activation lab could not start: " + e.message);
      return;
    }
  }
  window.backpropActivations = client;
  client.start(runtime);
  document.documentElement.dataset.ready = "true";
}

boot();
