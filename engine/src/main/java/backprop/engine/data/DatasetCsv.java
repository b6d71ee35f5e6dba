package backprop.engine.data;

import backprop.engine.spec.SpecNumbers;

/**
 * A dataset as CSV, which is also its canonical text (what a content hash of an experiment with
 * imported data would cover): the header {@code x1,x2,label,split} ({@code target} for
 * regression; no split column when the dataset has none), then one line per point in order, each
 * number the shortest plain decimal that reads back to the same double
 * ({@link SpecNumbers#formatReal}), classes as integers, {@code \n} after every line.
 * {@link CsvImport} reads it back to an equal dataset.
 */
public final class DatasetCsv {
    private DatasetCsv() {}

    public static String write(Dataset dataset) {
        StringBuilder out = new StringBuilder();
        out.append("x1,x2,").append(dataset.regression() ? "target" : "label");
        out.append(dataset.hasSplit() ? ",split\n" : "\n");
        for (int p = 0; p < dataset.size(); p++) {
            out.append(SpecNumbers.formatReal(dataset.x1(p))).append(',');
            out.append(SpecNumbers.formatReal(dataset.x2(p))).append(',');
            if (dataset.regression()) {
                out.append(SpecNumbers.formatReal(dataset.target(p)));
            } else {
                out.append(dataset.label(p));
            }
            if (dataset.hasSplit()) {
                out.append(',').append(dataset.split(p).key());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
