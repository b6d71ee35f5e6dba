package backprop.engine.graph;

/**
 * Where each node goes in the lecture's left-to-right picture: inputs in column 0 (rows in order
 * of first appearance), each gate one column right of its furthest input, at the mean row of its
 * inputs, pushed down until it is at least one row from its neighbours in the column. The output
 * is alone in the last column. Units are abstract (columns and rows); the view scales them.
 */
public final class GraphLayout {
    private final int[] column;
    private final double[] row;
    private final int columns;
    private final double rows;

    private GraphLayout(int[] column, double[] row, int columns, double rows) {
        this.column = column;
        this.row = row;
        this.columns = columns;
        this.rows = rows;
    }

    public static GraphLayout of(ExpressionGraph graph) {
        int n = graph.nodeCount();
        int[] column = new int[n];
        double[] row = new double[n];
        int lastColumn = 0;
        // nodes are in topological order: inputs are placed before the gates that read them
        for (int id = 0; id < n; id++) {
            Node node = graph.node(id);
            int c = 0;
            for (int s = 0; s < node.inputCount(); s++) {
                c = Math.max(c, column[node.input(s)] + 1);
            }
            column[id] = c;
            lastColumn = Math.max(lastColumn, c);
        }
        int inputRow = 0;
        for (String name : graph.variables()) {
            row[graph.variableNode(name)] = inputRow++;
        }
        int[] inColumn = new int[n];
        for (int c = 1; c <= lastColumn; c++) {
            int count = 0;
            for (int id = 0; id < n; id++) {
                if (column[id] == c) {
                    Node node = graph.node(id);
                    double sum = 0;
                    for (int s = 0; s < node.inputCount(); s++) {
                        sum += row[node.input(s)];
                    }
                    row[id] = sum / node.inputCount();
                    inColumn[count++] = id;
                }
            }
            // insertion sort by (row, id): stable and deterministic
            for (int i = 1; i < count; i++) {
                int id = inColumn[i];
                int j = i - 1;
                while (j >= 0 && row[inColumn[j]] > row[id]) {
                    inColumn[j + 1] = inColumn[j];
                    j--;
                }
                inColumn[j + 1] = id;
            }
            for (int i = 1; i < count; i++) {
                row[inColumn[i]] = Math.max(row[inColumn[i]], row[inColumn[i - 1]] + 1);
            }
        }
        double min = 0;
        double max = 0;
        for (int id = 0; id < n; id++) {
            min = Math.min(min, row[id]);
            max = Math.max(max, row[id]);
        }
        for (int id = 0; id < n; id++) {
            row[id] -= min;
        }
        return new GraphLayout(column, row, lastColumn + 1, max - min + 1);
    }

    public int column(int id) {
        return column[id];
    }

    public double row(int id) {
        return row[id];
    }

    /** Number of columns (the output's column + 1). */
    public int columns() {
        return columns;
    }

    /** Height in rows (the lowest row + 1). */
    public double rows() {
        return rows;
    }
}
