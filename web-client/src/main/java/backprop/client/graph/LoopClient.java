package backprop.client.graph;

import backprop.ui.loop.LoopMarkup;
import backprop.ui.loop.LoopStepper;
import org.teavm.jso.JSObject;

/**
 * The numpy-loop stepper's page shell ({@code /graph/loop}): binds the server-rendered buttons to
 * one {@link LoopStepper} and redraws its markup after every change. Part of the explorer's build,
 * started through {@link GraphClient#startLoop(String)}.
 */
final class LoopClient {
    private final LoopStepper stepper;

    LoopClient() {
        this.stepper = LoopStepper.ofText(GraphDom.queryParam("seed"));
    }

    private static JSObject el(String testId) {
        return GraphDom.byTestId(testId);
    }

    void bind(String runtime) {
        GraphDom.setText(el("runtime"), runtime);
        GraphDom.on(el("loop-step"), "click", () -> {
            stepper.step();
            render();
        });
        GraphDom.on(el("loop-iteration"), "click", () -> {
            stepper.finishIteration();
            render();
        });
        GraphDom.on(el("loop-run-10"), "click", () -> {
            stepper.runIterations(10);
            render();
        });
        GraphDom.on(el("loop-run-100"), "click", () -> {
            stepper.runIterations(100);
            render();
        });
        GraphDom.on(el("loop-reset"), "click", () -> {
            stepper.reset();
            render();
        });
        JSObject seed = el("loop-seed");
        GraphDom.on(seed, "change", () -> {
            stepper.setSeedText(GraphDom.value(seed));
            render();
        });
    }

    void render() {
        JSObject error = el("loop-error");
        GraphDom.setText(error, stepper.error() == null ? "" : stepper.error());
        GraphDom.setHidden(error, stepper.error() == null);
        GraphDom.setAttribute(el("loop-seed"), "aria-invalid", stepper.error() == null ? null : "true");
        GraphDom.setHtml(el("loop-code-box"), LoopMarkup.code(stepper));
        GraphDom.setHtml(el("loop-last"), LoopMarkup.lastLine(stepper));
        GraphDom.setHtml(el("loop-progress"), LoopMarkup.progress(stepper));
        GraphDom.setHtml(el("loop-arrays"), LoopMarkup.arrays(stepper));
        GraphDom.setState(el("loop-code-box"), "ready");
        if (stepper.error() == null) {
            GraphDom.replaceQuery("seed=" + stepper.seed());
        }
    }
}
