package backprop.client;

import backprop.client.view.FrameLoop;
import backprop.client.view.Numbers;
import backprop.client.view.OutputView;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecProblem;
import backprop.engine.train.Metrics;
import backprop.engine.train.Trainer;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;

/**
 * The playground page's shell: binds the server-rendered controls to one {@link FrameLoop},
 * runs it on animation frames and shows its state. The same class is compiled to WebAssembly
 * GC and to JavaScript; {@code static/js/boot.js} picks one and calls {@link #start(String)}.
 */
public final class Client {
    private static Client page;

    private final String runtime;
    private final boolean showStats;
    private final FrameLoop loop;
    private final CanvasRenderingContext2D outputContext;
    private final NetworkDiagram diagram;
    private OutputView output;
    private String canonicalSpec;
    private boolean dirty = true;

    private Client(String runtime, Spec spec, String canonicalSpec) {
        this.runtime = runtime;
        this.showStats = "1".equals(Browser.queryParam("stats"));
        this.canonicalSpec = canonicalSpec;
        Trainer trainer = new Trainer(spec);
        this.loop = new FrameLoop(trainer, Browser::now);
        JSObject canvas = Browser.byTestId("output");
        this.outputContext = Browser.context2d(canvas);
        this.output = new OutputView(canvasSize(canvas), trainer.outputs());
        this.diagram = new NetworkDiagram(Browser.byTestId("network"));
    }

    public static void main(String[] args) {
        // Started from boot.js through start(runtime), so the page can say which runtime runs.
    }

    /** Entry point called by boot.js with "wasm" or "js". */
    @JSExport
    public static void start(String runtime) {
        ParseResult parsed = SpecCodec.parse(Browser.fragment());
        String canonical = SpecCodec.print(parsed.spec());
        page = new Client(runtime, parsed.spec(), canonical);
        page.showProblems(parsed);
        Browser.replaceFragment(canonical);
        page.bind();
        String epochs = Browser.queryParam("epochs");
        if (epochs != null) {
            page.trainOnLoadUntil(epochs);
        }
        page.render();
        page.requestFrame();
    }

    /** The engine's deterministic-math checksum in this runtime, for the parity tests. */
    @JSExport
    public static String mathChecksum() {
        return backprop.engine.math.MathProbe.checksum();
    }

    private static int canvasSize(JSObject canvas) {
        return ((org.teavm.jso.dom.html.HTMLCanvasElement) canvas).getWidth();
    }

    private void trainOnLoadUntil(String epochs) {
        int target;
        try {
            target = Integer.parseInt(epochs);
        } catch (NumberFormatException e) {
            target = -1;
        }
        if (target < 0 || target > 1_000_000) {
            addProblem("epochs: \"" + epochs + "\" is not allowed; allowed: an integer from 0 to 1000000");
            return;
        }
        loop.stopAtEpoch(target);
        loop.play();
    }

    private void bind() {
        Browser.setText("runtime", runtime);
        Browser.setHidden(Browser.byTestId("stats"), !showStats);
        Browser.on(Browser.byTestId("play"), "click", () -> {
            if (loop.playing()) {
                loop.pause();
            } else {
                loop.stopAtEpoch(-1);
                loop.play();
            }
            dirty = true;
        });
        Browser.on(Browser.byTestId("step-epoch"), "click", () -> {
            loop.stepEpoch();
            dirty = true;
        });
        JSObject stepBatch = Browser.byTestId("step-batch");
        if (stepBatch != null) {
            Browser.on(stepBatch, "click", () -> {
                loop.stepBatch();
                dirty = true;
            });
        }
        Browser.on(Browser.byTestId("reset"), "click", this::reset);
        Browser.onWindow("hashchange", this::onFragmentChange);
    }

    private void reset() {
        loop.replace(new Trainer(loop.trainer().spec()));
        dirty = true;
    }

    /** Back/forward or a hand-edited address bar: load the spec it names. */
    private void onFragmentChange() {
        String fragment = Browser.fragment();
        if (fragment.equals(canonicalSpec)) {
            return;
        }
        ParseResult parsed = SpecCodec.parse(fragment);
        canonicalSpec = SpecCodec.print(parsed.spec());
        Browser.replaceFragment(canonicalSpec);
        showProblems(parsed);
        Trainer trainer = new Trainer(parsed.spec());
        loop.replace(trainer);
        output = new OutputView(output.raster().width(), trainer.outputs());
        diagram.invalidate();
        dirty = true;
    }

    private void showProblems(ParseResult parsed) {
        JSObject list = Browser.byTestId("spec-errors");
        Browser.clear(list);
        for (SpecProblem problem : parsed.problems()) {
            Browser.appendItem(list, problem.message());
        }
        Browser.setHidden(list, parsed.problems().isEmpty());
    }

    private void addProblem(String message) {
        JSObject list = Browser.byTestId("spec-errors");
        Browser.appendItem(list, message);
        Browser.setHidden(list, false);
    }

    private void requestFrame() {
        Window.requestAnimationFrame(timestamp -> {
            if (loop.frame()) {
                dirty = true;
            }
            if (dirty) {
                render();
                dirty = false;
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
        output.paint(trainer, true);
        Browser.putPixels(outputContext, output.raster().pixels(), output.raster().width(),
                output.raster().height());
        diagram.draw(trainer, Browser.now(), !loop.playing());
        Metrics metrics = trainer.evaluate();
        Browser.setText("epoch", Integer.toString(trainer.epoch()));
        Browser.setText("iteration", Integer.toString(trainer.iteration()));
        Browser.setText("train-loss", Numbers.fixed(metrics.trainLoss(), 4));
        Browser.setText("test-loss", Numbers.fixed(metrics.testLoss(), 4));
        Browser.setText("train-accuracy", Numbers.fixed(metrics.trainAccuracy(), 4));
        Browser.setText("test-accuracy", Numbers.fixed(metrics.testAccuracy(), 4));
        Browser.setText("fingerprint", trainer.fingerprint());
        Browser.setAttribute(Browser.byTestId("play"), "aria-pressed", loop.playing() ? "true" : "false");
        Browser.setText("play-label", loop.playing() ? "Pause" : "Play");
        JSObject status = Browser.byTestId("status");
        if (trainer.diverged()) {
            Browser.setText("status", "Training diverged: the loss became NaN or infinite. "
                    + "Try a lower learning rate, then Reset.");
            Browser.setHidden(status, false);
        } else {
            Browser.setHidden(status, true);
        }
    }
}
