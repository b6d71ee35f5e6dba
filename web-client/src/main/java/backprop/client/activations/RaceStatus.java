package backprop.client.activations;

import backprop.ui.activations.Race;
import backprop.ui.activations.RaceRun;
import org.teavm.jso.JSObject;

/**
 * A race section's status line, progress bar and Start and Stop buttons ({@code <prefix>-status},
 * {@code -progress}, {@code -start}, {@code -stop}): the status says the {@link RaceDriver#state()}
 * in {@code data-state} and where the race trains in {@code data-training}, and its text changes
 * only with the state (it is a live region); the progress bar shows the slowest run's epoch.
 */
final class RaceStatus {
    private RaceStatus() {}

    static void show(String prefix, RaceDriver driver, String noun) {
        Race race = driver.race();
        String state = driver.state();
        boolean running = driver.running();
        LabDom.setDisabled(LabDom.byTestId(prefix + "-start"), running);
        LabDom.setDisabled(LabDom.byTestId(prefix + "-stop"), !running);
        JSObject status = LabDom.byTestId(prefix + "-status");
        LabDom.setAttribute(status, "data-state", state);
        if (race == null) {
            LabDom.setText(status, "Not started.");
            return;
        }
        LabDom.setAttribute(status, "data-training", driver.training());
        int epoch = Integer.MAX_VALUE;
        for (RaceRun r : race.runs()) {
            epoch = Math.min(epoch, r.epoch());
        }
        int max = race.settings().maxEpochs();
        JSObject progress = LabDom.byTestId(prefix + "-progress");
        LabDom.setAttribute(progress, "max", Integer.toString(max));
        LabDom.setAttribute(progress, "value", Integer.toString(epoch));
        LabDom.setHidden(progress, false);
        String runs = race.runs().size() + " " + noun + (race.runs().size() == 1 ? "" : "s");
        LabDom.setText(
                status,
                switch (state) {
                    case "running" -> "Training " + runs + " for " + max + " epochs\u2026";
                    case "stopping" -> "Stopping\u2026";
                    case "finished" -> "Finished: every " + noun + " trained " + max + " epochs (or diverged).";
                    default -> "Stopped at epoch " + epoch + " of " + max + ".";
                });
    }
}
