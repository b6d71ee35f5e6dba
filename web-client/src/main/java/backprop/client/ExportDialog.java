package backprop.client;

import backprop.engine.export.NumpyExport;
import backprop.engine.train.Trainer;
import backprop.ui.files.ExperimentFile;
import backprop.ui.files.ExportFormat;
import java.util.List;

/**
 * The Export dialog: the current run as a NumPy or PyTorch script, its points as CSV, its weights
 * as JSON, or the whole experiment as a file, each written here in the browser by the engine's
 * own exporters from the run the page shows (so the file holds exactly that state: the
 * imported points, the weights and optimizer state mid-epoch included; a server round trip
 * would need all of that sent to it first), the same bytes the API gives for a saved
 * experiment in that state. Opening the dialog pauses training, so what is exported is a state
 * the page shows. The experiment file can be opened again here (file picker or a drop on the
 * page), offline.
 */
final class ExportDialog {
    /** What the dialog needs from the page. */
    interface Source {
        Trainer trainer();

        /** Pauses training; the run's state is exact once the pause has landed. */
        void pause();

        /** The saved experiment's id, or empty on an unsaved page. */
        String experimentId();

        /** The saved title, or empty. */
        String title();

        double[] historyArray();

        /** Opens an experiment file's contents; returns its problems (empty when it opened). */
        List<String> open(ExperimentFile.Opened opened);
    }

    private final Source source;

    ExportDialog(Source source) {
        this.source = source;
    }

    void bind() {
        Browser.onTestId("export", "click", () -> {
            source.pause();
            FileDom.setHidden(Browser.byTestId("export-error"), true);
            Browser.showModal("export-dialog");
        });
        Browser.onTestId("export-close", "click", () -> Browser.closeModal("export-dialog"));
        for (ExportFormat format : ExportFormat.values()) {
            Browser.onTestId("export-" + format.key(), "click", () -> export(format));
        }
        Browser.onTestId("file-download", "click", this::downloadFile);
        FileDom.onFilePicked(Browser.byTestId("file-open"), ExperimentFile.MAX_BYTES, this::openFile);
        FileDom.onFileDropped(FileDom.byTestId("output"), ExperimentFile.MAX_BYTES, (name, size, bytes) -> {
            if (name.toLowerCase().endsWith(".csv")) {
                return; // points: the import panel's drop zone takes those
            }
            openFile(name, size, bytes);
        });
    }

    private void export(ExportFormat format) {
        Trainer trainer = source.trainer();
        String problem = format.problem(trainer);
        int epochs = ExportFormat.DEFAULT_EPOCHS;
        if (problem == null && format.isScript()) {
            String text = Browser.value("export-epochs").trim();
            epochs = parseEpochs(text);
            if (epochs < 0) {
                problem = "epochs: \"" + text + "\" is not allowed; allowed: an integer from 1 to "
                        + NumpyExport.MAX_EPOCHS;
            }
        }
        if (problem != null) {
            showError(problem);
            return;
        }
        FileDom.setHidden(Browser.byTestId("export-error"), true);
        FileDom.download(format.fileName(source.experimentId()), format.contentType(), format.write(trainer, epochs));
        Browser.setText(
                "export-status",
                "Downloaded " + format.fileName(source.experimentId()) + " (epoch " + trainer.epoch() + ", fingerprint "
                        + trainer.fingerprint() + ")");
    }

    private void downloadFile() {
        String title = source.title().isEmpty() ? "Backprop Playground experiment" : source.title();
        Trainer trainer = source.trainer();
        String name = ExperimentFile.fileName(title);
        FileDom.download(name, "application/json", ExperimentFile.write(title, trainer, source.historyArray()));
        Browser.setText(
                "export-status",
                "Downloaded " + name + " (epoch " + trainer.epoch() + ", fingerprint " + trainer.fingerprint() + ")");
    }

    private void openFile(String name, double size, org.teavm.jso.typedarrays.Int8Array bytes) {
        List<String> problems;
        if (bytes == null) {
            problems = List.of(name + ": " + (long) size + " bytes is larger than an experiment file can be ("
                    + ExperimentFile.MAX_BYTES / (1024 * 1024) + " MB)");
        } else {
            ExperimentFile.Result result = ExperimentFile.read(FileDom.utf8(bytes));
            problems = result.ok() ? source.open(result.opened()) : result.problems();
        }
        if (problems.isEmpty()) {
            Browser.closeModal("export-dialog");
            return;
        }
        Browser.showModal("export-dialog");
        showError(name + ": " + String.join("\n", problems));
    }

    private static int parseEpochs(String text) {
        if (text.isEmpty()) {
            return ExportFormat.DEFAULT_EPOCHS;
        }
        try {
            int epochs = Integer.parseInt(text);
            return epochs >= 1 && epochs <= NumpyExport.MAX_EPOCHS ? epochs : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void showError(String message) {
        Browser.setText("export-error", message);
        FileDom.setHidden(Browser.byTestId("export-error"), false);
    }
}
