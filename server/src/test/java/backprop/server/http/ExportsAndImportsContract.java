package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import backprop.server.experiments.ExperimentId;
import backprop.server.store.Storage;
import backprop.ui.files.ExportFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Imported points in saves (ids, answers, validation) and the API's exports, on a real port and a
 * real database; run once per database by its subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExportsAndImportsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Three classes, one point beyond the usual 2 decimals, a split column. */
    static final String CSV = "x1,x2,label,split\n"
            + "1.25,-0.5,0,train\n-2,3.125,1,train\n0.3333333333333333,-4,2,train\n4,4,0,test\n"
            + "-1,-1,1,train\n2.5,1.5,2,test\n-3,0.75,0,train\n0,2,1,train\n5.5,-5.5,2,train\n";

    private Storage storage;
    private Javalin app;

    abstract Storage openStorage() throws Exception;

    void closeDatabase() throws Exception {}

    @BeforeAll
    void start() throws Exception {
        storage = openStorage();
        app = App.create(storage, ServerConfig.defaults().withSaveLimitPerMinute(0))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (storage != null) {
            storage.close();
        }
        closeDatabase();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ObjectNode body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/experiments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String title(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Dataset dataset() {
        return CsvImport.parse(CSV).dataset();
    }

    /** A run on the imported points, trained some epochs. */
    private static Trainer importedRun(int epochs) {
        Dataset points = dataset();
        Trainer trainer =
                new Trainer(ImportedSpec.carry(SpecCodec.parseStrict("layers=6:tanh&lr=0.1"), points), points);
        for (int e = 0; e < epochs; e++) {
            trainer.stepEpoch();
        }
        return trainer;
    }

    private static ObjectNode importedSave(Trainer trainer, String title, boolean withState) {
        ObjectNode body = JSON.createObjectNode();
        body.put("spec", ImportedSpec.print(trainer.spec()));
        body.put("title", title);
        body.put("dataset", DatasetCsv.write(trainer.imported()));
        if (withState) {
            body.put(
                    "snapshot",
                    Base64.getEncoder().encodeToString(trainer.snapshot().toBytes()));
        }
        return body;
    }

    private String save(ObjectNode body) throws Exception {
        HttpResponse<String> response = post(body);
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("id").asText();
    }

    private JsonNode problems(ObjectNode body) throws Exception {
        HttpResponse<String> response = post(body);
        assertEquals(400, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("problems");
    }

    @Test
    void importedPointsAreSavedBitForBitAndHashedIntoTheId() throws Exception {
        Trainer trainer = importedRun(5);
        String title = title("Imported");
        ObjectNode body = importedSave(trainer, title, true);
        String id = save(body);
        byte[] snapshot = trainer.snapshot().toBytes();
        String spec = ImportedSpec.print(trainer.spec());
        assertEquals(ExperimentId.of(spec, title, "", snapshot, DatasetCsv.write(dataset())), id);
        assertNotEquals(ExperimentId.of(spec, title, "", snapshot), id, "the points are part of the content");

        JsonNode answer = JSON.readTree(get("/api/experiments/" + id).body());
        assertEquals(spec, answer.get("spec").asText());
        assertTrue(spec.contains("&data=imported&"), spec);
        assertEquals(DatasetCsv.write(dataset()), answer.get("dataset").asText());
        Dataset back = CsvImport.parse(answer.get("dataset").asText()).dataset();
        assertEquals(dataset(), back);
        Trainer resumed = Trainer.resume(
                ImportedSpec.parse(answer.get("spec").asText(), back).spec(),
                back,
                backprop.engine.train.Snapshot.fromBytes(
                        Base64.getDecoder().decode(answer.get("snapshot").asText())));
        assertEquals(trainer.fingerprint(), resumed.fingerprint());

        HttpResponse<byte[]> preview = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + app.port() + "/api/experiments/" + id + "/preview.png?size=64"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, preview.statusCode(), "the preview draws the imported points");
        assertEquals("image/png", preview.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> again = post(body);
        assertEquals(200, again.statusCode(), "the same content is the same experiment");
        assertEquals(id, JSON.readTree(again.body()).get("id").asText());
    }

    @Test
    void experimentsWithoutPointsKeepTheirIdsAndAnswers() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        String title = title("Plain");
        body.put("spec", Spec.DEFAULT_TEXT);
        body.put("title", title);
        String id = save(body);
        assertEquals(ExperimentId.of(Spec.DEFAULT_TEXT, title, "", null), id);
        assertEquals(ExperimentId.of(Spec.DEFAULT_TEXT, title, "", null, null), id);
        JsonNode answer = JSON.readTree(get("/api/experiments/" + id).body());
        assertFalse(answer.has("dataset"), answer.toString());
    }

    @Test
    void badPointsAreRefusedWholeNamingTheLine() throws Exception {
        Trainer trainer = importedRun(0);
        ObjectNode body = importedSave(trainer, title("Bad"), false);
        body.put("dataset", "x1,x2,label\n1,1,0\n2,abc,1\n");
        JsonNode problems = problems(body);
        assertEquals("dataset", problems.get(0).get("key").asText());
        assertTrue(problems.get(0).get("message").asText().contains("line 3, column 2"), problems.toString());

        body.put("dataset", "x1,x2,label\n1,1,0\n20,2,1\n");
        assertTrue(problems(body).get(0).get("message").asText().contains("scaled"), "nothing changed silently");

        ObjectNode missing = importedSave(trainer, title("Missing"), false);
        missing.remove("dataset");
        assertEquals("dataset", problems(missing).get(0).get("key").asText());

        ObjectNode notImported = importedSave(trainer, title("Not imported"), false);
        notImported.put("spec", Spec.DEFAULT_TEXT);
        assertEquals("spec", problems(notImported).get(0).get("key").asText());

        ObjectNode tooFewClasses = importedSave(trainer, title("Classes"), false);
        tooFewClasses.put("spec", ImportedSpec.print(trainer.spec()).replace("classes=3", "classes=2"));
        assertEquals("classes", problems(tooFewClasses).get(0).get("key").asText());
    }

    @Test
    void exportsAreDownloadsOfTheSavedState() throws Exception {
        Trainer trainer = importedRun(3);
        String id = save(importedSave(trainer, title("Exports"), true));
        for (ExportFormat format : ExportFormat.values()) {
            HttpResponse<String> response = get("/api/experiments/" + id + "/" + format.fileSuffix());
            assertEquals(200, response.statusCode(), format + ": " + response.body());
            assertEquals(
                    format.contentType(),
                    response.headers().firstValue("Content-Type").orElse(""));
            assertEquals(
                    "attachment; filename=\"backprop-" + id + "-" + format.fileSuffix() + "\"",
                    response.headers().firstValue("Content-Disposition").orElse(""));
            assertEquals(format.write(trainer, ExportFormat.DEFAULT_EPOCHS), response.body(), format.key());
        }
        String script = get("/api/experiments/" + id + "/numpy.py?epochs=7").body();
        assertTrue(script.contains("EPOCHS = 7\n"), script.substring(0, 400));
        assertTrue(script.contains("data=imported"), "the header names the experiment as the page does");
        JsonNode weights =
                JSON.readTree(get("/api/experiments/" + id + "/weights.json").body());
        assertEquals(trainer.fingerprint(), weights.get("fingerprint").asText());
    }

    @Test
    void theExportedPointsReadBackToTheSameDatasetAndFingerprint() throws Exception {
        Trainer trainer = importedRun(0);
        String id = save(importedSave(trainer, title("Round trip"), false));
        String csv = get("/api/experiments/" + id + "/points.csv").body();
        Dataset again = CsvImport.parse(csv).dataset();
        assertEquals(dataset(), again);
        Trainer retrained = new Trainer(trainer.spec(), again);
        Trainer original = importedRun(0);
        for (int e = 0; e < 4; e++) {
            retrained.stepEpoch();
            original.stepEpoch();
        }
        assertEquals(original.fingerprint(), retrained.fingerprint());
    }

    @Test
    void generatedPointsExportWithTheirSplit() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("spec", "v=1&data=gauss&classes=3&n=40&layers=4:relu");
        body.put("title", title("Generated"));
        String id = save(body);
        Dataset points = CsvImport.parse(
                        get("/api/experiments/" + id + "/points.csv").body())
                .dataset();
        assertEquals(40, points.size());
        assertTrue(points.hasSplit());
        Spec spec = SpecCodec.parseStrict(body.get("spec").asText());
        assertEquals(new Trainer(spec).fingerprint(), new Trainer(spec, points).fingerprint());
    }

    @Test
    void badExportRequestsSayWhatIsAllowed() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("spec", "v=1&layers=4:mul_x_sigmoid");
        body.put("title", title("Composed"));
        String id = save(body);
        HttpResponse<String> torch = get("/api/experiments/" + id + "/pytorch.py");
        assertEquals(422, torch.statusCode(), torch.body());
        assertTrue(torch.body().contains("export it as numpy"), torch.body());
        assertEquals(200, get("/api/experiments/" + id + "/numpy.py").statusCode());

        ObjectNode normalized = JSON.createObjectNode();
        normalized.put("spec", "v=1&layers=4:relu:bn");
        normalized.put("title", title("Batch norm"));
        String bnId = save(normalized);
        HttpResponse<String> numpy = get("/api/experiments/" + bnId + "/numpy.py");
        assertEquals(200, numpy.statusCode(), "both write batch norm out");
        assertTrue(numpy.body().contains("def forward(x, training=False):"), numpy.body());
        HttpResponse<String> bnTorch = get("/api/experiments/" + bnId + "/pytorch.py");
        assertEquals(200, bnTorch.statusCode(), bnTorch.body());
        assertTrue(bnTorch.body().contains("class BatchNorm(nn.Module):"), bnTorch.body());

        HttpResponse<String> zero = get("/api/experiments/" + id + "/numpy.py?epochs=0");
        assertEquals(400, zero.statusCode());
        assertTrue(zero.body().contains("epochs: 0 is out of range; allowed: an integer from 1 to"), zero.body());
        assertEquals(400, get("/api/experiments/" + id + "/numpy.py?epochs=ten").statusCode());
        assertEquals(400, get("/api/experiments/" + id + "/points.csv?epochs=3").statusCode());
        assertEquals(404, get("/api/experiments/AAAAAAAAAA/numpy.py").statusCode());
    }
}
