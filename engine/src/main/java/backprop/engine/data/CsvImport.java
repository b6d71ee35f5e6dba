package backprop.engine.data;

import backprop.engine.spec.Plane;
import backprop.engine.spec.SpecLimits;
import backprop.engine.spec.SpecNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads points from CSV: {@code x1,x2,label} (or a regression target) and optionally
 * {@code split} ({@code train}/{@code test}), one point a line, an optional header line. All or
 * nothing: any problem and there is no dataset, only the problems, each naming its line and
 * column (at most {@link #MAX_PROBLEMS}).
 *
 * <ul>
 *   <li>Header: recognised when the first field of the first line is not a number. Its third
 *       name says the kind: {@code label} or {@code class} for classification, {@code target} or
 *       {@code value} for regression; a fourth column must be {@code split}. Without a header the
 *       third column is classes when every value is a whole number, else targets.</li>
 *   <li>Classes: whole numbers. Labels 0..5 are kept as they are (so an exported file reads back
 *       unchanged); other labels, at most 6 distinct (-1/1, 1..6), become 0..k-1 in ascending
 *       order, and a note says so. At least 2 distinct classes.</li>
 *   <li>Coordinates: when some |x| exceeds 6, every coordinate is scaled by the same factor,
 *       x / max|x| * 6, keeping the origin and the aspect ratio, and a note says so.</li>
 *   <li>Numbers: decimal, optional sign and exponent ({@code -1.5e-3}); NaN, infinities and
 *       numbers beyond the doubles are refused by name. Fields may be quoted and padded.</li>
 *   <li>Limits: {@link #MAX_POINTS} points, the largest generated set, so an imported experiment
 *       costs no more per epoch than the page is tuned for and one batch can still be the whole
 *       set; {@link #MAX_BYTES} bytes, enough for 2,000 canonical rows of the longest numbers,
 *       so a 50 MB file is refused before a line is read.</li>
 * </ul>
 */
public final class CsvImport {
    public static final int MAX_POINTS = SpecLimits.MAX_POINTS;
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    public static final int MAX_PROBLEMS = 20;

    /** The dataset (null when there are problems), notes on what was changed, and the problems. */
    public record Result(Dataset dataset, List<String> notes, List<CsvProblem> problems) {
        public Result {
            notes = List.copyOf(notes);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return dataset != null;
        }
    }

    private final List<CsvProblem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final List<Integer> rowLines = new ArrayList<>();
    private final List<Dataset.Split> splits = new ArrayList<>();
    private int columns;
    /** From the header: TRUE regression, FALSE classification, null inferred. */
    private Boolean regressionByHeader;

    private CsvImport() {}

    /** Reads a file's bytes. */
    public static Result parse(byte[] bytes) {
        return new CsvImport().read(CsvText.of(bytes, MAX_BYTES));
    }

    /** Reads pasted text. */
    public static Result parse(String text) {
        return new CsvImport().read(CsvText.of(text, MAX_BYTES));
    }

    private Result read(CsvText text) {
        if (text.problem != null) {
            return failed(text.problem);
        }
        boolean first = true;
        for (int i = 0; i < text.lines.size() && problems.size() < MAX_PROBLEMS; i++) {
            String line = text.lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line);
            if (first && !CsvNumbers.looksNumeric(fields.get(0))) {
                readHeader(fields, i + 1);
            } else {
                if (first) {
                    columns = fields.size();
                    checkColumnCount(i + 1, fields.size(), "the first row");
                }
                if (rows.size() == MAX_POINTS) {
                    problems.add(new CsvProblem(
                            i + 1, 0, "more than " + MAX_POINTS + " points; an import holds at most " + MAX_POINTS));
                    break;
                }
                readRow(fields, i + 1);
            }
            first = false;
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new CsvProblem(
                    0, 0, "the file has no points (no data rows" + (first ? "" : " after the header") + ")"));
        }
        if (!problems.isEmpty()) {
            return failed(null);
        }
        return build();
    }

    private void readHeader(List<String> names, int line) {
        columns = names.size();
        if (!checkColumnCount(line, columns, "the header")) {
            return;
        }
        String kind = names.get(2).toLowerCase();
        if (kind.equals("label") || kind.equals("class")) {
            regressionByHeader = Boolean.FALSE;
        } else if (kind.equals("target") || kind.equals("value")) {
            regressionByHeader = Boolean.TRUE;
        } else {
            problems.add(new CsvProblem(
                    line,
                    3,
                    "header \"" + names.get(2) + "\" is not label or class (classification)"
                            + " or target or value (regression)"));
        }
        if (columns == 4 && !names.get(3).equalsIgnoreCase("split")) {
            problems.add(new CsvProblem(line, 4, "header \"" + names.get(3) + "\" is not split"));
        }
        for (int c = 0; c < 2; c++) {
            if (names.get(c).isEmpty()) {
                problems.add(new CsvProblem(line, c + 1, "the header names no column " + (c + 1)));
            }
        }
    }

    private boolean checkColumnCount(int line, int count, String what) {
        if (count == 3 || count == 4) {
            return true;
        }
        problems.add(new CsvProblem(
                line,
                0,
                what + " has " + count + " column" + (count == 1 ? "" : "s")
                        + "; expected 3 (x1, x2, label or target) or 4 (and split), separated by commas"));
        columns = Math.max(3, Math.min(4, count));
        return false;
    }

    private void readRow(List<String> fields, int line) {
        if (fields.size() != columns) {
            problems.add(new CsvProblem(
                    line,
                    0,
                    fields.size() + " column" + (fields.size() == 1 ? "" : "s") + "; expected " + columns + " like the "
                            + (regressionByHeader != null ? "header" : "first row")));
            return;
        }
        double[] values = new double[3];
        for (int c = 0; c < 3; c++) {
            String problem = CsvNumbers.problem(fields.get(c));
            if (problem != null) {
                problems.add(new CsvProblem(line, c + 1, problem));
            } else {
                values[c] = CsvNumbers.parse(fields.get(c));
            }
        }
        if (columns == 4) {
            String split = fields.get(3).toLowerCase();
            if (split.equals("train")) {
                splits.add(Dataset.Split.TRAIN);
            } else if (split.equals("test")) {
                splits.add(Dataset.Split.TEST);
            } else {
                problems.add(new CsvProblem(line, 4, "\"" + fields.get(3) + "\" is not train or test"));
            }
        }
        rows.add(values);
        rowLines.add(line);
    }

    private Result build() {
        int n = rows.size();
        boolean regression = regressionByHeader != null ? regressionByHeader : !allWhole();
        int[] labels = new int[n];
        double[] targets = new double[n];
        if (regression) {
            for (int p = 0; p < n; p++) {
                targets[p] = rows.get(p)[2];
            }
        } else if (!classes(labels)) {
            return failed(null);
        }
        double[] xy = new double[2 * n];
        double maxAbs = 0;
        for (int p = 0; p < n; p++) {
            xy[2 * p] = rows.get(p)[0];
            xy[2 * p + 1] = rows.get(p)[1];
            maxAbs = Math.max(maxAbs, Math.max(Math.abs(xy[2 * p]), Math.abs(xy[2 * p + 1])));
        }
        if (maxAbs > Plane.MAX) {
            for (int k = 0; k < xy.length; k++) {
                xy[k] = xy[k] / maxAbs * Plane.MAX;
            }
            notes.add("coordinates reach " + SpecNumbers.formatReal(maxAbs) + ", so all were scaled by 6/"
                    + SpecNumbers.formatReal(maxAbs) + " into [-6, 6]");
        }
        Dataset.Split[] splitArray = columns == 4 ? splits.toArray(new Dataset.Split[0]) : null;
        if (splitArray != null && !splits.contains(Dataset.Split.TRAIN)) {
            return failed(new CsvProblem(0, 4, "no row has split train; training needs at least one"));
        }
        return new Result(new Dataset(regression, xy, labels, targets, splitArray), notes, List.of());
    }

    private boolean allWhole() {
        for (double[] row : rows) {
            if (row[2] != Math.floor(row[2])) {
                return false;
            }
        }
        return true;
    }

    /** Fills {@code labels} from the third column; false (with problems) when they are not 2..6 classes. */
    private boolean classes(int[] labels) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (int p = 0; p < rows.size(); p++) {
            double label = rows.get(p)[2];
            if (label != Math.floor(label)) {
                problems.add(new CsvProblem(
                        rowLines.get(p),
                        3,
                        SpecNumbers.formatReal(label)
                                + " is not a whole number; a class is 0..5 (name the column target for regression)"));
                if (problems.size() == MAX_PROBLEMS) {
                    return false;
                }
                continue;
            }
            if (distinct.add(label) && distinct.size() > SpecLimits.MAX_CLASSES) {
                problems.add(new CsvProblem(
                        rowLines.get(p),
                        3,
                        "a 7th distinct class (" + SpecNumbers.formatReal(label) + "); at most "
                                + SpecLimits.MAX_CLASSES + " (name the column target for regression)"));
                return false;
            }
        }
        if (!problems.isEmpty()) {
            return false;
        }
        if (distinct.size() < SpecLimits.MIN_CLASSES) {
            problems.add(new CsvProblem(
                    0,
                    3,
                    "every point has class " + SpecNumbers.formatReal(distinct.first())
                            + "; a classifier needs 2 to 6 classes"));
            return false;
        }
        boolean keep = distinct.first() >= 0 && distinct.last() < SpecLimits.MAX_CLASSES;
        List<Double> order = new ArrayList<>(distinct);
        for (int p = 0; p < rows.size(); p++) {
            double label = rows.get(p)[2];
            labels[p] = keep ? (int) label : order.indexOf(label);
        }
        if (!keep) {
            StringBuilder mapping = new StringBuilder();
            for (int c = 0; c < order.size(); c++) {
                mapping.append(c == 0 ? "" : ", ")
                        .append(SpecNumbers.formatReal(order.get(c)))
                        .append(" -> ")
                        .append(c);
            }
            notes.add("classes renumbered 0.." + (order.size() - 1) + ": " + mapping);
        }
        return true;
    }

    private Result failed(CsvProblem problem) {
        if (problem != null) {
            problems.add(problem);
        }
        return new Result(null, List.of(), problems);
    }

    /** Comma-separated fields, each trimmed of spaces and tabs and of one pair of double quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            String field = (comma < 0 ? line.substring(start) : line.substring(start, comma)).strip();
            if (field.length() >= 2 && field.charAt(0) == '"' && field.charAt(field.length() - 1) == '"') {
                field = field.substring(1, field.length() - 1).strip();
            }
            fields.add(field);
            if (comma < 0) {
                return fields;
            }
            start = comma + 1;
        }
    }
}
