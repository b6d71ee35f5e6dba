package backprop.client.activations;

import backprop.engine.spec.SpecCodec;
import backprop.ui.activations.Race;
import backprop.ui.activations.RaceReport;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Float64Array;

/**
 * One of the activation lab's races in a Web Worker ({@code static/js/train-worker.js} loads this
 * build, {@code race-worker.wasm}/{@code race-worker.js}, for {@link RaceDriver}): no DOM calls,
 * only the engine and the {@link Race}, whose reports reach the page's race of the same settings
 * as {@link RaceReport}s. A build of its own, so the playground's worker does not carry the race.
 */
public final class RaceWorker {
    /** The race, and what of it the page has been sent. */
    private static Race race;

    private static RaceReport raceReport;

    private RaceWorker() {}

    public static void main(String[] args) {
        // Driven by train-worker.js through the exports below.
    }

    /**
     * Builds the lab's race of these settings (as {@link Race.Settings}; {@code activations}
     * comma-separated), replacing any earlier one.
     */
    @JSExport
    public static void raceStart(
            String specText, String activations, double targetLoss, int maxEpochs, boolean countOffUnits, int seeds) {
        race = new Race(new Race.Settings(
                SpecCodec.parseStrict(specText),
                commaSeparated(activations),
                targetLoss,
                maxEpochs,
                countOffUnits,
                seeds));
        raceReport = new RaceReport(race);
    }

    /** The names between commas (without String.split, whose regular expressions would weigh on the worker's download). */
    private static List<String> commaSeparated(String text) {
        List<String> names = new ArrayList<>();
        int from = 0;
        while (true) {
            int comma = text.indexOf(',', from);
            names.add(text.substring(from, comma < 0 ? text.length() : comma));
            if (comma < 0) {
                return names;
            }
            from = comma + 1;
        }
    }

    /** Trains the race for about {@code budgetMs} ({@link Race#advance}); true once it has finished. */
    @JSExport
    public static boolean raceAdvance(double budgetMs) {
        race.advance(RaceWorker::now, budgetMs);
        return race.finished();
    }

    /** What the race reported since the last call ({@link RaceReport#numbers}). */
    @JSExport
    public static Float64Array raceNumbers() {
        return Float64Array.copyFromJavaArray(raceReport.numbers(race));
    }

    @JSExport
    public static String raceFingerprints() {
        return RaceReport.fingerprints(race);
    }

    @JSBody(script = "return performance.now();")
    private static native double now();
}
