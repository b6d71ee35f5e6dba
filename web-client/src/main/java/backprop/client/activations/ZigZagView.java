package backprop.client.activations;

import backprop.ui.activations.Digits;
import backprop.ui.activations.ZigZag;
import backprop.ui.activations.ZigZagPlot;
import backprop.ui.playground.FrameLoop;
import org.teavm.jso.JSObject;

/**
 * The zig-zag: the same neuron trained on all-positive inputs and on zero-mean inputs, side by
 * side, one SGD step every {@link #STEP_MS} while playing, up to {@link #MAX_STEPS}.
 */
final class ZigZagView {
    static final int MAX_STEPS = 48;
    static final double STEP_MS = 120;
    /** The inputs' seed: fixed, so everyone sees the same picture. */
    static final long SEED = 7;

    private final FrameLoop.Clock clock;
    private ZigZag positive;
    private ZigZag centred;
    private boolean playing;
    private double lastStepMs;
    private boolean dirty = true;

    ZigZagView(FrameLoop.Clock clock) {
        this.clock = clock;
    }

    void bind() {
        LabDom.on(LabDom.byTestId("zigzag-play"), "click", () -> {
            if (playing) {
                playing = false;
            } else {
                if (positive.steps() >= MAX_STEPS) {
                    reset();
                }
                playing = true;
            }
            dirty = true;
        });
        LabDom.on(LabDom.byTestId("zigzag-step"), "click", () -> {
            playing = false;
            stepBoth();
        });
        LabDom.on(LabDom.byTestId("zigzag-reset"), "click", () -> {
            playing = false;
            reset();
        });
        LabDom.on(LabDom.byTestId("zigzag-lr"), "change", () -> {
            reset();
        });
        LabDom.onWindow("resize", () -> dirty = true);
        reset();
        if (LabDom.prefersReducedMotion()) {
            while (positive.steps() < MAX_STEPS) {
                stepBoth();
            }
        } else {
            playing = true;
        }
    }

    private void reset() {
        double lr = Double.parseDouble(LabDom.value(LabDom.byTestId("zigzag-lr")));
        positive = ZigZag.allPositive(lr, SEED);
        centred = ZigZag.zeroMean(lr, SEED);
        dirty = true;
    }

    private void stepBoth() {
        if (positive.steps() < MAX_STEPS) {
            positive.step();
            centred.step();
            dirty = true;
        }
    }

    void tick() {
        double now = clock.nowMs();
        if (playing && now - lastStepMs >= STEP_MS) {
            lastStepMs = now;
            stepBoth();
            if (positive.steps() >= MAX_STEPS) {
                playing = false;
            }
        }
        if (dirty) {
            draw();
            dirty = false;
        }
    }

    private void draw() {
        JSObject play = LabDom.byTestId("zigzag-play");
        LabDom.setAttribute(play, "aria-pressed", playing ? "true" : "false");
        LabDom.setText(LabDom.byTestId("zigzag-play-label"), playing ? "Pause" : "Play");
        panel("positive", positive, true);
        panel("centred", centred, false);
        LabDom.setText(LabDom.byTestId("zigzag-steps"), Integer.toString(positive.steps()));
    }

    private void panel(String which, ZigZag zz, boolean allPositive) {
        JSObject canvas = LabDom.byTestId("zigzag-" + which + "-plot");
        double w = LabDom.clientWidth(canvas);
        if (w > 0) {
            FigurePainter.paint(canvas, ZigZagPlot.figure(zz, allPositive, w));
        }
        LabDom.setText(LabDom.byTestId("zigzag-" + which + "-mixed"), Integer.toString(zz.mixedCount()));
        int last = zz.steps();
        double dw1 = zz.w1(last) - ZigZag.OPTIMUM_W1;
        double dw2 = zz.w2(last) - ZigZag.OPTIMUM_W2;
        LabDom.setText(
                LabDom.byTestId("zigzag-" + which + "-distance"),
                Digits.significant(Math.sqrt(dw1 * dw1 + dw2 * dw2), 3));
        LabDom.setHtml(LabDom.byTestId("zigzag-" + which + "-signs"), ZigZagPlot.signsMarkup(zz));
    }
}
