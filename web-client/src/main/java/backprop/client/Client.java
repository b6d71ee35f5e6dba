package backprop.client;

import backprop.engine.bench.BenchSize;
import backprop.engine.bench.Benchmarks;
import backprop.engine.data.DataSplit;
import backprop.engine.data.ImportedSpec;
import backprop.engine.math.MathProbe;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Plane;
import backprop.engine.spec.Spec;
import backprop.engine.train.Metrics;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import backprop.ui.playground.FrameLoop;
import backprop.ui.playground.PlaygroundSession;
import backprop.ui.playground.PointDrawing;
import backprop.ui.playground.SpecEdit;
import backprop.ui.raster.Thumbnail;
import backprop.ui.text.Numbers;
import java.util.Base64;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;

/**
 * The playground page's shell: boots, binds the server-rendered controls and the host page's
 * messages to the {@link PlaygroundSession} (which owns every change of state), keeps the
 * address bar equal to the canonical spec, and draws on animation frames. The same class is
 * compiled to WebAssembly GC and to JavaScript; {@code static/js/boot.js} picks one and calls
 * {@link #start(String)}.
 */
public final class Client implements Controls.Editor, ShareDialog.Source, DrawingTools.Page, WeightEditor.Page {
    private static Client page;

    private final String runtime;
    private final boolean showStats;
    private final WorkerLoop loop;
    private final PlaygroundSession session;
    private final DrawingTools tools;
    private final FramePainter painter;
    private final Controls controls;
    private final DataFiles files;
    private final DiagramTools diagramTools;
    /** Something the views show changed (a step, an edit, a toggle): every part is redrawn. */
    private boolean dirty = true;

    private EmbedBridge bridge;
    /** On a challenge's pages: its rules, goal and Submit ({@link ChallengePage}); else null. */
    private ChallengePage challenge;
    /** Where training runs, as the runtime element's data-training says: "worker" or "main". */
    private String trainingShown = "";

