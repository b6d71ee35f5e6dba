package backprop.server.experiments;

import backprop.engine.data.CsvImport;
import backprop.engine.data.CsvProblem;
import backprop.engine.data.Dataset;
import backprop.server.problems.Problem;
import java.util.List;

/** The one check of imported points sent to the API, for experiments, challenges and attempts alike. */
public final class ImportedPoints {
    private ImportedPoints() {}

    /**
     * The imported points of a save (or a challenge, an attempt), or null when absent or invalid (then problems say why, each
     * naming the line and column). Stored as their canonical CSV ({@link backprop.engine.data.DatasetCsv}); a text the
     * import would change (scaled coordinates, renumbered classes) is refused, so what is stored is
     * exactly what the page trained on.
     */
    public static Dataset check(String text, List<Problem> problems) {
        if (text == null) {
            return null;
        }
        String allowed = "points as CSV text: x1,x2,label (classes 0..5) or x1,x2,target, optionally split;"
                + " coordinates in [-6, 6]; at most " + CsvImport.MAX_POINTS + " points";
        CsvImport.Result result = CsvImport.parse(text);
        if (!result.ok()) {
            for (CsvProblem problem : result.problems()) {
                problems.add(Problem.shown("dataset", problem.toString(), allowed));
            }
            return null;
        }
        if (!result.notes().isEmpty()) {
            problems.add(Problem.shown("dataset", result.notes().get(0), allowed + "; the import would change them"));
            return null;
        }
        return result.dataset();
    }
}
