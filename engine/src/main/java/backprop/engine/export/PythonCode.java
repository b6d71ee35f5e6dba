package backprop.engine.export;

/**
 * Python source being written: lines at an indentation, and the literals the exports need
 * (floats by {@link PythonFloat}, so every number reads back to the same double). Long lists wrap
 * at about {@link #WIDTH} columns.
 */
final class PythonCode {
    /** Columns a wrapped list aims to stay within. */
    static final int WIDTH = 100;

    private static final String INDENT = "    ";

    private final StringBuilder text = new StringBuilder();
    private int depth;

    /** Appends one line at the current indentation (an empty string gives an empty line). */
    PythonCode line(String line) {
        if (!line.isEmpty()) {
            text.append(INDENT.repeat(depth));
        }
        text.append(line).append('\n');
        return this;
    }

    /** Appends lines, each at the current indentation. */
    PythonCode lines(String... lines) {
        for (String line : lines) {
            line(line);
        }
        return this;
    }

    PythonCode indent() {
        depth++;
        return this;
    }

    PythonCode dedent() {
        if (depth == 0) {
            throw new IllegalStateException("dedent below column 0");
        }
        depth--;
        return this;
    }

    /** {@code name = [v0, v1, ...]} wrapped, for any literal texts. */
    PythonCode list(String prefix, String[] items, String suffix) {
        StringBuilder row = new StringBuilder(prefix).append('[');
        boolean first = true;
        for (int k = 0; k < items.length; k++) {
            String item = items[k] + (k + 1 < items.length ? "," : "");
            if (!first && row.length() + 1 + item.length() > WIDTH) {
                line(row.toString());
                row.setLength(0);
                row.append(INDENT).append(item);
            } else {
                row.append(first ? "" : " ").append(item);
            }
            first = false;
        }
        return line(row.append(']').append(suffix).toString());
    }

    /** The Python literals of {@code count} doubles from {@code values[offset]}. */
    static String[] floats(double[] values, int offset, int count) {
        String[] items = new String[count];
        for (int k = 0; k < count; k++) {
            items[k] = PythonFloat.repr(values[offset + k]);
        }
        return items;
    }

    /** A row-major matrix of doubles as a nested list literal (one row per item). */
    static String[] rows(double[][] matrix) {
        String[] items = new String[matrix.length];
        for (int r = 0; r < matrix.length; r++) {
            items[r] = "[" + String.join(", ", floats(matrix[r], 0, matrix[r].length)) + "]";
        }
        return items;
    }

    /** The Python literals of some ints. */
    static String[] ints(int[] values) {
        String[] items = new String[values.length];
        for (int k = 0; k < values.length; k++) {
            items[k] = Integer.toString(values[k]);
        }
        return items;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
