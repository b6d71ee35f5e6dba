package backprop.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --data FILE.csv} on {@code train} and {@code export}. */
class DataFileOptionTest {
    private static final String SPEC = "data=spiral&n=200&layers=4:tanh";

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static String train(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, TrainCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainingOnTheExportedPointsGivesTheSameRun() throws IOException {
        Trainer reference = new Trainer(SpecCodec.parseStrict(SPEC));
        Path csv = file("spiral.csv", DatasetCsv.write(Dataset.of(reference.data(), false)));
        assertEquals(train(SPEC, "--epochs", "5"), train(SPEC, "--epochs", "5", "--data", csv.toString()));
    }

    @Test
    void aSavedImportedSpecTrainsOnItsPointsAndNeedsThem() throws IOException {
        Path csv = file("three.csv", "x1,x2,label\n1,2,0\n-1,-2,1\n0.5,0.5,2\n3,-3,0\n");
        Dataset points =
                backprop.engine.data.CsvImport.parse(Files.readAllBytes(csv)).dataset();
        String imported = backprop.engine.data.ImportedSpec.print(
                backprop.engine.data.ImportedSpec.carry(SpecCodec.parseStrict(SPEC), points));
        Trainer reference = new Trainer(
                backprop.engine.data.ImportedSpec.parse(imported, points).spec(), points);
        reference.stepEpoch();
        reference.stepEpoch();
        String lines = train(imported, "--epochs", "2", "--data", csv.toString());
        assertTrue(lines.contains("\"fingerprint\":\"" + reference.fingerprint() + "\""), lines);
        UsageException missing = assertThrows(
                UsageException.class, () -> TrainCommand.run(new String[] {imported, "--epochs", "1"}, System.out));
        assertEquals("train: data=imported needs the points: --data FILE.csv", missing.getMessage());
    }

    @Test
    void exportTrainsOnTheFilesPoints() throws IOException {
        Path csv = file("points.csv", "x1,x2,label,split\n1,2,0,train\n-1,-2,1,train\n0.5,0.5,1,test\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportCommand.run(
                new String[] {SPEC, "--format", "numpy", "--data", csv.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        String script = out.toString(StandardCharsets.UTF_8);
        assertTrue(script.contains("# The 2 training points (x1, x2)"), script);
        assertTrue(script.contains("points = np.array([[1.0, 2.0], [-1.0, -2.0]])"), script);
    }

    @Test
    void notesGoToStderr() throws IOException {
        Path csv = file("wide.csv", "12,0,0\n-3,1,1\n");
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        ExportCommand.run(
                new String[] {SPEC, "--format", "numpy", "--data", csv.toString()},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(notes, true, StandardCharsets.UTF_8));
        assertEquals(
                "export: --data " + csv + ": note: coordinates reach 12, so all were scaled by 6/12 into [-6, 6]\n",
                notes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badFilesAreOneUsageLineNamingFileLineAndColumn() throws IOException {
        Path bad = file("bad.csv", "1,2,0\n1,x,1\n1,2\n");
        UsageException e = assertThrows(
                UsageException.class,
                () -> TrainCommand.run(new String[] {SPEC, "--epochs", "1", "--data", bad.toString()}, System.out));
        assertEquals(
                "train: --data " + bad + ": line 2, column 2: \"x\" is not a number (expected decimal digits, "
                        + "e.g. -1.25 or 3e-2) (and 1 more problem)",
                e.getMessage());
        Path threeClasses = file("three.csv", "0,0,0\n1,1,1\n2,2,2\n");
        UsageException classes = assertThrows(
                UsageException.class,
                () -> TrainCommand.run(
                        new String[] {SPEC, "--epochs", "1", "--data", threeClasses.toString()}, System.out));
        assertTrue(
                classes.getMessage().startsWith("train: the imported points have classes 0..2"), classes.getMessage());
        Path missing = dir.resolve("missing.csv");
        assertTrue(assertThrows(
                        UsageException.class,
                        () -> ExportCommand.run(
                                new String[] {SPEC, "--format", "numpy", "--data", missing.toString()}, System.out))
                .getMessage()
                .startsWith("export: --data " + missing + ": cannot read it"));
    }

    @Test
    void a50MegabyteFileIsRefusedByItsSizeUnread() throws IOException {
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        UsageException e = assertThrows(
                UsageException.class,
                () -> TrainCommand.run(new String[] {SPEC, "--epochs", "1", "--data", huge.toString()}, System.out));
        assertEquals(
                "train: --data " + huge
                        + ": the file is 52428800 bytes; an import is at most 4194304 bytes (2000 points)",
                e.getMessage());
    }
}
