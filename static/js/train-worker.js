// The playground's training worker (WorkerLoop starts it): loads the worker build of the client
// in the page's runtime, trains while the page plays, and posts the run's state after each slice
// of training, so the page draws from the latest weights and pauses on the exact state.
// Messages in: {kind: "init", runtime, wasmRuntime, wasm, js}, {kind: "play", generation, spec,
// bytes, points (imported points as CSV, or null), stopAt, goal: {metric, atLeast, threshold,
// byEpoch}} (metric "" off a challenge's page), {kind: "retune", spec}, {kind: "stopAt", epoch},
// {kind: "pause"}.
// Messages out: {kind: "ready"}, {kind: "failed", message}, {kind: "state", generation, status,
// epoch, iteration, position, params, optimizer, running, readout, goal} with status 0 playing,
// 1 stopped at its epoch, 2 diverged, 3 paused by the page; the arrays are Float64Arrays (the
// run's whole state, no byte encoding), readout the encoded RunReadout or null when none was due
// (always there when the worker stops), and goal "" or "epoch value fingerprint": the first epoch
// boundary of this play that met the goal.
// The activation lab's races (RaceDriver starts this script with the race-worker build): in {kind: "race", generation, spec,
// activations (comma-separated), target, epochs, offUnits, seeds}, {kind: "raceStop"}; out {kind:
// "raceReport", generation, status (0 racing, 1 finished, 3 stopped by the page), numbers (a
// Float64Array, RaceReport's layout), fingerprints}, at most every RACE_POST_MS and always at the end.
const SLICE_MS = 8;
// The page mirrors at most one state per frame; a state every other frame keeps its drawing fresh.
const POST_EVERY_MS = 30;
// The lab redraws its charts at most every 250 ms; a report every 100 ms keeps them current.
const RACE_POST_MS = 100;
let api = null;
let racing = false;
let raceGeneration = 0;
let lastRacePost = 0;
let playing = false;
let generation = 0;
let stopAt = -1;
let lastPost = 0;
// A zero-delay turn of the event loop between slices, so messages from the page are read.
const turn = new MessageChannel();
let turnPending = false;
turn.port1.onmessage = () => {
  turnPending = false;
  if (racing) {
    raceSlice();
  } else {
    slice();
  }
};

// The next slice in a turn of its own; one turn at a time, however often play and race are asked.
function schedule() {
  if (!turnPending) {
    turnPending = true;
    turn.port2.postMessage(null);
  }
}

function postRace(status) {
  const numbers = api.raceNumbers();
  lastRacePost = performance.now();
  self.postMessage({
    kind: "raceReport",
    generation: raceGeneration,
    status,
    numbers,
    fingerprints: api.raceFingerprints(),
  });
}

function raceSlice() {
  if (!racing) {
    return;
  }
  if (api.raceAdvance(SLICE_MS)) {
    racing = false;
    postRace(1);
    return;
  }
  if (performance.now() - lastRacePost >= RACE_POST_MS) {
    postRace(0);
  }
  schedule();
}

function post(status) {
  const params = api.params();
  const optimizer = api.optimizerState();
  const running = api.runningStatistics();
  // null, or undefined from some runtimes, when none was due.
  const readout = api.readout(status !== 0) || null;
  lastPost = performance.now();
  const goal = api.goalReport();
  // Copied, not transferred: in the JS build an exported array may share the Java array's buffer.
  self.postMessage({
    kind: "state",
    generation,
    status,
    epoch: api.epoch(),
    iteration: api.iteration(),
    position: api.position(),
    params,
    optimizer,
    running,
    readout,
    goal,
  });
}

function slice() {
  if (!playing) {
    return;
  }
  const status = api.train(SLICE_MS, stopAt);
  if (status !== 0) {
    playing = false;
    post(status);
    return;
  }
  if (performance.now() - lastPost >= POST_EVERY_MS) {
    post(0);
  }
  schedule();
}

async function load(m) {
  if (m.runtime === "wasm") {
    importScripts(m.wasmRuntime);
    return (await self.TeaVM.wasmGC.load(m.wasm)).exports;
  }
  return await import(m.js);
}

self.onmessage = async (e) => {
  const m = e.data;
  if (m.kind === "init") {
    try {
      api = await load(m);
      self.postMessage({ kind: "ready" });
    } catch (err) {
      self.postMessage({ kind: "failed", message: String(err) });
    }
  } else if (m.kind === "play") {
    generation = m.generation;
    const g = m.goal || { metric: "", atLeast: false, threshold: 0, byEpoch: 0 };
    const points = m.points === undefined ? null : m.points;
    api.load(m.spec, m.bytes, points, g.metric, g.atLeast, g.threshold, g.byEpoch);
    stopAt = m.stopAt;
    playing = true;
    lastPost = performance.now();
    schedule();
  } else if (m.kind === "race") {
    raceGeneration = m.generation;
    try {
      api.raceStart(m.spec, m.activations, m.target, m.epochs, m.offUnits, m.seeds);
    } catch (err) {
      self.postMessage({ kind: "failed", message: String(err) });
      return;
    }
    racing = true;
    // At once: the page's mirror shows every run's epoch 0 from this first report.
    postRace(0);
    schedule();
  } else if (m.kind === "raceStop") {
    if (api !== null && racing) {
      racing = false;
      postRace(3);
    }
  } else if (m.kind === "retune") {
    api.retune(m.spec);
  } else if (m.kind === "stopAt") {
    stopAt = m.epoch;
  } else if (m.kind === "pause") {
    if (api !== null && playing) {
      playing = false;
      post(3);
    }
  }
};
