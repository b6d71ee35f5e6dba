package backprop.ui.files;

import backprop.engine.data.CsvImport;
import backprop.engine.data.CsvProblem;
import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecProblem;
import backprop.engine.train.Snapshot;
import backprop.engine.train.Trainer;
import backprop.ui.text.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An experiment as one JSON file, to keep, mail and open again offline:
 * <pre>{"format":"backprop-playground-experiment","version":1,"title":"…","spec":"v=1&amp;…",
 * "dataset":"x1,x2,label,split\n…" or null,"snapshot":"&lt;base64&gt;" or null,"epoch":12,
 * "fingerprint":"&lt;16 hex&gt;"}</pre>
 * {@code spec} is the page's address text ({@code data=imported} with a dataset), {@code dataset}
 * the imported points' canonical CSV, {@code snapshot} the trained state as the API takes it,
 * {@code fingerprint} the fingerprint of that state (of the initial weights without one), which
 * reading checks: a file whose numbers were changed is refused rather than opened as something
 * else. Fields beyond these are ignored, so later versions may add some; a higher version than
 * {@link #VERSION} is refused by name.
 */
public final class ExperimentFile {
    /** The {@code format} value that says what the file is. */
    public static final String FORMAT = "backprop-playground-experiment";
    /** The layout this code writes and the highest it reads. */
    public static final int VERSION = 1;
    /** Largest file read: a dataset at its limit, a snapshot at its limit in base64, and room. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    /** What a file holds, read and checked: the run to open (in its saved state), its title. */
    public record Opened(String title, String specText, Spec spec, Dataset dataset, Snapshot snapshot, Trainer run) {}

    /** The file's contents, or what is wrong with it (never both). */
    public record Result(Opened opened, List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return opened != null;
        }
    }

    private ExperimentFile() {}

    /** The file's name: the title's letters and digits ({@code spiral-with-tanh.backprop.json}). */
    public static String fileName(String title) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < title.length() && name.length() < 60; i++) {
            char c = Character.toLowerCase(title.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                name.append(c);
            } else if (name.length() > 0 && name.charAt(name.length() - 1) != '-') {
                name.append('-');
            }
        }
        while (name.length() > 0 && name.charAt(name.length() - 1) == '-') {
            name.setLength(name.length() - 1);
        }
        return (name.length() == 0 ? "experiment" : name.toString()) + ".backprop.json";
    }

    /**
     * The file of a run as it stands: its spec (and imported points) and, unless it is at epoch 0
     * with no update, its trained state with the loss history.
     */
    public static String write(String title, Trainer run, double[] lossHistory) {
        Dataset dataset = run.imported();
        String spec = dataset == null ? SpecCodec.print(run.spec()) : ImportedSpec.print(run.spec());
        boolean trained = run.iteration() > 0 || run.epoch() > 0;
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"format\": ").append(Json.quote(FORMAT)).append(",\n");
        json.append("  \"version\": ").append(VERSION).append(",\n");
        json.append("  \"title\": ").append(Json.quote(title)).append(",\n");
        json.append("  \"spec\": ").append(Json.quote(spec)).append(",\n");
        json.append("  \"dataset\": ")
                .append(dataset == null ? "null" : Json.quote(DatasetCsv.write(dataset)))
                .append(",\n");
        json.append("  \"snapshot\": ")
                .append(
                        trained
                                ? Json.quote(Base64.getEncoder()
                                        .encodeToString(run.snapshot()
                                                .withLossHistory(lossHistory)
                                                .toBytes()))
                                : "null")
                .append(",\n");
        json.append("  \"epoch\": ").append(run.epoch()).append(",\n");
        json.append("  \"fingerprint\": ").append(Json.quote(run.fingerprint())).append('\n');
        return json.append("}\n").toString();
    }

    /** Reads a file's text (null: it was not UTF-8 text); every problem names the field. */
    public static Result read(String text) {
        if (text == null) {
            return failed("this file is not text (not UTF-8): an experiment file is JSON written by the playground");
        }
        if (text.length() > MAX_BYTES) {
            return failed("this file is larger than an experiment file can be (" + MAX_BYTES / (1024 * 1024) + " MB)");
        }
        Map<String, Object> fields;
        try {
            fields = FlatJson.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IllegalArgumentException e) {
            return failed("this is not an experiment file: " + e.getMessage());
        }
        Object format = fields.get("format");
        if (!FORMAT.equals(format)) {
            return failed("this is not a Backprop Playground experiment file: its \"format\" is "
                    + (format == null ? "missing" : "\"" + format + "\"") + ", expected \"" + FORMAT + "\"");
        }
        Object version = fields.get("version");
        String v = version instanceof FlatJson.Num n ? n.text() : "";
        if (!wholeNumber(v)) {
            return failed("\"version\": " + (version instanceof String ? "\"" + version + "\"" : version)
                    + " is not allowed; allowed: a whole number (this page reads " + VERSION + ")");
        }
        if (Integer.parseInt(v) > VERSION) {
            return failed("this file was written by a newer version of the playground (format version " + v
                    + "); this page reads version " + VERSION);
        }
        List<String> problems = new ArrayList<>();
        String title = string(fields, "title", false, problems);
        String specText = string(fields, "spec", false, problems);
        String datasetText = string(fields, "dataset", true, problems);
        String snapshotText = string(fields, "snapshot", true, problems);
        String fingerprint = string(fields, "fingerprint", true, problems);
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        Dataset dataset = null;
        if (datasetText != null) {
            CsvImport.Result points = CsvImport.parse(datasetText);
            for (CsvProblem problem : points.problems()) {
                problems.add("\"dataset\": " + problem);
            }
            if (points.ok() && !points.notes().isEmpty()) {
                problems.add("\"dataset\": " + points.notes().get(0) + "; an experiment file holds the points as the"
                        + " playground wrote them");
            }
            dataset = problems.isEmpty() ? points.dataset() : null;
        }
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        ParseResult parsed;
        if (ImportedSpec.namesImported(specText)) {
            parsed = ImportedSpec.parse(specText, dataset);
        } else if (dataset != null) {
            return failed("\"spec\": with a \"dataset\" the spec says data=imported");
        } else {
            parsed = SpecCodec.parse(specText);
        }
        for (SpecProblem problem : parsed.problems()) {
            problems.add("\"spec\": " + problem.message());
        }
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        Snapshot snapshot = null;
        Trainer run;
        try {
            if (snapshotText != null) {
                snapshot = Snapshot.fromBytes(Base64.getDecoder().decode(snapshotText));
            }
            run = snapshot == null
                    ? new Trainer(parsed.spec(), dataset)
                    : Trainer.resume(parsed.spec(), dataset, snapshot);
        } catch (IllegalArgumentException e) {
            return failed(
                    "\"snapshot\": the trained state is damaged or does not fit the spec (" + e.getMessage() + ")");
        }
        if (fingerprint != null && !fingerprint.equals(run.fingerprint())) {
            return failed("\"fingerprint\": the file says " + fingerprint + " but its weights give " + run.fingerprint()
                    + ": the file was changed or damaged");
        }
        String canonical = dataset == null ? SpecCodec.print(parsed.spec()) : ImportedSpec.print(parsed.spec());
        return new Result(new Opened(title.strip(), canonical, parsed.spec(), dataset, snapshot, run), List.of());
    }

    private static boolean wholeNumber(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String string(Map<String, Object> fields, String name, boolean optional, List<String> problems) {
        Object value = fields.get(name);
        if (value instanceof String s && !(value.equals("") && !optional)) {
            return s;
        }
        if (value == null && optional) {
            return null;
        }
        String shown = value instanceof FlatJson.Num n ? n.text() : value instanceof String ? "\"\"" : "" + value;
        problems.add("\"" + name + "\": " + (value == null ? "missing" : shown + " is not allowed") + "; allowed: "
                + (optional ? "a string or null" : "a string"));
        return null;
    }

    private static Result failed(String problem) {
        return new Result(null, List.of(problem));
    }

    private static Result failed(List<String> problems) {
        return new Result(null, problems);
    }
}
