package backprop.engine.export;

import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;

/** The docstring that opens an exported script: what it is, where it starts, what it prints. */
final class ScriptHeader {
    private ScriptHeader() {}

    static void write(PythonCode code, Trainer trainer, Snapshot state, int epochs, String library) {
        String from = state.epoch() == 0 && state.iteration() == 0
                ? "the initial weights"
                : "the trained state at epoch " + state.epoch() + " (" + state.iteration() + " updates)";
        code.lines(
                "\"\"\"A Backprop Playground experiment as plain " + library + ": the data, the network, the loss, the",
                "optimizer and the batch order of",
                "",
                "    " + specText(trainer),
                "",
                "Trains " + epochs + " epochs from " + from + " and prints",
                "\"<epoch> <train loss>\" after each, the train loss being the mean data loss over the training set",
                "(what the playground shows). Run it with: python3 <this file>",
                "\"\"\"");
    }

    /** The run's spec as the page's address says it ({@code data=imported} on imported points). */
    static String specText(Trainer trainer) {
        return trainer.imported() == null ? SpecCodec.print(trainer.spec()) : ImportedSpec.print(trainer.spec());
    }
}
