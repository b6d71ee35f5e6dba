package backprop.server.cli;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.ParseResult;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecException;
import backprop.engine.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --data FILE}: points from a CSV file ({@link CsvImport}) for {@code train} and
 * {@code export}. A file too large is refused by its size before it is read; any problem is one
 * usage line naming the file, the line and the column; notes (scaling, renumbered classes) go to
 * stderr.
 */
final class DataFileOption {
    private DataFileOption() {}

    static Dataset read(String command, String file, PrintStream notes) {
        Path path = Path.of(file);
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > CsvImport.MAX_BYTES) {
                throw new UsageException(
                        command + ": --data " + file + ": the file is " + size + " bytes; an import is at most "
                                + CsvImport.MAX_BYTES + " bytes (" + CsvImport.MAX_POINTS + " points)");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UsageException(command + ": --data " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        CsvImport.Result result = CsvImport.parse(bytes);
        if (!result.ok()) {
            int more = result.problems().size() - 1;
            throw new UsageException(
                    command + ": --data " + file + ": " + result.problems().get(0)
                            + (more > 0 ? " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")" : ""));
        }
        for (String note : result.notes()) {
            notes.println(command + ": --data " + file + ": note: " + note);
        }
        return result.dataset();
    }

    /** The spec, or null when it says {@code data=imported} (then {@link #importedSpec} once the points are read). */
    static Spec specUnlessImported(String command, String text) {
        if (ImportedSpec.namesImported(text)) {
            return null;
        }
        try {
            return SpecCodec.parseStrict(text);
        } catch (SpecException e) {
            throw new UsageException(command + ": invalid spec: " + e.getMessage());
        }
    }

    /** A {@code data=imported} spec on the points of {@code --data}, which it needs. */
    static Spec importedSpec(String command, String text, Dataset dataset) {
        if (dataset == null) {
            throw new UsageException(command + ": data=imported needs the points: --data FILE.csv");
        }
        ParseResult parsed = ImportedSpec.parse(text, dataset);
        if (!parsed.problems().isEmpty()) {
            throw new UsageException(command + ": invalid spec: " + new SpecException(parsed.problems()).getMessage());
        }
        return parsed.spec();
    }

    /** A trainer on the spec and, when given, the imported points; a mismatch between them is a usage error. */
    static Trainer trainer(String command, Spec spec, Dataset dataset) {
        try {
            return new Trainer(spec, dataset);
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": " + e.getMessage());
        }
    }
}
