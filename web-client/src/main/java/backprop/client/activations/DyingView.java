package backprop.client.activations;

import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.ui.activations.DyingVerdict;
import backprop.ui.activations.LabMarkup;
import backprop.ui.activations.Race;
import backprop.ui.activations.RaceCharts;
import backprop.ui.activations.RaceRun;
import backprop.ui.playground.FrameLoop;
import backprop.ui.playground.SpecEditor;
import java.util.List;
import org.teavm.jso.JSObject;

/**
 * Dying ReLU: the section's experiment (ReLU hidden layers, He init) at a learning rate high
 * enough to kill units, raced against leaky ReLU, PReLU, ELU and ReLU with batch normalization
 * ({@code relu:bn}); dead units and units off on
 * every training point over time.
 */
final class DyingView {
    static final List<String> ACTIVATIONS = List.of("relu", "leakyrelu", "prelu", "elu", "relu:bn");
    private static final double REDRAW_MS = 250;

    private final FrameLoop.Clock clock;
    private final RaceDriver driver;
    private boolean dirty;
    private double lastDrawMs = -1e9;

    DyingView(FrameLoop.Clock clock) {
        this.clock = clock;
        this.driver = new RaceDriver(clock);
    }

    RaceDriver driver() {
        return driver;
    }

    void bind() {
        LabDom.on(LabDom.byTestId("dying-start"), "click", this::start);
        LabDom.on(LabDom.byTestId("dying-stop"), "click", () -> {
            driver.stop();
            dirty = true;
            showState();
        });
        LabDom.on(LabDom.byTestId("dying-lr"), "change", this::showSpec);
        LabDom.onWindow("resize", () -> dirty = true);
        showSpec();
        showState();
    }

    private Spec spec() {
        Spec base = SpecCodec.parseStrict(LabDom.attribute(LabDom.byTestId("dying-relu"), "data-spec"));
        return SpecEditor.with(base, "lr", LabDom.value(LabDom.byTestId("dying-lr")));
    }

    private void showSpec() {
        LabDom.setText(LabDom.byTestId("dying-spec"), SpecCodec.print(spec()));
    }

    private void start() {
        int epochs = Integer.parseInt(LabDom.value(LabDom.byTestId("dying-epochs")));
        driver.start(new Race.Settings(spec(), ACTIVATIONS, 0.1, epochs, true));
        dirty = true;
        lastDrawMs = -1e9;
        showState();
    }

    void advance(double budgetMs) {
        dirty |= driver.advance(budgetMs);
        double now = clock.nowMs();
        if (dirty && (!driver.running() || now - lastDrawMs >= REDRAW_MS)) {
            if (draw()) {
                lastDrawMs = now;
            }
            dirty = false;
        }
    }

    private void showState() {
        RaceStatus.show("dying", driver, "run");
    }

    /** The status, and the charts and tables once every run has a report; false when there were none to draw. */
    private boolean draw() {
        Race race = driver.race();
        showState();
        if (race == null || !race.reported()) {
            // Nothing to chart before the worker's first report.
            return false;
        }
        List<RaceRun> runs = race.runs();
        int max = race.settings().maxEpochs();
        RaceView.paint("dying-chart", c -> RaceCharts.offUnits(runs, max, c[0], c[1]));
        RaceView.paint("dying-loss-chart", c -> RaceCharts.loss(runs, Double.NaN, max, c[0], c[1]));
        JSObject legend = LabDom.byTestId("dying-legend");
        LabDom.setHtml(legend, LabMarkup.legend(runs));
        LabDom.paintSwatches(legend);
        JSObject table = LabDom.byTestId("dying-table");
        LabDom.setHtml(LabDom.byTestId("dying-table-body"), LabMarkup.dyingRows(race));
        LabDom.setHtml(LabDom.byTestId("dying-verdict"), LabMarkup.items(DyingVerdict.describe(race)));
        LabDom.paintSwatches(table);
        LabDom.setHidden(LabDom.byTestId("dying-results"), false);
        return true;
    }
}
