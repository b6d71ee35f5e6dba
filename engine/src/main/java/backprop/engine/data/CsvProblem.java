package backprop.engine.data;

/**
 * What is wrong with an imported CSV, where: {@code line} from 1 (0 for the whole file),
 * {@code column} the field from 1 (0 for the whole line or file).
 */
public record CsvProblem(int line, int column, String message) {
    @Override
    public String toString() {
        if (line == 0) {
            return column == 0 ? message : "column " + column + ": " + message;
        }
        return "line " + line + (column == 0 ? "" : ", column " + column) + ": " + message;
    }
}