    private Client(String runtime, Spec spec) {
        this.runtime = runtime;
        this.showStats = "1".equals(Browser.queryParam("stats"));
        if (showStats) {
            FrameStages.enable();
        }
        // Training runs in a Web Worker where one starts (?worker=0 keeps it on the main thread).
        this.loop = WorkerLoop.start(
                new FrameLoop(new Trainer(spec), Browser::now), runtime, !"0".equals(Browser.queryParam("worker")));
        this.session = new PlaygroundSession(spec, loop);
        this.tools = new DrawingTools(session, this);
        this.painter = new FramePainter(session, tools.drawing());
        this.controls = new Controls(this);
        this.files = new DataFiles(session, this, Browser.bodyData("experimentId"), Browser.bodyData("title"));
        this.diagramTools = new DiagramTools(session, painter, this);
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
        // A saved experiment on imported points opens once the API has given them (loadSavedState).
        boolean savedImported = !experimentId.isEmpty()
                && ImportedSpec.namesImported(savedSpec)
                && (fragment.isEmpty() || ImportedSpec.namesImported(fragment));
        ParseResult parsed = ChallengePage.onPage()
                ? ChallengePage.startingSpec(fragment, savedSpec)
                : PlaygroundSession.startingSpec(fragment, savedSpec, !experimentId.isEmpty());
        page = new Client(runtime, parsed.spec());
        // A challenge (or an attempt) on imported points opens once the API has given them (loadChallengePoints).
        boolean challengePoints = ChallengePage.onPage() && ChallengePage.waitsForPoints();
        if (ChallengePage.onPage()) {
            page.challenge = ChallengePage.start(page.session);
        }
        if (!savedImported && !challengePoints) {
            page.showMessages(PlaygroundSession.messages(parsed.problems()));
            Browser.replaceFragment(page.session.canonicalSpec());
        }
        Browser.setPlaygroundLink(page.session.canonicalSpec());
        page.bind();
        page.bridge = new EmbedBridge(page.embedCommands());
        if (challengePoints) {
            page.loadChallengePoints(fragment);
        } else if (!experimentId.isEmpty()
                && (savedImported || page.session.canonicalSpec().equals(savedSpec))) {
            page.loadSavedState(experimentId);
        } else {
            if (page.challenge == null || !page.challenge.attemptPage()) {
                page.trainOnLoadIfAsked();
            }
            page.bridge.ready(page.session.canonicalSpec(), runtime, experimentId);
        }
        page.draw();
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
            session.play();
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

    /**
     * Fetches a challenge's (or an attempt's) imported points and opens its spec on them, then the
     * address's spec on the student page (a reload keeps the student's changes, when the rules
     * allow them); {@code data-state-loaded} on the output says the page is ready.
     */
    private void loadChallengePoints(String fragment) {
        Browser.fetch("GET", Browser.bodyData("points"), null, (status, text) -> {
            String specText = status == 200 ? Browser.jsonString(text, "spec") : null;
            String points = status == 200 ? Browser.jsonString(text, "dataset") : null;
            String problem = specText == null || points == null
                    ? "The challenge's points could not be loaded (" + (status == 0 ? text : Browser.jsonErrors(text))
                            + "); reload the page to try again."
                    : challenge.pointsArrived(specText, points);
            if (problem != null) {
                showMessages(List.of(problem));
            } else {
                showMessages(files.openSaved(specText, points, challenge.attemptPage() ? "" : fragment));
                challenge.pointsLoaded();
                if (!challenge.attemptPage()) {
                    trainOnLoadIfAsked();
                }
            }
            Browser.setAttribute(Browser.byTestId("output"), "data-state-loaded", "true");
            bridge.ready(session.canonicalSpec(), runtime, "");
            dirty = true;
        });
    }

    /** Fetches a saved experiment's trained state and continues from it (then honours ?epochs=). */
    private void loadSavedState(String experimentId) {
        Browser.fetch("GET", "/api/experiments/" + experimentId, null, (status, text) -> {
            String encoded = status == 200 ? Browser.jsonString(text, "snapshot") : null;
            String points = status == 200 ? Browser.jsonString(text, "dataset") : null;
            if (points != null) {
                List<String> problems = files.openSaved(Browser.jsonString(text, "spec"), points, Browser.fragment());
                showMessages(problems);
            }
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

    /** {@link #runBenchmark} of the playground workload on another network ({@link Benchmarks#playgroundSpec}). */
    @JSExport
    public static String runNetworkBenchmark(String workload, String size, String network) {
        return Benchmarks.run(workload, "quick".equals(size) ? BenchSize.QUICK : BenchSize.FULL, Browser::now, network);
    }

    /** The engine's deterministic-math checksum in this runtime, for the parity tests. */
    @JSExport
    public static String mathChecksum() {
        return MathProbe.checksum();
    }

    /** Where a frame's time goes in this runtime ({@link FrameProfile}). */
    @JSExport
    public static String profileFrame(int calls) {
        return page.painter.profile(page.loop.trainer(), calls);
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
        // A refused value is explained beside its control; the rest go to the page's list.
        showMessages(FieldNotes.place(change.problems()));
        if (!change.changed()) {
            showControls();
            return;
        }
        follow(change, true);
        tools.experimentChanged();
        diagramTools.experimentChanged();
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
        painter.pick(x1, x2);
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
            painter.newRun(loop.trainer().outputs());
        }
        String canonical = session.canonicalSpec();
        Browser.setPlaygroundLink(canonical);
        if (pushHistory) {
            Browser.pushFragment(canonical);
        } else {
            Browser.replaceFragment(canonical);
        }
        showControls();
        files.followed();
        if (change.restarted() && challenge != null) {
            challenge.restarted();
        }
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
        Browser.onCanvasMove(Browser.byTestId("output"), (fx, fy) -> painter.pick(Plane.x1At(fx), Plane.x2At(fy)));
        controls.bind();
        showControls();
        tools.bind();
        diagramTools.bind();
        new ShareDialog(this).bind();
        files.bind();
        new ChallengeAuthoring(this).bind();
        drawThumbnails();
    }

    private void reset() {
        session.reset();
        if (challenge != null) {
            challenge.restarted();
        }
        dirty = true;
    }

    /** Every control shows the spec; on a challenge's page its locks and limits come on top. */
    private void showControls() {
        controls.show(session.spec());
        if (challenge != null) {
            challenge.applyLocks(session.spec());
        }
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
            double frameStart = Browser.now();
            FrameStages.add("waitForFrame", frameStart - timestamp);
            if (loop.frame()) {
                dirty = true;
            }
            double drawStart = Browser.now();
            FrameStages.add("training", drawStart - frameStart);
            draw();
            FrameStages.add("draw", Browser.now() - drawStart);
            loop.reportDrawMs(Browser.now() - drawStart);
            Metrics lastMetrics = painter.lastMetrics();
            if (lastMetrics != null) {
                bridge.frame(
                        Browser.now(),
                        loop.playing(),
                        loop.trainer().epoch(),
                        lastMetrics.trainLoss(),
                        lastMetrics.testLoss());
            }
            if (challenge != null) {
                challenge.frame(loop.trainer(), loop.playing(), Browser.now());
            }
            String training = loop.hasWorker() ? "worker" : "main";
            if (!training.equals(trainingShown)) {
                trainingShown = training;
                Browser.setAttribute(Browser.byTestId("runtime"), "data-training", training);
            }
            if (showStats) {
                Browser.setText("fps", Numbers.fixed(loop.framesPerSecond(), 1));
                Browser.setText("epochs-per-second", Numbers.fixed(loop.epochsPerSecond(), 0));
            }
            requestFrame();
        });
    }

    /** One frame's drawing ({@link FramePainter}); a change since the last frame redraws every part. */
    private void draw() {
        painter.draw(loop.trainer(), loop.readout(), loop.playing(), dirty);
        dirty = false;
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
    public String replayProblem() {
        return session.replayProblem();
    }
}
