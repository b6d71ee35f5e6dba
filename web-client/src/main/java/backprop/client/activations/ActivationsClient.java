package backprop.client.activations;

import backprop.client.Dom;
import backprop.ui.activations.Race;
import backprop.ui.playground.FrameLoop;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.browser.Window;

/**
 * The activation lab's page shell: binds the server-rendered cards and forms of
 * {@code /activations} to their views and runs one animation-frame loop that measures costs,
 * trains the races (each in a Web Worker of its own once the cost measurement is done, else a
 * slice at a time on the page) and animates the zig-zag. Compiled to WebAssembly GC and to
 * JavaScript; {@code static/js/activations-boot.js} picks one and calls {@link #start(String)}.
 */
public final class ActivationsClient {
    private final FrameLoop.Clock clock = LabDom::now;
    private final CardsView cards;
    private final ComposeView compose;
    private final RaceView race;
    private final DyingView dying;
    private final ZigZagView zigzag;
    private final String runtime;
    /** Races train in workers ({@code ?worker=0} keeps them on the page). */
    private final boolean useWorkers;

    private String trainingShown = "";
    /** The drivers of the races this page shows (the embed has only the race). */
    private final List<RaceDriver> drivers;

    private ActivationsClient(String runtime) {
        this.runtime = runtime;
        this.useWorkers = !"0".equals(Dom.queryParam("worker"));
        cards = new CardsView(runtime);
        compose = new ComposeView(cards);
        race = new RaceView(clock);
        dying = new DyingView(clock);
        zigzag = new ZigZagView(clock);
        drivers = LabDom.byTestId("dying-start") == null
                ? List.of(race.driver())
                : List.of(race.driver(), dying.driver());
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

    /** Where races train next, on the runtime element's {@code data-training}: "worker" once every race's worker is ready, else "main". */
    private void showTraining() {
        boolean workers = useWorkers;
        for (RaceDriver driver : drivers) {
            workers &= driver.hasWorker();
        }
        String training = workers ? "worker" : "main";
        if (!training.equals(trainingShown)) {
            trainingShown = training;
            LabDom.setAttribute(LabDom.byTestId("runtime"), "data-training", training);
        }
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
                if (useWorkers) {
                    // Loaded after the measurement, so their start does not disturb its timing.
                    for (RaceDriver driver : drivers) {
                        driver.startWorker(runtime);
                    }
                }
                int active = 0;
                for (RaceDriver driver : drivers) {
                    active += driver.trainsOnPage() ? 1 : 0;
                }
                double budget = Race.FRAME_BUDGET_MS / Math.max(1, active);
                race.advance(budget);
                dying.advance(budget);
            }
            zigzag.tick();
            showTraining();
            frame();
        });
    }
}
