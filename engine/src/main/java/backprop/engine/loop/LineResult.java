package backprop.engine.loop;

/**
 * What one line computed: the array it assigned, as numpy would print its shape
 * ({@code (4, 5)}; the loss is a scalar, shape {@code ()}), and a copy of its values, row-major.
 *
 * @param line the line executed
 * @param iteration t, the loop's counter (from 0)
 * @param rows rows of the result (1 for the scalar loss)
 * @param cols columns of the result (1 for the scalar loss)
 * @param values the result's values, row-major, copied
 */
public record LineResult(LoopLine line, int iteration, int rows, int cols, double[] values) {
    /** numpy's shape text: {@code (4, 5)}, or {@code ()} for the scalar loss. */
    public String shape() {
        return line == LoopLine.LOSS ? "()" : "(" + rows + ", " + cols + ")";
    }
}
