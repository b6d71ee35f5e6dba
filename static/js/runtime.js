// Chooses and loads a build of a TeaVM client: WebAssembly GC when the browser has it, else
// JavaScript, or the one named by ?runtime=wasm|js. Used by boot.js (the playground),
// bench-boot.js (/bench), graph-boot.js (/graph) and activations-boot.js (/activations), the
// last two with their own builds.

// An address of ours, relative to this script's own (…/static/js/runtime.js): it follows the
// public path prefix (/playground behind a proxy), and it is absolute, so a sandboxed frame (origin
// "null") fetches it from our origin with CORS.
export function asset(path) {
  return new URL("../../" + path, import.meta.url).href;
}

// Where a build's two forms are served.
export const CLIENT = {
  wasmRuntime: asset("client/wasm-gc/client.wasm-runtime.js"),
  wasm: asset("client/wasm-gc/client.wasm"),
  js: asset("client/js/client.js"),
};

// The smallest module that uses a GC type: a type section holding one struct with an i32 field.
export function hasWasmGc() {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array([
      0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
      0x01, 0x05, 0x01, 0x5f, 0x01, 0x7f, 0x00]));
  } catch (e) {
    return false;
  }
}

// Shows why a page cannot start, in its data-testid="status" element.
export function showFailure(message) {
  const status = document.querySelector('[data-testid="status"]');
  if (status) {
    status.textContent = message;
    status.hidden = false;
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

async function startWasm(build) {
  await loadScript(build.wasmRuntime);
  const teavm = await window.TeaVM.wasmGC.load(build.wasm);
  return teavm.exports;
}

async function startJs(build) {
  return await import(build.js);
}

// Resolves to {runtime, client} (the build's exports), or to null after telling showFailure why
// nothing could start. requested: "wasm", "js", or anything else for the best available.
export async function loadClient(requested, showFailure, build = CLIENT) {
  let runtime = requested === "js" || requested === "wasm" ? requested : (hasWasmGc() ? "wasm" : "js");
  if (runtime === "wasm" && !hasWasmGc()) {
    showFailure("This browser cannot run WebAssembly GC; using the JavaScript build.");
    runtime = "js";
  }
  try {
    return { runtime, client: runtime === "wasm" ? await startWasm(build) : await startJs(build) };
  } catch (e) {
    if (runtime === "wasm") {
      console.warn("The WebAssembly build could not start (" + e + "); using the JavaScript build.");
      try {
        return { runtime: "js", client: await startJs(build) };
      } catch (e2) {
        showFailure("The page could not start: " + e2.message);
        return null;
      }
    }
    showFailure("The page could not start: " + e.message);
    return null;
  }
}
