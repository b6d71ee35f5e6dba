package backprop.server.cli;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.export.Exportability;
import backprop.engine.export.NumpyExport;
import backprop.engine.export.PytorchExport;
import backprop.engine.export.WeightsJson;
import backprop.engine.spec.Spec;
import backprop.engine.train.Trainer;
import java.io.PrintStream;

/**
 * {@code export '<spec>' --format numpy|pytorch [--epochs N]}: prints the experiment as one
 * runnable Python file on stdout, starting from the spec's initial weights; run, it trains N
 * epochs (default 100) and prints {@code <epoch> <train loss>} after each. {@code --format csv}
 * prints the points (x1, x2, label or target, split), {@code --format json} the initial weights
 * and biases per layer. {@code --data} trains
 * on points from a CSV file instead of the spec's ({@link DataFileOption}).
 */
public final class ExportCommand {
    static final int DEFAULT_EPOCHS = 100;
    static final String USAGE =
            "export: usage: export '<spec>' --format numpy|pytorch|csv|json [--epochs N] [--data FILE.csv]";

    private ExportCommand() {}

    public static int run(String[] args, PrintStream out) {
        return run(args, out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream notes) {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new UsageException(USAGE);
        }
        Spec spec = DataFileOption.specUnlessImported("export", args[0]);
        String format = null;
        int epochs = -1;
        Dataset dataset = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = value(args, ++i, "--format", "numpy or pytorch");
                case "--epochs" -> epochs = epochs(value(args, ++i, "--epochs", "an integer"));
                case "--data" ->
                    dataset = DataFileOption.read("export", value(args, ++i, "--data", "a CSV file"), notes);
                default ->
                    throw new UsageException("export: unknown option \"" + args[i]
                            + "\"; options: --format numpy|pytorch|csv|json, --epochs N, --data FILE.csv");
            }
        }
        if (format == null) {
            throw new UsageException("export: --format is required: numpy, pytorch, csv or json");
        }
        if (spec == null) {
            spec = DataFileOption.importedSpec("export", args[0], dataset);
        }
        if (format.equals("csv") || format.equals("json")) {
            if (epochs >= 0) {
                throw new UsageException("export: --epochs applies to the numpy and pytorch scripts, not to " + format);
            }
            Trainer trainer = DataFileOption.trainer("export", spec, dataset);
            out.print(
                    format.equals("csv")
                            ? DatasetCsv.write(
                                    Dataset.of(trainer.data(), spec.data().isRegression()))
                            : WeightsJson.write(trainer));
            out.flush();
            return 0;
        }
        Exportability.Format kind = Exportability.Format.fromKey(format);
        if (kind == null) {
            throw new UsageException(
                    "export: --format \"" + format + "\" is not allowed; allowed: numpy, pytorch, csv, json");
        }
        epochs = epochs < 0 ? DEFAULT_EPOCHS : epochs;
        String problem = Exportability.problem(spec, kind);
        if (problem != null) {
            throw new UsageException("export: " + problem);
        }
        Trainer trainer = DataFileOption.trainer("export", spec, dataset);
        out.print(
                kind == Exportability.Format.NUMPY
                        ? NumpyExport.script(trainer, epochs)
                        : PytorchExport.script(trainer, epochs));
        out.flush();
        return 0;
    }

    private static String value(String[] args, int index, String option, String what) {
        if (index >= args.length) {
            throw new UsageException("export: " + option + " needs a value: " + what);
        }
        return args[index];
    }

    private static int epochs(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= NumpyExport.MAX_EPOCHS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("export: --epochs: \"" + text + "\" is not allowed; allowed: an integer from 1 to "
                + NumpyExport.MAX_EPOCHS);
    }
}
