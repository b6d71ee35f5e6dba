package backprop.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.export.NumpyExport;
import backprop.engine.export.PytorchExport;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExportCommandTest {
    private static final String SPEC = "data=circle&n=100&layers=4:tanh";

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ExportCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String usageError(String... args) {
        UsageException e = assertThrows(UsageException.class, () -> ExportCommand.run(args, System.out));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("export: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void printsTheNumpyScriptOfTheSpecsInitialWeightsFor100EpochsByDefault() {
        String script = run(SPEC, "--format", "numpy");
        assertEquals(NumpyExport.script(new Trainer(SpecCodec.parseStrict(SPEC)), 100), script);
        assertTrue(script.contains("EPOCHS = 100\n"), script);
    }

    @Test
    void takesTheEpochCountAndThePytorchFormat() {
        assertTrue(run(SPEC, "--format", "numpy", "--epochs", "7").contains("EPOCHS = 7\n"));
        assertEquals(
                PytorchExport.script(new Trainer(SpecCodec.parseStrict(SPEC)), 20),
                run(SPEC, "--epochs", "20", "--format", "pytorch"));
    }

    @Test
    void printsThePointsAsCsvAndTheWeightsAsJson() throws Exception {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(SPEC));
        String csv = run(SPEC, "--format", "csv");
        assertTrue(csv.startsWith("x1,x2,label,split\n"), csv);
        assertEquals(101, csv.split("\n").length);
        assertEquals(
                backprop.engine.data.Dataset.of(trainer.data(), false),
                backprop.engine.data.CsvImport.parse(csv).dataset());
        com.fasterxml.jackson.databind.JsonNode json =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(run(SPEC, "--format", "json"));
        assertEquals(trainer.fingerprint(), json.get("fingerprint").asText());
        assertEquals(2, json.get("layers").size());
        assertEquals("tanh", json.get("layers").get(0).get("activation").asText());
        assertEquals(
                trainer.network().parameters()[0],
                json.get("layers").get(0).get("weights").get(0).get(0).asDouble());
        assertEquals(4, json.get("layers").get(0).get("weights").size());
        assertTrue(usageError(SPEC, "--format", "json", "--epochs", "3").contains("--epochs applies"));
    }

    @Test
    void badInputIsAOneLineMessageNamingTheProblem() {
        assertTrue(usageError().contains("usage"));
        assertTrue(usageError("lr=abc", "--format", "numpy").contains("lr"));
        assertTrue(usageError(SPEC).contains("--format"));
        assertTrue(usageError(SPEC, "--format", "tensorflow").contains("\"tensorflow\""));
        assertTrue(usageError(SPEC, "--format").contains("--format needs a value"));
        assertTrue(usageError(SPEC, "--format", "numpy", "--epochs", "0").contains("1 to"));
        assertTrue(usageError(SPEC, "--format", "numpy", "--epochs", "x").contains("\"x\""));
        assertTrue(usageError(SPEC, "--format", "numpy", "--every", "2").contains("--every"));
        String composed = usageError("layers=4:sigmul_bx_x_1", "--format", "pytorch");
        assertTrue(composed.contains("hidden layer 1") && composed.contains("sigmul_bx_x_1"), composed);
    }
}
