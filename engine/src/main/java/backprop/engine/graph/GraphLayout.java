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

    /**
     * A layout for a large expression that reads as a tree from the output back: columns as in
     * {@link #of}; gates whose inputs are all variables take rows 0, 1, 2, ... in the order a
     * depth-first walk from the output meets them (inputs in slot order), so each subexpression
     * keeps its own band of rows; every other gate sits at the mean row of its gate inputs (a
     * gate reading only copies of variables, e.g. {@code lam*(...)}, at its gate input's row); each
     * variable sits at the mean row of the gates that read it. Then, column by column, nodes are
     * pushed apart to at least one row (in order of row, then id). A variable that no gate of
     * column 1 reads goes one row below everything, so its level wire crosses no gate. Used for the SVM loss, whose
     * stages (scores, margins, hinge, sum, + λR) then line up left to right without edges
     * crossing between them.
     */
    public static GraphLayout treeOrder(ExpressionGraph graph) {
        int n = graph.nodeCount();
        int[] column = of(graph).column;
        int lastColumn = 0;
        for (int c : column) {
            lastColumn = Math.max(lastColumn, c);
        }
        double[] row = new double[n];
        boolean[] placed = new boolean[n];
        boolean[] below = new boolean[n];
        int[] next = {0};
        place(graph, graph.output(), row, placed, next);
        for (int id = 0; id < n; id++) {
            Node node = graph.node(id);
            if (node.op() != Op.INPUT) {
                continue;
            }
            double sum = 0;
            int count = 0;
            boolean near = false;
            for (int g = 0; g < n; g++) {
                Node gate = graph.node(g);
                for (int s = 0; s < gate.inputCount(); s++) {
                    if (gate.input(s) == id && placed[g]) {
                        sum += row[g];
                        count++;
                        near |= column[g] == 1;
                    }
                }
            }
            row[id] = count == 0 ? 0 : sum / count;
            below[id] = count > 0 && !near;
        }
        int[] inColumn = new int[n];
        for (int c = 0; c <= lastColumn; c++) {
            int count = 0;
            for (int id = 0; id < n; id++) {
                if (column[id] == c && !below[id]) {
                    inColumn[count++] = id;
                }
            }
            spread(row, inColumn, count);
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int id = 0; id < n; id++) {
            if (!below[id]) {
                min = Math.min(min, row[id]);
                max = Math.max(max, row[id]);
            }
        }
        // a variable read only further right (λ) runs its wire under the picture, through no gate
        for (int id = 0; id < n; id++) {
            if (below[id]) {
                max += 1;
                row[id] = max;
            }
        }
        for (int id = 0; id < n; id++) {
            row[id] -= min;
        }
        return new GraphLayout(column, row, lastColumn + 1, max - min + 1);
    }

    /** Places {@code id}'s gate inputs first (depth first, in slot order), then {@code id}. */
    private static void place(ExpressionGraph graph, int id, double[] row, boolean[] placed, int[] next) {
        if (placed[id]) {
            return;
        }
        Node node = graph.node(id);
        if (node.op() == Op.INPUT) {
            return;
        }
        double sum = 0;
        int gates = 0;
        for (int s = 0; s < node.inputCount(); s++) {
            int in = node.input(s);
            if (graph.node(in).op() != Op.INPUT) {
                place(graph, in, row, placed, next);
                sum += row[in];
                gates++;
            }
        }
        row[id] = gates == 0 ? next[0]++ : sum / gates;
        placed[id] = true;
    }

    /** Sorts the column's nodes by (row, id) and pushes each at least one row below the one above. */
    private static void spread(double[] row, int[] ids, int count) {
        for (int i = 1; i < count; i++) {
            int id = ids[i];
            int j = i - 1;
            while (j >= 0 && row[ids[j]] > row[id]) {
                ids[j + 1] = ids[j];
                j--;
            }
            ids[j + 1] = id;
        }
        for (int i = 1; i < count; i++) {
            row[ids[i]] = Math.max(row[ids[i]], row[ids[i - 1]] + 1);
        }
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
