package backprop.client;

import backprop.engine.data.CsvImport;
import backprop.engine.data.CsvProblem;
import backprop.engine.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The data panel's CSV import: a file (picked or dropped on the panel) or pasted text, read by the
 * engine's {@link CsvImport}, all or nothing: every problem listed with its line and column and
 * nothing loaded, or the points loaded whole (a new run on them, the network kept). The status
 * says what came in and that the address cannot hold the points: a link needs a save.
 */
final class ImportPanel {
    /** What the panel needs from the page. */
    interface Target {
        /** Trains on these points from now on. */
        void importPoints(Dataset points);

        /** Back to the spec's generated data. */
        void dropPoints();

        /** The imported points the page trains on, or null. */
        Dataset imported();
    }

    private final Target target;

    ImportPanel(Target target) {
        this.target = target;
    }

    void bind() {
        FileDom.onFilePicked(Browser.byTestId("import-file"), CsvImport.MAX_BYTES, this::read);
        FileDom.onFileDropped(Browser.byTestId("import-panel"), CsvImport.MAX_BYTES, this::read);
        Browser.onTestId("import-paste", "click", () -> {
            String text = Browser.value("import-text");
            load("the pasted text", CsvImport.parse(text));
        });
        Browser.onTestId("import-drop", "click", () -> {
            target.dropPoints();
            show(List.of());
        });
        show(List.of());
    }

    private void read(String name, double size, Int8Array bytes) {
        if (bytes == null) {
            showProblems(List.of(name + ": the file is " + (long) size + " bytes; an import is at most "
                    + CsvImport.MAX_BYTES + " bytes (" + CsvImport.MAX_POINTS + " points); nothing was loaded"));
            return;
        }
        load(name, CsvImport.parse(bytes.copyToJavaArray()));
    }

    private void load(String from, CsvImport.Result result) {
        if (!result.ok()) {
            List<String> lines = new ArrayList<>();
            lines.add(from + ": nothing was loaded; "
                    + (result.problems().size() == 1
                            ? "one problem"
                            : result.problems().size() + " problems")
                    + (result.problems().size() >= CsvImport.MAX_PROBLEMS
                            ? " (the first " + CsvImport.MAX_PROBLEMS + ")"
                            : "")
                    + ":");
            for (CsvProblem problem : result.problems()) {
                lines.add(problem.toString());
            }
            showProblems(lines);
            return;
        }
        target.importPoints(result.dataset());
        List<String> notes = new ArrayList<>();
        for (String note : result.notes()) {
            notes.add("Note: " + note + ".");
        }
        show(notes);
    }

    /** The status line for the points the page holds, and the notes of the last import. */
    void show(List<String> notes) {
        Dataset points = target.imported();
        FileDom.showList(Browser.byTestId("import-errors"), "");
        if (!ChallengeDom.locked("import-drop")) {
            Browser.setDisabled("import-drop", points == null);
        }
        if (points == null) {
            Browser.setText("import-status", "");
            return;
        }
        StringBuilder status = new StringBuilder("Imported ")
                .append(points.size())
                .append(" points (")
                .append(points.regression() ? "regression targets" : points.classes() + " classes")
                .append(points.hasSplit() ? ", their own train/test split" : "")
                .append("). The address says data=imported and cannot hold them: a link needs a save (Share).");
        for (String note : notes) {
            status.append(' ').append(note);
        }
        Browser.setText("import-status", status.toString());
    }

    private static void showProblems(List<String> lines) {
        FileDom.showList(Browser.byTestId("import-errors"), String.join("\n", lines));
    }
}
