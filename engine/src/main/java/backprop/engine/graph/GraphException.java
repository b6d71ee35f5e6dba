package backprop.engine.graph;

/**
 * Bad input to the explorer: a parse error (with the 1-based column where it was found), an
 * unknown function, a bad or missing variable value, or an expression over a limit. The message
 * is one line a person can act on; {@link #column()} is 0 when no single column is at fault.
 */
public final class GraphException extends RuntimeException {
    private final int column;
    private final String detail;

    public GraphException(int column, String detail) {
        super(column > 0 ? "column " + column + ": " + detail : detail);
        this.column = column;
        this.detail = detail;
    }

    public GraphException(String detail) {
        this(0, detail);
    }

    /** 1-based column in the expression, or 0. */
    public int column() {
        return column;
    }

    /** The message without the column prefix. */
    public String detail() {
        return detail;
    }
}
