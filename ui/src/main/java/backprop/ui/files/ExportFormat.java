package backprop.ui.files;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.export.Exportability;
import backprop.engine.export.NumpyExport;
import backprop.engine.export.PytorchExport;
import backprop.engine.export.WeightsJson;
import backprop.engine.spec.Keyed;
import backprop.engine.train.Trainer;

/**
 * The exports of an experiment, one text each, written from a run as it stands (the initial
 * weights of a fresh run, the trained state of a saved or paused one): the page's Export dialog
 * writes them in the browser and the API's {@code GET /api/experiments/{id}/<file>} on the
 * server, with the same engine code, so both give the same bytes for the same state.
 */
public enum ExportFormat implements Keyed {
    NUMPY("numpy", "NumPy script", "numpy.py", "text/x-python; charset=utf-8"),
    PYTORCH("pytorch", "PyTorch script", "pytorch.py", "text/x-python; charset=utf-8"),
    CSV("csv", "CSV of the points", "points.csv", "text/csv; charset=utf-8"),
    JSON("json", "JSON of the weights", "weights.json", "application/json");

    /** Epochs a script trains when nobody says (as the command line's {@code export}). */
    public static final int DEFAULT_EPOCHS = 100;

    private final String key;
    private final String label;
    private final String fileSuffix;
    private final String contentType;

    ExportFormat(String key, String label, String fileSuffix, String contentType) {
        this.key = key;
        this.label = label;
        this.fileSuffix = fileSuffix;
        this.contentType = contentType;
    }

    @Override
    public String key() {
        return key;
    }

    /** What the Export dialog calls it. */
    public String label() {
        return label;
    }

    /** The last part of the file's name, also the API route's last segment ({@code numpy.py}). */
    public String fileSuffix() {
        return fileSuffix;
    }

    /** The media type of the text (UTF-8; the scripts and CSV are ASCII). */
    public String contentType() {
        return contentType;
    }

    /** True for the Python scripts, which train a number of epochs. */
    public boolean isScript() {
        return this == NUMPY || this == PYTORCH;
    }

    /** {@code backprop-<id>-numpy.py}; an unsaved experiment ({@code id} null) is {@code backprop-experiment-...}. */
    public String fileName(String id) {
        return "backprop-" + (id == null || id.isEmpty() ? "experiment" : id) + "-" + fileSuffix;
    }

    /** Null when the run's spec exports in this format, else the sentence saying why not. */
    public String problem(Trainer trainer) {
        return switch (this) {
            case NUMPY -> Exportability.problem(trainer.spec(), Exportability.Format.NUMPY);
            case PYTORCH -> Exportability.problem(trainer.spec(), Exportability.Format.PYTORCH);
            default -> null;
        };
    }

    /**
     * The text; the trainer is only read. {@code epochs} (1..{@link NumpyExport#MAX_EPOCHS}) for
     * the scripts. The points: imported ones exactly as imported (so the CSV reads back to the same
     * dataset), generated ones with their split. Throws IllegalArgumentException when
     * {@link #problem} is not null.
     */
    public String write(Trainer trainer, int epochs) {
        return switch (this) {
            case NUMPY -> NumpyExport.script(trainer, epochs);
            case PYTORCH -> PytorchExport.script(trainer, epochs);
            case CSV -> DatasetCsv.write(points(trainer));
            case JSON -> WeightsJson.write(trainer);
        };
    }

    private static Dataset points(Trainer trainer) {
        return trainer.imported() != null
                ? trainer.imported()
                : Dataset.of(trainer.data(), trainer.spec().data().isRegression());
    }

    /** Looked up by loop (TeaVM's enum valueOf breaks the JS build); null when unknown. */
    public static ExportFormat fromKey(String key) {
        return Keyed.byKey(values(), key);
    }

    /** The format whose file ends in {@code suffix}, or null. */
    public static ExportFormat fromFileSuffix(String suffix) {
        for (ExportFormat f : values()) {
            if (f.fileSuffix.equals(suffix)) {
                return f;
            }
        }
        return null;
    }
}
