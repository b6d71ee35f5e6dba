// /bench: loads the client in the chosen runtime (see runtime.js) and runs the benchmark
// workloads through its runBenchmark export. ?workload=seed|playground runs one on load;
// ?size=quick runs a short smoke version whose figures mean nothing. ?network=32:maxout,32:maxout
// (a layers value, or spec keys such as layers=16:relu&n=2000, URL-encoded) trains another network
// in the playground workload, as `bench playground <network>` does on the JVM.
import { loadClient } from "./runtime.js";

const WORKLOADS = ["seed", "playground"];
const SIZES = ["full", "quick"];
const params = new URLSearchParams(location.search);
const byTestId = (id) => document.querySelector('[data-testid="' + id + '"]');

function showStatus(message) {
  const status = byTestId("bench-status");
  status.textContent = message;
  status.hidden = false;
}

// Lets the browser paint the "running" text before the benchmark holds the main thread.
function nextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function run(client, workload, size) {
  const buttons = document.querySelectorAll("[data-workload]");
  buttons.forEach((b) => { b.disabled = true; });
  byTestId("bench-result").textContent = "";
  showStatus("Running " + workload + (size === "quick" ? " (quick)" : "") + "… the page does not respond until it ends.");
  await nextPaint();
  try {
    const network = params.get("network");
    byTestId("bench-result").textContent = network === null
      ? client.runBenchmark(workload, size)
      : client.runNetworkBenchmark(workload, size, network);
    byTestId("bench-status").hidden = true;
  } catch (e) {
    showStatus("The " + workload + " benchmark failed: " + e);
  }
  buttons.forEach((b) => { b.disabled = false; });
}

async function boot() {
  const workload = params.get("workload");
  const size = params.get("size") === null ? "full" : params.get("size");
  if (!SIZES.includes(size)) {
    showStatus("size: \"" + size + "\" is not allowed; allowed: " + SIZES.join(", "));
    return;
  }
  if (workload !== null && !WORKLOADS.includes(workload)) {
    showStatus("workload: \"" + workload + "\" is not allowed; allowed: " + WORKLOADS.join(", "));
    return;
  }
  const loaded = await loadClient(params.get("runtime"), showStatus);
  if (!loaded) {
    return;
  }
  byTestId("runtime").textContent = loaded.runtime;
  document.querySelectorAll("[data-workload]").forEach((button) => {
    button.disabled = false;
    button.addEventListener("click", () => run(loaded.client, button.dataset.workload, size));
  });
  document.documentElement.dataset.ready = "true";
  if (workload !== null) {
    await run(loaded.client, workload, size);
  }
}

boot();
