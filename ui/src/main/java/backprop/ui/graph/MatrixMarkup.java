package backprop.ui.graph;

import backprop.engine.graph.GraphText;
import backprop.ui.text.Html;

/**
 * A small matrix as the explorer and the loop stepper draw it: a captioned table between
 * brackets, each entry rounded for reading with its exact value on hover.
 */
public final class MatrixMarkup {
    private MatrixMarkup() {}

    /**
     * Appends {@code values} (row-major, {@code columns} per row) as a figure captioned
     * {@code title}; entries rounded to {@code decimals} places.
     */
    public static void matrix(
            StringBuilder out, String title, double[] values, int columns, String testId, int decimals) {
        out.append("<figure class=\"matrix\"><figcaption>")
                .append(Html.escape(title))
                .append("</figcaption><table data-testid=\"")
                .append(Html.escape(testId))
                .append("\">");
        for (int r = 0; r < values.length / columns; r++) {
            out.append("<tr>");
            for (int c = 0; c < columns; c++) {
                double v = values[r * columns + c];
                out.append("<td title=\"")
                        .append(Html.escape(GraphText.exact(v)))
                        .append("\">")
                        .append(Html.escape(GraphText.rounded(v, decimals)))
                        .append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</table></figure>");
    }

    /** The same with 4 decimals, as the vectorized example shows its matrices. */
    public static void matrix(StringBuilder out, String title, double[] values, int columns, String testId) {
        matrix(out, title, values, columns, testId, 4);
    }
}
