package backprop.client;

import backprop.engine.bench.BenchSize;
import backprop.engine.bench.Benchmarks;
import backprop.engine.data.DataSplit;
import backprop.engine.math.MathProbe;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Plane;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Metrics;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import backprop.ui.playground.FrameLoop;
import backprop.ui.playground.PlaygroundSession;
import backprop.ui.playground.PointDrawing;
import backprop.ui.playground.SpecEdit;
import backprop.ui.raster.OutputView;
import backprop.ui.raster.Thumbnail;
import backprop.ui.text.Numbers;
import java.util.Base64;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * The playground page's shell: boots, binds the server-rendered controls and the host page's
 * messages to the {@link PlaygroundSession} (which owns every change of state), keeps the
 * address bar equal to the canonical spec, and draws on animation frames. The same class is
 * compiled to WebAssembly GC and to JavaScript; {@code static/js/boot.js} picks one and calls
 * {@link #start(String)}.
 */
public final class Client implements Controls.Editor, ShareDialog.Source, DrawingTools.Page {
    private static Client page;

    private final String runtime;
    private final boolean showStats;
    private final FrameLoop loop;
    private final PlaygroundSession session;
    private final DrawingTools tools;
    private final CanvasRenderingContext2D outputContext;
    private final CanvasRenderingContext2D pointsContext;
    private final int outputSize;
    private final NetworkDiagram diagram;
    private final LossChart lossChart;
    private final Controls controls;
    private OutputView output;
    private boolean dirty = true;
    private EmbedBridge bridge;
    private Metrics lastMetrics;

    private Client(String runtime, Spec spec) {
        this.runtime = runtime;
        this.showStats = "1".equals(Browser.queryParam("stats"));
        this.loop = new FrameLoop(new Trainer(spec), Browser::now);
        this.session = new PlaygroundSession(spec, loop);
        this.tools = new DrawingTools(session, this);
        this.outputContext = Browser.context2d(Browser.byTestId("output"));
        JSObject pointsCanvas = Browser.byTestId("output-points");
        this.pointsContext = Browser.context2d(pointsCanvas);
        this.outputSize = ((HTMLCanvasElement) pointsCanvas).getWidth();
        this.output = new OutputView(outputSize, loop.trainer().outputs());
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
        ParseResult parsed = PlaygroundSession.startingSpec(Browser.fragment(), savedSpec, !experimentId.isEmpty());
        page = new Client(runtime, parsed.spec());
        page.showMessages(PlaygroundSession.messages(parsed.problems()));
        Browser.replaceFragment(page.session.canonicalSpec());
        Browser.setPlaygroundLink(page.session.canonicalSpec());
        page.bind();
        page.bridge = new EmbedBridge(page.embedCommands());
        if (!experimentId.isEmpty() && page.session.canonicalSpec().equals(savedSpec)) {
            page.loadSavedState(experimentId);
        } else {
            page.trainOnLoadIfAsked();
            page.bridge.ready(page.session.canonicalSpec(), runtime, experimentId);
        }
        page.render();
        page.requestFrame();
    }

    private void trainOnLoadIfAsked() {
        String epochs = Browser.queryParam("epochs");
        if (epochs != null) {
            String problem = session.trainUntil(epochs);
            if (problem != null) {
                showMessages(List.of(problem));
            }
        } else if ("1".equals(Browser.queryParam("autoplay"))) {
            loop.play();
        }
    }

    private EmbedBridge.Commands embedCommands() {
        return new EmbedBridge.Commands() {
            @Override
            public void play() {
                session.play();
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
                PlaygroundSession.Change change = session.loadText(text);
                if (!change.problems().isEmpty()) {
                    return String.join("; ", change.problems());
                }
                showMessages(List.of());
                follow(change, true);
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
            } else if (encoded != null && session.canonicalSpec().equals(Browser.jsonString(text, "spec"))) {
                try {
                    session.resumeSaved(Snapshot.fromBytes(Base64.getDecoder().decode(encoded)));
                } catch (RuntimeException e) {
                    showMessages(List.of("The saved state is unreadable (" + e.getMessage()
                            + "); showing the experiment from its start."));
                }
            }
            Browser.setAttribute(Browser.byTestId("output"), "data-state-loaded", "true");
            trainOnLoadIfAsked();
            bridge.ready(session.canonicalSpec(), runtime, experimentId);
            dirty = true;
        });
    }

    /**
     * Runs one benchmark workload ("seed" or "playground") in this runtime, timed by
     * {@code performance.now()}, and returns its JSON line; size "quick" is a smoke run. For /bench.
     */
    @JSExport
    public static String runBenchmark(String workload, String size) {
        return Benchmarks.run(workload, "quick".equals(size) ? BenchSize.QUICK : BenchSize.FULL, Browser::now);
    }

    /** The engine's deterministic-math checksum in this runtime, for the parity tests. */
    @JSExport
    public static String mathChecksum() {
        return MathProbe.checksum();
    }

    /** Where a frame's time goes in this runtime ({@link FrameProfile}). */
    @JSExport
    public static String profileFrame(int calls) {
        return FrameProfile.measure(page.loop.trainer(), page.output, page.outputContext, calls);
    }

    @Override
    public Spec current() {
        return session.spec();
    }

    @Override
    public DataSplit shownData() {
        return loop.trainer().data();
    }

    /** A control's edit: a problem is shown and nothing changes; otherwise the run follows. */
    @Override
    public void edit(SpecEdit edit) {
        PlaygroundSession.Change change = session.edit(edit);
        showMessages(change.problems());
        if (!change.changed()) {
            controls.show(session.spec());
            return;
        }
        follow(change, true);
        tools.experimentChanged();
    }

    @Override
    public PointDrawing drawing() {
        return tools.drawing();
    }

    @Override
    public void pointAt(double x1, double x2, boolean remove) {
        tools.pointAt(x1, x2, remove);
    }

    @Override
    public void clearPoints() {
        tools.clear();
    }

    @Override
    public void probe(double x1, double x2) {
        diagram.pick(x1, x2);
    }

    @Override
    public void pause() {
        loop.pause();
    }

    @Override
    public Controls controls() {
        return controls;
    }

    /** Brings the views and the address bar in line with a change the session made. */
    @Override
    public void follow(PlaygroundSession.Change change, boolean pushHistory) {
        if (!change.changed()) {
            return;
        }
        if (change.restarted()) {
            output = new OutputView(outputSize, loop.trainer().outputs());
            diagram.invalidate();
        }
        String canonical = session.canonicalSpec();
        Browser.setPlaygroundLink(canonical);
        if (pushHistory) {
            Browser.pushFragment(canonical);
        } else {
            Browser.replaceFragment(canonical);
        }
        controls.show(session.spec());
        if (change.dataChanged()) {
            drawThumbnails();
        }
        tools.showLegend();
        dirty = true;
    }

    private void bind() {
        Browser.setText("runtime", runtime);
        Browser.setHidden(Browser.byTestId("stats"), !showStats);
        Browser.onTestId("play", "click", () -> {
            session.togglePlay();
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
        Browser.onTestId("restart", "click", () -> {
            session.restart();
            dirty = true;
        });
        Browser.onTestId("speed", "change", () -> loop.setSpeed(FrameLoop.Speed.fromKey(Browser.value("speed"))));
        Browser.onTestId("show-test", "change", () -> dirty = true);
        Browser.onTestId("discretize", "change", () -> dirty = true);
        Browser.onWindow("hashchange", this::onFragmentChange);
        Browser.onWindow("popstate", this::onFragmentChange);
        Browser.onCanvasPointer(Browser.byTestId("output"), controls::pointerOnOutput);
        Browser.onCanvasMove(Browser.byTestId("output"), (fx, fy) -> diagram.pick(Plane.x1At(fx), Plane.x2At(fy)));
        controls.bind();
        controls.show(session.spec());
        tools.bind();
        new ShareDialog(this).bind();
        drawThumbnails();
    }

    private void reset() {
        session.reset();
        dirty = true;
    }

    /** Back/forward or a hand-edited address bar: load the spec it names. */
    private void onFragmentChange() {
        String fragment = Browser.fragment();
        if (fragment.equals(session.canonicalSpec())) {
            return;
        }
        PlaygroundSession.Change change = session.loadFragment(fragment);
        showMessages(change.problems());
        follow(change, false);
    }

    private void drawThumbnails() {
        for (DatasetKind kind : DatasetKind.values()) {
            JSObject canvas = Browser.canvasIn("dataset-" + kind.key());
            if (canvas != null) {
                int[] pixels = Thumbnail.draw(kind, session.spec(), 64);
                Browser.putPixels(Browser.context2d(canvas), pixels, 64, 64);
            }
        }
    }

    @Override
    public void showMessages(List<String> messages) {
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
                bridge.frame(Browser.now(), loop.playing(), loop.trainer().epoch(), lastMetrics.trainLoss(),
                        lastMetrics.testLoss());
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
        if (tools.drawing().blank()) {
            outputContext.clearRect(0, 0, OutputView.GRID, OutputView.GRID);
            pointsContext.clearRect(0, 0, outputSize, outputSize);
            output.invalidatePoints();
        } else {
            output.paintRegions(trainer, Browser.checked("discretize"));
            Browser.putPixels(outputContext, output.regions().pixels(), OutputView.GRID, OutputView.GRID);
            if (output.paintPoints(trainer, Browser.checked("show-test"))) {
                Browser.putPixels(pointsContext, output.points().pixels(), outputSize, outputSize);
            }
        }
        diagram.draw(trainer, Browser.now(), !loop.playing());
        Metrics metrics = trainer.evaluate();
        lastMetrics = metrics;
        if (session.recordHistory(metrics)) {
            lossChart.draw(session.history());
        }
        Browser.setText("epoch", Integer.toString(trainer.epoch()));
        Browser.setText("iteration", Integer.toString(trainer.iteration()));
        Browser.setText("train-loss", Numbers.fixed(metrics.trainLoss(), 4));
        Browser.setText("test-loss", Numbers.fixed(metrics.testLoss(), 4));
        boolean regression = session.spec().data().isRegression();
        Browser.setText("train-accuracy", regression ? "–" : Numbers.fixed(metrics.trainAccuracy(), 4));
        Browser.setText("test-accuracy", regression ? "–" : Numbers.fixed(metrics.testAccuracy(), 4));
        Browser.setText("regularization", Numbers.fixed(metrics.regularization(), 4));
        Browser.setText("fingerprint", trainer.fingerprint());
        Browser.setAttribute(Browser.byTestId("play"), "aria-pressed", loop.playing() ? "true" : "false");
        Browser.setText("play-label", loop.playing() ? "Pause" : "Play");
        String cannotPlay = tools.drawing().blank() ? "Draw a point first: the set is empty."
                : (trainer.diverged() ? "Training diverged: Reset, or change a setting, to start again." : null);
        for (String control : new String[] {"play", "step-epoch", "step-batch"}) {
            Browser.setDisabled(control, cannotPlay != null);
        }
        Browser.setAttribute(Browser.byTestId("play"), "title", cannotPlay);
        String divergence = session.divergence();
        if (divergence != null) {
            Browser.setText("status", divergence);
        }
        Browser.setHidden(Browser.byTestId("status"), divergence == null);
    }

    /** The history saved with a snapshot (Share with the trained state). */
    @Override
    public double[] historyArray() {
        return session.history().toArray();
    }

    @Override
    public Trainer trainer() {
        return loop.trainer();
    }

    @Override
    public boolean tunedMidRun() {
        return session.tunedMidRun();
    }
}
