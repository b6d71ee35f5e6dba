package backprop.ui.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentFileTest {
    private static final Dataset POINTS = CsvImport.parse(
                    "x1,x2,label\n1.5,-2,0\n-1,1.25,1\n3,3,2\n0.1,0.2,0\n-4,-4,1\n2,-5.5,2\n")
            .dataset();

    private static Trainer trained(Spec spec, Dataset points, int epochs) {
        Trainer run = new Trainer(spec, points);
        for (int e = 0; e < epochs; e++) {
            run.stepEpoch();
        }
        run.stepBatch();
        return run;
    }

    private static String problem(String text) {
        ExperimentFile.Result result = ExperimentFile.read(text);
        assertNull(result.opened(), "nothing is half-opened");
        assertFalse(result.problems().isEmpty());
        return String.join("\n", result.problems());
    }

    @Test
    void aTrainedRunOnImportedPointsOpensWithTheSameFingerprint() {
        Trainer run = trained(ImportedSpec.carry(SpecCodec.parseStrict("layers=5:relu&opt=adam"), POINTS), POINTS, 4);
        String file = ExperimentFile.write("Three clusters: \"mine\" ✓", run, new double[] {1, 0.5, 0.6});
        assertTrue(file.contains("\"format\": \"backprop-playground-experiment\""), file);
        assertTrue(file.contains("\"version\": 1"), file);
        ExperimentFile.Result result = ExperimentFile.read(file);
        assertEquals(List.of(), result.problems());
        ExperimentFile.Opened opened = result.opened();
        assertEquals("Three clusters: \"mine\" ✓", opened.title());
        assertEquals(POINTS, opened.dataset());
        assertEquals(ImportedSpec.print(run.spec()), opened.specText());
        assertEquals(run.fingerprint(), opened.run().fingerprint());
        assertEquals(run.iteration(), opened.run().iteration());
        run.stepEpoch();
        opened.run().stepEpoch();
        assertEquals(run.fingerprint(), opened.run().fingerprint(), "training goes on exactly");
    }

    @Test
    void anUntrainedRunOnItsOwnDataHasNoSnapshot() {
        Trainer run = new Trainer(Spec.defaults());
        String file = ExperimentFile.write("Default", run, new double[0]);
        assertTrue(file.contains("\"snapshot\": null"), file);
        assertTrue(file.contains("\"dataset\": null"), file);
        ExperimentFile.Opened opened = ExperimentFile.read(file).opened();
        assertEquals(Spec.DEFAULT_TEXT, opened.specText());
        assertNull(opened.snapshot());
        assertEquals(run.fingerprint(), opened.run().fingerprint());
    }

    @Test
    void damagedAndForeignFilesSayWhatIsWrong() {
        Trainer run = trained(Spec.defaults(), null, 1);
        String file = ExperimentFile.write("Spiral", run, new double[0]);
        assertTrue(problem(null).contains("not text"));
        assertTrue(problem("").contains("not valid JSON at character 1"));
        assertTrue(problem(file.substring(0, file.length() / 2)).contains("not valid JSON"));
        assertTrue(problem("[1,2]").contains("not valid JSON at character 1: expected '{'"));
        assertTrue(problem("{\"name\":\"package.json\"}").contains("its \"format\" is missing"));
        assertTrue(problem(file.replace("\"version\": 1", "\"version\": 7")).contains("newer version"));
        assertTrue(problem(file.replace("\"version\": 1", "\"version\": \"1\"")).contains("\"version\""));
        assertTrue(
                problem(file.replace("\"title\": \"Spiral\"", "\"title\": 3")).contains("\"title\": 3"));
        assertTrue(problem(file.replace("lr=0.03", "lr=-1")).contains("\"spec\": lr"));
        String fingerprint = run.fingerprint();
        String changed = file.replace(
                fingerprint,
                fingerprint.charAt(0) == '0' ? "1" + fingerprint.substring(1) : "0" + fingerprint.substring(1));
        assertTrue(problem(changed).contains("changed or damaged"));
        int snapshotAt = file.indexOf("\"snapshot\": \"") + 20;
        String brokenState = file.substring(0, snapshotAt) + "!!" + file.substring(snapshotAt + 2);
        assertTrue(problem(brokenState).contains("\"snapshot\""));
    }

    @Test
    void importedSpecWithoutItsPointsIsRefused() {
        Trainer run = trained(ImportedSpec.carry(Spec.defaults(), POINTS), POINTS, 1);
        String file = ExperimentFile.write("Imported", run, new double[0]);
        int start = file.indexOf("\"dataset\": ") + 11;
        int end = file.indexOf(",\n", start);
        assertTrue(
                problem(file.substring(0, start) + "null" + file.substring(end)).contains("not in the address"));
        String badCsv = file.substring(0, start) + "\"x1,x2,label\\n1,1,0\\n1,x,1\\n\"" + file.substring(end);
        assertTrue(problem(badCsv).contains("line 3, column 2"), problem(badCsv));
    }

    @Test
    void fileNamesComeFromTheTitle() {
        assertEquals(
                "spiral-with-two-tanh-layers.backprop.json", ExperimentFile.fileName("Spiral with two tanh layers!"));
        assertEquals("experiment.backprop.json", ExperimentFile.fileName("✓✓"));
    }

    @Test
    void exportFileNamesAndTypes() {
        assertEquals("backprop-AbCdE12345-numpy.py", ExportFormat.NUMPY.fileName("AbCdE12345"));
        assertEquals("backprop-experiment-points.csv", ExportFormat.CSV.fileName(null));
        assertEquals(ExportFormat.JSON, ExportFormat.fromFileSuffix("weights.json"));
        Trainer run = new Trainer(ImportedSpec.carry(Spec.defaults(), POINTS), POINTS);
        assertEquals(POINTS, CsvImport.parse(ExportFormat.CSV.write(run, 0)).dataset(), "imported points as imported");
    }
}
