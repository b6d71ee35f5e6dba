package backprop.client;

import org.teavm.jso.JSBody;

/**
 * Where each frame's time goes, part by part, on pages opened with {@code ?stats=1}: the
 * milliseconds each stage took, summed, at most and counted, in {@code window.__stages} (the
 * page benchmark reads them). Off otherwise, at the cost of one test per stage.
 */
final class FrameStages {
    private static boolean enabled;

    private FrameStages() {}

    static void enable() {
        enabled = true;
    }

    /** Records that {@code stage} took {@code ms} in this frame. */
    static void add(String stage, double ms) {
        if (enabled) {
            record(stage, ms);
        }
    }

    @JSBody(
            params = {"stage", "ms"},
            script = "var s = window.__stages || (window.__stages = {}); var e = s[stage] || (s[stage] = [0, 0, 0]);"
                    + " e[0] += ms; e[1] = Math.max(e[1], ms); e[2]++;")
    private static native void record(String stage, double ms);
}
