package backprop.client.activations;

import backprop.ui.activations.Race;
import backprop.ui.playground.FrameLoop;
import org.teavm.jso.JSExport;
import org.teavm.jso.browser.Window;

/**
 * The activation lab's page shell: binds the server-rendered cards and forms of
 * {@code /activations} to their views and runs one animation-frame loop that measures costs,
 * trains the races a slice at a time and animates the zig-zag. Compiled to WebAssembly GC and to
 * JavaScript; {@code static/js/activations-boot.js} picks one and calls {@link #start(String)}.
 */
public final class ActivationsClient {
    private final FrameLoop.Clock clock = LabDom::now;
    private final CardsView cards;
    private final ComposeView compose;
    private final RaceView race;
    private final DyingView dying;
    private final ZigZagView zigzag;

    private ActivationsClient(String runtime) {
        cards = new CardsView(runtime);
        compose = new ComposeView(cards);
        race = new RaceView(clock);
        dying = new DyingView(clock);
        zigzag = new ZigZagView(clock);
    }

    public static void main(String[] args) {
        // Started from activations-boot.js through start(runtime).
    }

    /** Entry point called by activations-boot.js with "wasm" or "js". */
    @JSExport
    public static void start(String runtime) {
        ActivationsClient page = new ActivationsClient(runtime);
        LabDom.setText(LabDom.byTestId("runtime"), runtime);
        page.cards.bind();
        page.compose.bind();
        page.race.bind(LabDom.fragment());
        page.dying.bind();
        page.zigzag.bind();
        LabDom.onWindow("resize", page.cards::render);
        page.cards.startMeasuring();
        page.frame();
    }

    /**
     * One animation frame: a piece of the cost measurement (alone, so nothing disturbs its
     * timing), else the races' training slices, then the zig-zag.
     */
    private void frame() {
        Window.requestAnimationFrame(timestamp -> {
            if (cards.measuring()) {
                cards.measureStep();
            } else {
                int active = (race.running() ? 1 : 0) + (dying.running() ? 1 : 0);
                double budget = Race.FRAME_BUDGET_MS / Math.max(1, active);
                race.advance(budget);
                dying.advance(budget);
            }
            zigzag.tick();
            frame();
        });
    }
}
