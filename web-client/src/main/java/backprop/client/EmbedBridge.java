package backprop.client;

import backprop.engine.spec.SpecLimits;
import backprop.ui.text.Json;
import backprop.ui.text.Numbers;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The embed's message API with its host page (DESIGN.md "Contracts"): announces
 * {@code backprop:ready} and {@code backprop:epoch} (at most ten a second, and at every pause),
 * and takes {@code backprop:play}, {@code pause}, {@code reset} and {@code load} ({spec}).
 * Messages from the host are validated like any input; a bad one is answered with
 * {@code backprop:error} naming what was wrong.
 */
final class EmbedBridge {
    /** What the host can ask of the page. */
    interface Commands {
        void play();

        void pause();

        void reset();

        /** Loads a spec text; returns null when done, else the problems as one message. */
        String load(String spec);
    }

    private static final double EPOCH_INTERVAL_MS = 100;

    private final boolean framed;
    private double lastEpochMessageMs = -1e9;
    private int lastEpochSent = -1;
    private boolean wasPlaying;

    EmbedBridge(Commands commands) {
        this.framed = isFramed();
        if (framed) {
            listen((type, spec) -> {
                switch (type) {
                    case "backprop:play" -> commands.play();
                    case "backprop:pause" -> commands.pause();
                    case "backprop:reset" -> commands.reset();
                    case "backprop:load" -> {
                        if (spec == null) {
                            postError("load: the message needs a \"spec\" string");
                        } else if (spec.length() > SpecLimits.MAX_SPEC_BYTES) {
                            postError("load: spec is longer than " + SpecLimits.MAX_SPEC_BYTES + " characters");
                        } else {
                            String problems = commands.load(spec);
                            if (problems != null) {
                                postError("load: " + problems);
                            }
                        }
                    }
                    default ->
                        postError("unknown message type \"" + type
                                + "\"; allowed: backprop:play, backprop:pause, backprop:reset, backprop:load");
                }
            });
        }
    }

    void ready(String spec, String runtime, String id) {
        if (framed) {
            post("{\"type\":\"backprop:ready\",\"spec\":" + quote(spec) + ",\"runtime\":" + quote(runtime) + ",\"id\":"
                    + (id == null || id.isEmpty() ? "null" : quote(id)) + "}");
        }
    }

    /** Called once per drawn frame: sends the epoch at most ten times a second, and at every pause. */
    void frame(double nowMs, boolean playing, int epoch, double trainLoss, double testLoss) {
        if (!framed) {
            return;
        }
        // A pause, or a change while paused (a step, or a whole run to ?epochs=N within one frame).
        boolean paused = !playing && (wasPlaying || epoch != lastEpochSent);
        wasPlaying = playing;
        boolean due = playing && epoch != lastEpochSent && nowMs - lastEpochMessageMs >= EPOCH_INTERVAL_MS;
        if (!paused && !due) {
            return;
        }
        lastEpochMessageMs = nowMs;
        lastEpochSent = epoch;
        post("{\"type\":\"backprop:epoch\",\"epoch\":" + epoch + ",\"trainLoss\":" + number(trainLoss)
                + ",\"testLoss\":" + number(testLoss) + "}");
    }

    private void postError(String message) {
        post("{\"type\":\"backprop:error\",\"message\":" + quote(message) + "}");
    }

    private static String number(double v) {
        return v == v && !Double.isInfinite(v) ? Numbers.fixed(v, 6) : "null";
    }

    private static String quote(String text) {
        return Json.quote(text);
    }

    @JSBody(script = "return window.parent !== window;")
    private static native boolean isFramed();

    @JSBody(params = "json", script = "window.parent.postMessage(JSON.parse(json), '*');")
    private static native void post(String json);

    /** Passes each host message's type and (for load) spec string; ignores messages from elsewhere. */
    @JSBody(
            params = "handler",
            script = "window.addEventListener('message', function(e) {"
                    + "  if (e.source !== window.parent) return;"
                    + "  var d = e.data; if (!d || typeof d !== 'object' || typeof d.type !== 'string' || d.type.indexOf('backprop:') !== 0) return;"
                    + "  if (d.type === 'backprop:ready' || d.type === 'backprop:epoch' || d.type === 'backprop:error') return;"
                    + "  handler(d.type, typeof d.spec === 'string' ? d.spec : null); });")
    private static native void listen(MessageHandler handler);

    @org.teavm.jso.JSFunctor
    interface MessageHandler extends JSObject {
        void handle(String type, String spec);
    }
}
