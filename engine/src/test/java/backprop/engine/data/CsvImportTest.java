package backprop.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvImportTest {

    private static Dataset ok(String text) {
        CsvImport.Result result = CsvImport.parse(text);
        assertEquals(List.of(), result.problems());
        assertTrue(result.ok());
        return result.dataset();
    }

    /** The one problem of a bad input, as the user reads it. */
    private static String problem(String text) {
        return problem(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String problem(byte[] bytes) {
        CsvImport.Result result = CsvImport.parse(bytes);
        assertNull(result.dataset(), "nothing is half-loaded");
        assertFalse(result.problems().isEmpty());
        return result.problems().get(0).toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "v=1&data=spiral&classes=3&n=300&noise=20&split=70&seed=5",
                "v=1&data=gauss&classes=6&n=2000&noise=50&split=10&seed=2147483647",
                "v=1&data=plane&n=200&noise=30&split=50&seed=9&loss=mse",
                "v=1&data=multigauss&n=100&noise=0&split=90&seed=0&loss=mse",
                "v=1&data=custom&n=3&points=1.5,-2,0;0.25,4,1;-6,6,1"
            })
    void exportingAndImportingGivesTheSameDatasetTextAndTraining(String text) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(text));
        Dataset exported = Dataset.of(trainer.data(), trainer.spec().data().isRegression());
        String csv = DatasetCsv.write(exported);
        Dataset imported = ok(csv);
        assertEquals(exported, imported);
        assertEquals(csv, DatasetCsv.write(imported));
        DataSplit split = imported.split(50, new Rng(1));
        assertTrue(java.util.Arrays.equals(trainer.data().trainX(), split.trainX()));
        assertTrue(java.util.Arrays.equals(trainer.data().testLabel(), split.testLabel()));
        assertTrue(java.util.Arrays.equals(trainer.data().testTarget(), split.testTarget()));
        Trainer onImport = new Trainer(trainer.spec(), imported);
        for (int epoch = 0; epoch < 3; epoch++) {
            trainer.stepEpoch();
            onImport.stepEpoch();
        }
        assertEquals(trainer.fingerprint(), onImport.fingerprint());
        assertEquals(trainer.evaluate(), onImport.evaluate());
    }

    @Test
    void aTrainerTakesImportedPointsOfItsKindAndClasses() {
        Dataset threeClasses = ok("0,0,0\n1,1,1\n2,2,2\n3,3,0\n");
        Trainer trainer = new Trainer(SpecCodec.parseStrict("v=1&data=gauss&classes=3&split=50"), threeClasses);
        assertEquals(2, trainer.data().trainSize());
        IllegalArgumentException tooFew = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new Trainer(SpecCodec.parseStrict("v=1&data=circle"), threeClasses));
        assertTrue(tooFew.getMessage().contains("classes=3"), tooFew.getMessage());
        IllegalArgumentException kind = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new Trainer(SpecCodec.parseStrict("v=1&data=plane&loss=mse"), threeClasses));
        assertTrue(kind.getMessage().contains("data=plane is a regression set"), kind.getMessage());
    }

    @Test
    void theHeaderIsOptionalAndTheKindFollowsTheThirdColumn() {
        Dataset classes = ok("0.5,1,1\n-2,3.25,0\n");
        assertFalse(classes.regression());
        assertEquals(2, classes.classes());
        assertFalse(classes.hasSplit());
        Dataset targets = ok("0.5,1,1.5\n-2,3.25,0\n");
        assertTrue(targets.regression());
        assertEquals(1.5, targets.target(0));
        Dataset named = ok("x,y,target\n0.5,1,1\n-2,3.25,0\n");
        assertTrue(named.regression());
        Dataset split = ok("\uFEFFx1, x2, class, split\r\n\"1\",2,0,train\r\n\r\n3,4,1,TEST\r\n");
        assertEquals(Dataset.Split.TEST, split.split(1));
        assertEquals(3.0, split.x1(1));
    }

    @Test
    void pointsOutsideThePlaneAreScaledTogetherAndSaidSo() {
        CsvImport.Result result = CsvImport.parse("12,-3,0\n-24,6,1\n0,0,1\n");
        assertEquals(List.of("coordinates reach 24, so all were scaled by 6/24 into [-6, 6]"), result.notes());
        Dataset d = result.dataset();
        assertEquals(3.0, d.x1(0));
        assertEquals(-0.75, d.x2(0));
        assertEquals(-6.0, d.x1(1));
        assertEquals(0.0, d.x1(2));
    }

    @Test
    void labelsOutside0To5AreRenumberedInOrder() {
        CsvImport.Result result = CsvImport.parse("1,1,-1\n2,2,1\n3,3,-1\n");
        assertEquals(List.of("classes renumbered 0..1: -1 -> 0, 1 -> 1"), result.notes());
        assertEquals(0, result.dataset().label(0));
        assertEquals(1, result.dataset().label(1));
        assertEquals(List.of(), CsvImport.parse("1,1,1\n2,2,2\n").notes(), "labels 0..5 are kept");
        assertEquals(3, CsvImport.parse("1,1,1\n2,2,2\n").dataset().classes());
    }

    @Test
    void everyBadInputNamesItsLineAndColumn() {
        assertEquals("line 2: 2 columns; expected 3 like the first row", problem("1,2,0\n3,4\n"));
        assertEquals(
                "line 1: the first row has 5 columns; expected 3 (x1, x2, label or target) or 4 (and split), "
                        + "separated by commas",
                problem("1,2,0,1,1\n"));
        assertEquals(
                "line 1: the header has 1 column; expected 3 (x1, x2, label or target) or 4 (and split), "
                        + "separated by commas",
                problem("x1;x2;label\n1;2;0\n"));
        assertEquals(
                "line 3, column 2: \"abc\" is not a number (expected decimal digits, e.g. -1.25 or 3e-2)",
                problem("x1,x2,label\n1,2,0\n1,abc,1\n"));
        assertEquals(
                "line 2, column 1: NaN is not allowed; every value must be a finite number",
                problem("1,2,0\nNaN,2,1\n"));
        assertEquals(
                "line 1, column 3: \"-Infinity\": infinities are not allowed; every value must be a finite number",
                problem("1,2,-Infinity\n"));
        assertEquals("line 1, column 1: \"1e999\" is beyond the largest double", problem("1e999,2,0\n"));
        assertEquals("line 2, column 2: empty; expected a number", problem("1,2,0\n1,,1\n"));
        assertEquals(
                "line 1, column 3: header \"colour\" is not label or class (classification) or target or value "
                        + "(regression)",
                problem("x,y,colour\n1,2,0\n"));
        assertEquals(
                "line 2, column 4: \"validation\" is not train or test",
                problem("x1,x2,label,split\n1,2,0,validation\n"));
        assertEquals(
                "line 2, column 3: 1.5 is not a whole number; a class is 0..5 (name the column target for "
                        + "regression)",
                problem("x1,x2,label\n1,2,1.5\n2,2,0\n"));
        assertEquals(
                "line 7, column 3: a 7th distinct class (6); at most 6 (name the column target for regression)",
                problem("0,0,0\n0,0,1\n0,0,2\n0,0,3\n0,0,4\n0,0,5\n0,0,6\n"));
        assertEquals("column 3: every point has class 1; a classifier needs 2 to 6 classes", problem("0,0,1\n1,1,1\n"));
        assertEquals(
                "column 4: no row has split train; training needs at least one", problem("0,0,1,test\n1,1,0,test\n"));
    }

    @Test
    void emptyHugeBinaryAndForeignFilesAreRefusedWhole() {
        assertEquals("the file is empty", problem(new byte[0]));
        assertEquals("the file has no points (no data rows)", problem("\n  \n"));
        assertEquals("the file has no points (no data rows after the header)", problem("x1,x2,label\n"));
        assertEquals(
                "the file is 52428800 bytes; an import is at most 4194304 bytes (2000 points)",
                problem(new byte[50 * 1024 * 1024]));
        assertEquals(
                "line 2: a NUL byte at character 3: this is a binary file, not CSV text",
                problem(new byte[] {'1', ',', '2', ',', '0', '\n', '1', ',', 0, '2'}));
        assertEquals(
                "line 1: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 or ASCII",
                problem("x1,x2,label\n".getBytes(StandardCharsets.UTF_16)));
        assertTrue(
                problem("x1,x2,cl\u00e9\n").startsWith("line 1: byte 0xE9 at character 9 is not ASCII"),
                "Latin-1 is refused");
        CsvImport.Result pasted = CsvImport.parse("1,2,0\n1,2,\u00e9t\u00e9\n");
        assertEquals(
                "line 2: '\u00e9' (U+00E9) at character 5 is not ASCII: a CSV of points holds numbers, names and "
                        + "train/test only",
                pasted.problems().get(0).toString());
    }

    @Test
    void moreThan2000PointsAreRefusedAtTheFirstExtraLine() {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int k = 0; k < CsvImport.MAX_POINTS; k++) {
            csv.append(k % 7).append(",1,").append(k % 2).append('\n');
        }
        assertEquals(CsvImport.MAX_POINTS, ok(csv.toString()).size());
        assertEquals("line 2002: more than 2000 points; an import holds at most 2000", problem(csv + "1,1,1\n"));
    }

    @Test
    void problemsAreCollectedUpToTheCap() {
        StringBuilder csv = new StringBuilder();
        for (int k = 0; k < 50; k++) {
            csv.append("x,1,0\n");
        }
        CsvImport.Result result = CsvImport.parse("1,1,0\n" + csv);
        assertEquals(CsvImport.MAX_PROBLEMS, result.problems().size());
    }
}
