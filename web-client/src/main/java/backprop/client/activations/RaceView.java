package backprop.client.activations;

import backprop.engine.spec.ParseResult;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecProblem;
import backprop.ui.activations.Digits;
import backprop.ui.activations.Figure;
import backprop.ui.activations.LabMarkup;
import backprop.ui.activations.PathMarkup;
import backprop.ui.activations.Race;
import backprop.ui.activations.RaceCharts;
import backprop.ui.activations.RaceRun;
import backprop.ui.activations.RaceVerdict;
import backprop.ui.playground.FrameLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.teavm.jso.JSObject;

/**
 * The race's form, charts, table and verdict. Reads the form only when the race starts; the
 * page's frame loop calls {@link #advance} while it runs.
 */
final class RaceView {
    /** Table and charts are redrawn at most this often while running (and always at the end). */
    private static final double REDRAW_MS = 250;

    private final FrameLoop.Clock clock;
    private final RaceDriver driver;
    private boolean dirty;
    private double lastDrawMs = -1e9;

    RaceView(FrameLoop.Clock clock) {
        this.clock = clock;
        this.driver = new RaceDriver(clock);
    }

    RaceDriver driver() {
        return driver;
    }

    void bind(String fragmentSpec) {
        if (!fragmentSpec.isEmpty()) {
            LabDom.setValue(LabDom.byTestId("race-spec"), fragmentSpec);
        }
        LabDom.on(LabDom.byTestId("race-start"), "click", this::start);
        LabDom.on(LabDom.byTestId("race-stop"), "click", this::stop);
        LabDom.onWindow("resize", () -> dirty = true);
        showState();
    }

    /** Reads the form; a problem is listed (naming the field) and nothing starts. */
    private void start() {
        List<String> problems = new ArrayList<>();
        String text = LabDom.value(LabDom.byTestId("race-spec")).trim();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(hash + 1);
        }
        ParseResult parsed = SpecCodec.parse(text);
        for (SpecProblem p : parsed.problems()) {
            problems.add(p.message());
        }
        String targetText = LabDom.value(LabDom.byTestId("race-target"));
        Double target = Digits.parse(targetText);
        if (target == null || !(target > 0)) {
            problems.add("target loss: \u201c" + targetText + "\u201d is not allowed; allowed: a number > 0, e.g. 0.2");
        }
        String epochsText = LabDom.value(LabDom.byTestId("race-epochs"));
        int epochs = -1;
        try {
            epochs = Integer.parseInt(epochsText.trim());
        } catch (NumberFormatException e) {
            epochs = -1;
        }
        if (epochs < 1 || epochs > Race.MAX_EPOCHS_LIMIT) {
            problems.add("epochs: \u201c" + epochsText + "\u201d is not allowed; allowed: a whole number from 1 to "
                    + Race.MAX_EPOCHS_LIMIT);
        }
        String seedsText = LabDom.value(LabDom.byTestId("race-seeds"));
        int seeds;
        try {
            seeds = Integer.parseInt(seedsText.trim());
        } catch (NumberFormatException e) {
            seeds = -1;
        }
        if (seeds < 1 || seeds > Race.MAX_SEEDS) {
            problems.add("seeds: \u201c" + seedsText + "\u201d is not allowed; allowed: a whole number from 1 to "
                    + Race.MAX_SEEDS);
        }
        String chosen = LabDom.checkedValues("race-activation");
        List<String> names = new ArrayList<>();
        for (String name : chosen.split(",")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            problems.add("activations: choose at least one activation to race");
        }
        if (problems.isEmpty()) {
            try {
                driver.start(new Race.Settings(parsed.spec(), names, target, epochs, false, seeds));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        JSObject errors = LabDom.byTestId("race-errors");
        LabDom.setHtml(errors, LabMarkup.items(problems));
        LabDom.setHidden(errors, problems.isEmpty());
        if (!problems.isEmpty()) {
            return;
        }
        LabDom.setValue(LabDom.byTestId("race-spec"), SpecCodec.print(parsed.spec()));
        dirty = true;
        lastDrawMs = -1e9;
        showState();
    }

    private void stop() {
        driver.stop();
        dirty = true;
        showState();
    }

    /** Trains for the budget (on the page) or takes in the worker's reports; redraws when due. */
    void advance(double budgetMs) {
        boolean wasRunning = driver.running();
        dirty |= driver.advance(budgetMs);
        if (wasRunning && !driver.running()) {
            showState();
        }
        double now = clock.nowMs();
        if (dirty && (!driver.running() || now - lastDrawMs >= REDRAW_MS)) {
            if (draw()) {
                lastDrawMs = now;
            }
            dirty = false;
        }
    }

    private void showState() {
        RaceStatus.show("race", driver, "run");
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
        paint("race-loss-chart", c -> RaceCharts.loss(runs, race.settings().targetLoss(), max, c[0], c[1]));
        paint("race-dead-chart", c -> RaceCharts.fraction(runs, true, max, c[0], c[1]));
        paint("race-saturated-chart", c -> RaceCharts.fraction(runs, false, max, c[0], c[1]));
        JSObject legend = LabDom.byTestId("race-legend");
        LabDom.setHtml(legend, LabMarkup.legend(runs));
        LabDom.paintSwatches(legend);
        JSObject table = LabDom.byTestId("race-table");
        JSObject body = LabDom.byTestId("race-table-body");
        LabDom.setHtml(body, LabMarkup.raceRows(race));
        LabDom.paintSwatches(table);
        LabDom.setHidden(LabDom.byTestId("race-results"), false);
        LabDom.setHtml(LabDom.byTestId("race-verdict"), LabMarkup.items(RaceVerdict.describe(race)));
        JSObject gradients = LabDom.byTestId("race-gradients");
        LabDom.setHtml(gradients, LabMarkup.gradientNormTable(race));
        LabDom.paintSwatches(gradients);
        LabDom.setHtml(LabDom.byTestId("race-table-head"), LabMarkup.raceHeader(race));
        JSObject note = LabDom.byTestId("race-total-note");
        String total = LabMarkup.totalNote(race);
        LabDom.setHtml(note, total);
        LabDom.setHidden(note, total.isEmpty());
        LabDom.setText(LabDom.byTestId("race-path-point"), PathMarkup.point(runs.get(0)));
        paint("race-path-chart", c -> RaceCharts.pathProducts(runs, c[0], c[1]));
        JSObject paths = LabDom.byTestId("race-paths");
        LabDom.setHtml(paths, PathMarkup.tables(race));
        LabDom.paintSwatches(paths);
        return true;
    }

    /** Paints a chart sized to its canvas's CSS box. */
    static void paint(String testId, Function<double[], Figure> figure) {
        JSObject canvas = LabDom.byTestId(testId);
        double w = LabDom.clientWidth(canvas);
        double h = LabDom.clientHeight(canvas);
        if (w > 0 && h > 0) {
            FigurePainter.paint(canvas, figure.apply(new double[] {w, h}));
        }
    }
}
