package backprop.client;

import backprop.ui.playground.FrameLoop;
import backprop.ui.text.Numbers;
import backprop.ui.raster.OutputView;
import backprop.ui.raster.Thumbnail;
import backprop.engine.data.DataSplit;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecProblem;
import backprop.engine.train.LossHistory;
import backprop.engine.train.Metrics;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import java.util.Base64;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The playground page's controller: the one place that changes the run. It binds the
 * server-rendered controls, keeps the address bar equal to the canonical spec, runs the
 * {@link FrameLoop} on animation frames and draws. The same class is compiled to WebAssembly
 * GC and to JavaScript; {@code static/js/boot.js} picks one and calls {@link #start(String)}.
 */
public final class Client implements Controls.Editor, ShareDialog.Source {
    private static Client page;

    private final String runtime;
    private final boolean showStats;
    private final FrameLoop loop;
    private final CanvasRenderingContext2D outputContext;
    private final CanvasRenderingContext2D pointsContext;
    private final int outputSize;
    private final NetworkDiagram diagram;
    private final LossChart lossChart;
    /** Train and test loss at the epochs the page saw, decimated to at most 1,000 points. */
    private final LossHistory history = new LossHistory();
    private Trainer historyOf;
    private int historyEpoch = -1;
    private final Controls controls;
    private OutputView output;
    private Spec spec;
    private String canonicalSpec;
    /** True once lr or lambda changed mid-run: the fragment alone no longer reproduces the run. */
    private boolean tunedMidRun;
    private boolean dirty = true;
    private EmbedBridge bridge;
    private Metrics lastMetrics;
    /** The saved state a saved experiment opened with: Reset goes back to it. */
    private Snapshot loadedSnapshot;

    private Client(String runtime, Spec spec) {
        this.runtime = runtime;
        this.showStats = "1".equals(Browser.queryParam("stats"));
        this.spec = spec;
        this.canonicalSpec = SpecCodec.print(spec);
        Trainer trainer = new Trainer(spec);
        this.loop = new FrameLoop(trainer, Browser::now);
        this.outputContext = Browser.context2d(Browser.byTestId("output"));
        JSObject pointsCanvas = Browser.byTestId("output-points");
        this.pointsContext = Browser.context2d(pointsCanvas);
        this.outputSize = ((org.teavm.jso.dom.html.HTMLCanvasElement) pointsCanvas).getWidth();
        this.output = new OutputView(outputSize, trainer.outputs());
        this.diagram = new NetworkDiagram(Browser.byTestId("network"), Browser.byTestId("network-neurons"));
        this.lossChart = new LossChart(Browser.byTestId("loss-chart"));
        this.controls = new Controls(this);
    }

    public static void main(String[] args) {
        // Started from boot.js through start(runtime), so the page can say which runtime runs.
    }

    /** Entry point called by boot.js with "wasm" or "js". */
    @JSExport
    public static void start(String runtime) {
        String experimentId = Browser.bodyData("experimentId");
        String savedSpec = Browser.bodyData("spec");
        String fragment = Browser.fragment();
        // On /e/{id} the saved spec shows unless the address bar names a different one.
        ParseResult parsed = SpecCodec.parse(!experimentId.isEmpty() && fragment.isEmpty() ? savedSpec : fragment);
        page = new Client(runtime, parsed.spec());
        page.showProblems(parsed.problems());
        Browser.replaceFragment(page.canonicalSpec);
        Browser.setPlaygroundLink(page.canonicalSpec);
        page.bind();
        page.bridge = new EmbedBridge(page.embedCommands());
        if (!experimentId.isEmpty() && page.canonicalSpec.equals(savedSpec)) {
            page.loadSavedState(experimentId);
        } else {
            page.trainOnLoadIfAsked();
            page.bridge.ready(page.canonicalSpec, runtime, experimentId);
        }
        page.render();
        page.requestFrame();
    }

    private void trainOnLoadIfAsked() {
        String epochs = Browser.queryParam("epochs");
        if (epochs != null) {
            trainOnLoadUntil(epochs);
        } else if ("1".equals(Browser.queryParam("autoplay"))) {
            loop.play();
        }
    }

    private EmbedBridge.Commands embedCommands() {
        return new EmbedBridge.Commands() {
            @Override
            public void play() {
                loop.stopAtEpoch(-1);
                loop.play();
                dirty = true;
            }

            @Override
            public void pause() {
                loop.pause();
                dirty = true;
            }

            @Override
            public void reset() {
                Client.this.reset();
            }

            @Override
            public String load(String text) {
                ParseResult parsed = SpecCodec.parse(text);
                if (!parsed.problems().isEmpty()) {
                    StringBuilder message = new StringBuilder();
                    for (SpecProblem problem : parsed.problems()) {
                        message.append(message.length() == 0 ? "" : "; ").append(problem.message());
                    }
                    return message.toString();
                }
                showProblems(List.of());
                Client.this.load(parsed.spec(), true);
                return null;
            }
        };
    }

    /** Fetches a saved experiment's trained state and continues from it (then honours ?epochs=). */
    private void loadSavedState(String experimentId) {
        Browser.fetch("GET", "/api/experiments/" + experimentId, null, (status, text) -> {
            String encoded = status == 200 ? Browser.jsonString(text, "snapshot") : null;
            if (status != 200) {
                showMessages(List.of("The saved state could not be loaded (" + Browser.jsonErrors(text)
                        + "); showing the experiment from its start."));
            } else if (encoded != null && SpecCodec.print(spec).equals(Browser.jsonString(text, "spec"))) {
                try {
                    Snapshot snapshot = Snapshot.fromBytes(Base64.getDecoder().decode(encoded));
                    loop.replace(Trainer.resume(spec, snapshot));
                    loadedSnapshot = snapshot;
                } catch (RuntimeException e) {
                    showMessages(List.of("The saved state is unreadable (" + e.getMessage() + "); showing the experiment from its start."));
                }
            }
            Browser.setAttribute(Browser.byTestId("output"), "data-state-loaded", "true");
            trainOnLoadIfAsked();
            bridge.ready(canonicalSpec, runtime, experimentId);
            dirty = true;
        });
    }

    /**
     * Runs one benchmark workload ("seed" or "playground") in this runtime, timed by
     * {@code performance.now()}, and returns its JSON line; size "quick" is a smoke run. For /bench.
     */
    @JSExport
    public static String runBenchmark(String workload, String size) {
        return backprop.engine.bench.Benchmarks.run(workload,
                "quick".equals(size) ? backprop.engine.bench.BenchSize.QUICK : backprop.engine.bench.BenchSize.FULL,
                Browser::now);
    }

    /** The engine's deterministic-math checksum in this runtime, for the parity tests. */
    @JSExport
    public static String mathChecksum() {
        return backprop.engine.math.MathProbe.checksum();
    }

    /**
     * Where a frame's time goes in this runtime: milliseconds per call of each drawing stage,
     * averaged over {@code calls}, as JSON (for ?stats=1 investigations and the benchmark notes).
     */
    @JSExport
    public static String profileFrame(int calls) {
        Trainer trainer = page.loop.trainer();
        OutputView view = page.output;
        double[] grid = new double[OutputView.GRID * OutputView.GRID * trainer.outputs()];
        double t0 = Browser.now();
        for (int i = 0; i < calls; i++) {
            trainer.predictGrid(OutputView.GRID, OutputView.GRID, grid);
        }
        double t1 = Browser.now();
        for (int i = 0; i < calls; i++) {
            view.paintRegions(trainer, false);
        }
        double t2 = Browser.now();
        for (int i = 0; i < calls; i++) {
            Browser.putPixels(page.outputContext, view.regions().pixels(), OutputView.GRID, OutputView.GRID);
        }
        double t3 = Browser.now();
        for (int i = 0; i < calls; i++) {
            trainer.evaluate();
        }
        double t4 = Browser.now();
        for (int i = 0; i < calls; i++) {
            trainer.fingerprint();
        }
        double t5 = Browser.now();
        for (int i = 0; i < calls; i++) {
            trainer.stepEpoch();
        }
        double t6 = Browser.now();
        return "{\"predictGridMs\":" + Numbers.fixed((t1 - t0) / calls, 3)
                + ",\"paintMs\":" + Numbers.fixed((t2 - t1) / calls, 3)
                + ",\"putPixelsMs\":" + Numbers.fixed((t3 - t2) / calls, 3)
                + ",\"evaluateMs\":" + Numbers.fixed((t4 - t3) / calls, 3)
                + ",\"fingerprintMs\":" + Numbers.fixed((t5 - t4) / calls, 3)
                + ",\"epochMs\":" + Numbers.fixed((t6 - t5) / calls, 3) + "}";
    }

    @Override
    public Spec current() {
        return spec;
    }

    @Override
    public DataSplit shownData() {
        return loop.trainer().data();
    }

    /** Applies a control's edit: a problem is shown and nothing changes; otherwise the run follows. */
    @Override
    public void edit(Controls.Edit edit) {
        Spec next;
        try {
            next = edit.apply(spec);
        } catch (SpecException e) {
            showProblems(e.problems());
            controls.show(spec);
            return;
        } catch (RuntimeException e) {
            showMessages(List.of(e.getMessage() == null ? "That change is not allowed." : e.getMessage()));
            controls.show(spec);
            return;
        }
        showProblems(List.of());
        if (next.equals(spec)) {
            controls.show(spec);
            return;
        }
        load(next, true);
    }

    /** Switches to {@code next}: retunes the running trainer when only lr or lambda changed, else restarts. */
    private void load(Spec next, boolean pushHistory) {
        boolean onlyTuning = sameExceptTuning(spec, next);
        if (onlyTuning) {
            loop.trainer().retune(next);
            tunedMidRun = tunedMidRun || loop.trainer().iteration() > 0;
        } else {
            Trainer trainer = new Trainer(next);
            loop.replace(trainer);
            output = new OutputView(outputSize, trainer.outputs());
            diagram.invalidate();
            tunedMidRun = false;
            loadedSnapshot = null;
        }
        boolean dataChanged = !onlyTuning && !sameData(spec, next);
        spec = next;
        canonicalSpec = SpecCodec.print(next);
        Browser.setPlaygroundLink(canonicalSpec);
        if (pushHistory) {
            Browser.pushFragment(canonicalSpec);
        } else {
            Browser.replaceFragment(canonicalSpec);
        }
        controls.show(spec);
        if (dataChanged) {
            drawThumbnails();
        }
        dirty = true;
    }

    private static boolean hasComposed(Spec spec) {
        for (backprop.engine.spec.LayerSpec layer : spec.layers()) {
            if (layer.composition() != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameExceptTuning(Spec a, Spec b) {
        return a.data() == b.data() && a.classes() == b.classes() && a.n() == b.n() && a.noise() == b.noise()
                && a.split() == b.split() && a.seed() == b.seed() && a.features().equals(b.features())
                && a.layers().equals(b.layers()) && a.loss() == b.loss() && a.opt() == b.opt()
                && a.batch() == b.batch() && a.reg() == b.reg() && a.init() == b.init() && a.points().equals(b.points());
    }

    private static boolean sameData(Spec a, Spec b) {
        return a.seed() == b.seed() && a.classes() == b.classes() && a.noise() == b.noise();
    }

    private void trainOnLoadUntil(String epochs) {
        int target;
        try {
            target = Integer.parseInt(epochs);
        } catch (NumberFormatException e) {
            target = -1;
        }
        if (target < 0 || target > 10_000_000) {
            showMessages(List.of("epochs: \"" + epochs + "\" is not allowed; allowed: an integer from 0 to 10000000"));
            return;
        }
        loop.stopAtEpoch(target);
        loop.play();
    }

    private void bind() {
        Browser.setText("runtime", runtime);
        Browser.setHidden(Browser.byTestId("stats"), !showStats);
        Browser.onTestId("play", "click", () -> {
            if (loop.playing()) {
                loop.pause();
            } else {
                loop.stopAtEpoch(-1);
                loop.play();
            }
            dirty = true;
        });
        Browser.onTestId("step-epoch", "click", () -> {
            loop.stepEpoch();
            dirty = true;
        });
        Browser.onTestId("step-batch", "click", () -> {
            loop.stepBatch();
            dirty = true;
        });
        Browser.onTestId("reset", "click", this::reset);
        Browser.onTestId("speed", "change", () -> loop.setSpeed(FrameLoop.Speed.fromKey(Browser.value("speed"))));
        Browser.onTestId("show-test", "change", () -> dirty = true);
        Browser.onTestId("discretize", "change", () -> dirty = true);
        Browser.onWindow("hashchange", this::onFragmentChange);
        Browser.onWindow("popstate", this::onFragmentChange);
        Browser.onCanvasPointer(Browser.byTestId("output"), controls::pointerOnOutput);
        Browser.onCanvasMove(Browser.byTestId("output"), (fx, fy) -> diagram.pick(fx * 12 - 6, 6 - fy * 12));
        controls.bind();
        controls.show(spec);
        new ShareDialog(this).bind();
        drawThumbnails();
    }

    /** Same seed, so the same data and initial weights as at load: the same fingerprint. */
    private void reset() {
        loop.replace(loadedSnapshot != null ? Trainer.resume(spec, loadedSnapshot) : new Trainer(spec));
        tunedMidRun = false;
        dirty = true;
    }

    /** Back/forward or a hand-edited address bar: load the spec it names. */
    private void onFragmentChange() {
        String fragment = Browser.fragment();
        if (fragment.equals(canonicalSpec)) {
            return;
        }
        ParseResult parsed = SpecCodec.parse(fragment);
        showProblems(parsed.problems());
        load(parsed.spec(), false);
    }

    private void drawThumbnails() {
        for (DatasetKind kind : DatasetKind.values()) {
            JSObject canvas = Browser.canvasIn("dataset-" + kind.key());
            if (canvas != null) {
                int[] pixels = Thumbnail.draw(kind, spec, 64);
                Browser.putPixels(Browser.context2d(canvas), pixels, 64, 64);
            }
        }
    }

    private void showProblems(List<SpecProblem> problems) {
        JSObject list = Browser.byTestId("spec-errors");
        Browser.clear(list);
        for (SpecProblem problem : problems) {
            Browser.appendItem(list, problem.message());
        }
        Browser.setHidden(list, problems.isEmpty());
    }

    private void showMessages(List<String> messages) {
        JSObject list = Browser.byTestId("spec-errors");
        Browser.clear(list);
        for (String message : messages) {
            Browser.appendItem(list, message);
        }
        Browser.setHidden(list, messages.isEmpty());
    }

    private void requestFrame() {
        Window.requestAnimationFrame(timestamp -> {
            if (loop.frame()) {
                dirty = true;
            }
            if (dirty) {
                double drawStart = Browser.now();
                render();
                dirty = false;
                loop.reportDrawMs(Browser.now() - drawStart);
            }
            if (lastMetrics != null) {
                bridge.frame(Browser.now(), loop.playing(), loop.trainer().epoch(), lastMetrics.trainLoss(), lastMetrics.testLoss());
            }
            if (showStats) {
                Browser.setText("fps", Numbers.fixed(loop.framesPerSecond(), 1));
                Browser.setText("epochs-per-second", Numbers.fixed(loop.epochsPerSecond(), 0));
            }
            requestFrame();
        });
    }

    private void render() {
        Trainer trainer = loop.trainer();
        output.paintRegions(trainer, Browser.checked("discretize"));
        Browser.putPixels(outputContext, output.regions().pixels(), OutputView.GRID, OutputView.GRID);
        if (output.paintPoints(trainer, Browser.checked("show-test"))) {
            Browser.putPixels(pointsContext, output.points().pixels(), outputSize, outputSize);
        }
        diagram.draw(trainer, Browser.now(), !loop.playing());
        Metrics metrics = trainer.evaluate();
        lastMetrics = metrics;
        recordHistory(trainer, metrics);
        Browser.setText("epoch", Integer.toString(trainer.epoch()));
        Browser.setText("iteration", Integer.toString(trainer.iteration()));
        Browser.setText("train-loss", Numbers.fixed(metrics.trainLoss(), 4));
        Browser.setText("test-loss", Numbers.fixed(metrics.testLoss(), 4));
        boolean regression = spec.data().isRegression();
        Browser.setText("train-accuracy", regression ? "–" : Numbers.fixed(metrics.trainAccuracy(), 4));
        Browser.setText("test-accuracy", regression ? "–" : Numbers.fixed(metrics.testAccuracy(), 4));
        Browser.setText("regularization", Numbers.fixed(metrics.regularization(), 4));
        Browser.setText("fingerprint", trainer.fingerprint());
        Browser.setAttribute(Browser.byTestId("play"), "aria-pressed", loop.playing() ? "true" : "false");
        Browser.setText("play-label", loop.playing() ? "Pause" : "Play");
        JSObject status = Browser.byTestId("status");
        if (trainer.diverged()) {
            Browser.setText("status", "Training diverged at epoch " + trainer.epoch()
                    + ": the loss became NaN or infinite. Try a lower learning rate, then Reset."
                    + (hasComposed(spec) ? " A composed activation gives NaN too where it is undefined"
                    + " (e.g. \u221ax for x < 0): the activation lab shows where." : ""));
            Browser.setHidden(status, false);
        } else {
            Browser.setHidden(status, true);
        }
    }

    /** One history point per drawn epoch; a new run (reset, new spec, loaded state) starts a new history. */
    private void recordHistory(Trainer trainer, Metrics metrics) {
        if (trainer != historyOf) {
            historyOf = trainer;
            history.clear();
            historyEpoch = -1;
            if (loadedSnapshot != null && trainer.epoch() == loadedSnapshot.epoch() && loadedSnapshot.lossHistory().length > 0) {
                LossHistory saved = LossHistory.fromArray(loadedSnapshot.lossHistory());
                for (int i = 0; i < saved.size(); i++) {
                    history.add(saved.epoch(i), saved.trainLoss(i), saved.testLoss(i));
                }
                historyEpoch = trainer.epoch();
            }
        }
        if (trainer.epoch() != historyEpoch) {
            historyEpoch = trainer.epoch();
            history.add(trainer.epoch(), metrics.trainLoss(), metrics.testLoss());
            lossChart.draw(history);
        }
    }

    /** The history saved with a snapshot (Share with the trained state). */
    @Override
    public double[] historyArray() {
        return history.toArray();
    }

    @Override
    public Trainer trainer() {
        return loop.trainer();
    }

    @Override
    public boolean tunedMidRun() {
        return tunedMidRun;
    }
}
