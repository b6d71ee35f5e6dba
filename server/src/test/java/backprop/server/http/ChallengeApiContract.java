package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecNumbers;
import backprop.engine.train.Trainer;
import backprop.server.challenges.ChallengeContent;
import backprop.server.experiments.ExperimentId;
import backprop.server.store.Storage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The challenge API and pages on a real port and a real database, once per database: create,
 * read, submit and verify, refuse forged claims, locks and constraints, the budget, and the pages;
 * challenges on imported points and their attempts; challenges and attempts in the storage quota.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChallengeApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** XOR, no hidden layer: the product feature x1x2 solves it. */
    static final String START = "v=1&data=xor&seed=3&features=x1,x2&layers=&lr=0.1";

    static final String SOLUTION = "v=1&data=xor&seed=3&features=x1x2&layers=&lr=0.1";

    private Storage storage;
    private Javalin app;

    abstract Storage openStorage() throws Exception;

    /** A second, empty database of the same kind whose storage quota is {@code quotaBytes}. */
    abstract Storage openQuotaStorage(long quotaBytes) throws Exception;

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

    private String base() {
        return "http://127.0.0.1:" + app.port();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static ObjectNode challenge(String title) {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title);
        body.put("instructions", "Reach the goal without a hidden layer.\n\nHint: https://example.org/xor");
        body.put("spec", START);
        body.putArray("locked").add("lr").add("data").add("seed");
        ObjectNode constraints = body.putObject("constraints");
        constraints.put("maxHiddenLayers", 0);
        constraints.putArray("features").add("x1").add("x2").add("x1x2");
        ObjectNode goal = body.putObject("goal");
        goal.put("metric", "testAccuracy");
        goal.put("atLeast", 0.95);
        goal.put("byEpoch", 50);
        return body;
    }

    private String create(ObjectNode body) throws Exception {
        HttpResponse<String> created = send("POST", "/api/challenges", body.toString());
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asText();
    }

    private static String unique(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static List<String> problemKeys(JsonNode answer) {
        List<String> keys = new ArrayList<>();
        answer.path("problems").forEach(p -> keys.add(p.get("key").asText()));
        return keys;
    }

    static Trainer trained(String spec, int epochs) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(spec));
        for (int i = 0; i < epochs; i++) {
            trainer.stepEpoch();
        }
        return trainer;
    }

    @Test
    void aChallengeIsContentAddressedAndReadBackUnchanged() throws Exception {
        ObjectNode body = challenge(unique("XOR"));
        String id = create(body);
        assertTrue(id.matches("[0-9A-Za-z]{10}"), id);
        HttpResponse<String> again = send("POST", "/api/challenges", body.toString());
        assertEquals(200, again.statusCode());
        assertEquals(id, json(again).get("id").asText());
        HttpResponse<String> read = send("GET", "/api/challenges/" + id, null);
        assertEquals(200, read.statusCode());
        JsonNode saved = json(read);
        assertEquals(base() + "/c/" + id, saved.get("url").asText());
        assertEquals(
                SpecCodec.print(SpecCodec.parseStrict(START)), saved.get("spec").asText());
        assertEquals("[\"data\",\"seed\",\"lr\"]", saved.get("locked").toString()); // the spec's key order
        assertEquals(
                "{\"maxHiddenLayers\":0,\"features\":[\"x1\",\"x2\",\"x1x2\"]}",
                saved.get("constraints").toString());
        assertEquals(
                "{\"metric\":\"testAccuracy\",\"atLeast\":0.95,\"byEpoch\":50}",
                saved.get("goal").toString());
        assertTrue(read.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
        ObjectNode changed = body.deepCopy();
        changed.put("instructions", "Other words.");
        assertFalse(id.equals(create(changed)), "other content, another id");
        assertEquals(404, send("GET", "/api/challenges/NoSuchId00", null).statusCode());
    }

    @Test
    void badChallengesAreRefusedNamingEachField() throws Exception {
        ObjectNode contradiction = challenge(unique("contradiction"));
        contradiction.put("spec", "v=1&data=xor&layers=4:tanh");
        HttpResponse<String> refused = send("POST", "/api/challenges", contradiction.toString());
        assertEquals(400, refused.statusCode());
        assertEquals(List.of("constraints"), problemKeys(json(refused)));
        assertTrue(json(refused).get("error").asText().startsWith("the challenge was not saved"));

        ObjectNode unreachable = challenge(unique("unreachable"));
        ((ObjectNode) unreachable.get("goal")).put("atLeast", 1.2);
        ((ObjectNode) unreachable.get("goal")).put("byEpoch", 0);
        assertEquals(
                List.of("goal.atLeast", "goal.byEpoch"),
                problemKeys(json(send("POST", "/api/challenges", unreachable.toString()))));

        ObjectNode tooLong = challenge(unique("long"));
        tooLong.put("instructions", "x".repeat(8001));
        tooLong.putArray("locked").add("nonsense");
        tooLong.put("colour", "red");
        JsonNode answer = json(send("POST", "/api/challenges", tooLong.toString()));
        assertEquals(List.of("colour", "instructions", "locked"), problemKeys(answer));
        assertTrue(answer.get("problems")
                .get(1)
                .get("allowed")
                .asText()
                .contains("0 to 8000 characters of plain text; this one has 8001"));

        ObjectNode noGoal = challenge(unique("no goal"));
        noGoal.remove("goal");
        assertEquals(List.of("goal"), problemKeys(json(send("POST", "/api/challenges", noGoal.toString()))));
    }

    @Test
    void anAttemptIsVerifiedOnTheServerAndStoredWithWhatItMeasured() throws Exception {
        String id = create(challenge(unique("verify")));
        Trainer local = trained(SOLUTION, 30);
        ObjectNode attempt = JSON.createObjectNode();
        attempt.put("spec", SOLUTION);
        attempt.put("epoch", 30);
        ObjectNode claim = attempt.putObject("claim");
        claim.put("value", local.evaluate().testAccuracy());
        claim.put("fingerprint", local.fingerprint());
        HttpResponse<String> submitted = send("POST", "/api/challenges/" + id + "/attempts", attempt.toString());
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonNode answer = json(submitted);
        assertTrue(answer.get("meetsGoal").asBoolean(), submitted.body());
        assertEquals(local.evaluate().testAccuracy(), answer.get("metric").asDouble());
        assertEquals(30, answer.get("epoch").asInt());
        assertEquals(local.fingerprint(), answer.get("fingerprint").asText());
        String url = answer.get("url").asText();
        assertTrue(url.startsWith(base() + "/c/" + id + "/a/"), url);

        HttpResponse<String> page = send("GET", url.substring(base().length()), null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Verified: meets the goal at epoch 30"), page.body());
        assertTrue(page.body().contains(local.fingerprint()));
        assertTrue(page.body().contains("data-attempt-epoch=\"30\""));

        ObjectNode naive = JSON.createObjectNode();
        naive.put("spec", START);
        naive.put("epoch", 50);
        JsonNode start = json(send("POST", "/api/challenges/" + id + "/attempts", naive.toString()));
        assertFalse(start.get("meetsGoal").asBoolean(), start.toString());
        assertEquals(
                trained(START, 50).evaluate().testAccuracy(),
                start.get("metric").asDouble());
    }

    @Test
    void aForgedClaimIsRefusedWithTheNumbersThatDiffer() throws Exception {
        String id = create(challenge(unique("forged")));
        Trainer local = trained(START, 20);
        ObjectNode attempt = JSON.createObjectNode();
        attempt.put("spec", START);
        attempt.put("epoch", 20);
        ObjectNode claim = attempt.putObject("claim");
        claim.put("value", 0.99);
        claim.put("fingerprint", "0123456789abcdef");
        HttpResponse<String> refused = send("POST", "/api/challenges/" + id + "/attempts", attempt.toString());
        assertEquals(422, refused.statusCode(), refused.body());
        JsonNode answer = json(refused);
        assertEquals(List.of("claim.value", "claim.fingerprint"), problemKeys(answer));
        String allowed = answer.get("problems").get(0).get("allowed").asText();
        assertTrue(
                allowed.contains(
                                Double.toString(local.evaluate().testAccuracy()).replace("E", ""))
                        || allowed.contains("testAccuracy = "),
                allowed);
        assertTrue(answer.get("problems").get(1).get("allowed").asText().endsWith(local.fingerprint()));
    }

    @Test
    void locksConstraintsAndTheEpochLimitAreEnforced() throws Exception {
        String id = create(challenge(unique("locks")));
        ObjectNode attempt = JSON.createObjectNode();
        attempt.put("spec", "v=1&data=xor&seed=3&features=x1,x2,sinx1&layers=4:relu&lr=0.3");
        attempt.put("epoch", 60);
        HttpResponse<String> refused = send("POST", "/api/challenges/" + id + "/attempts", attempt.toString());
        assertEquals(422, refused.statusCode());
        assertEquals(List.of("lr", "layers", "features", "epoch"), problemKeys(json(refused)));

        ObjectNode broken = JSON.createObjectNode();
        broken.put("spec", "v=1&lr=abc");
        HttpResponse<String> malformed = send("POST", "/api/challenges/" + id + "/attempts", broken.toString());
        assertEquals(400, malformed.statusCode());
        assertEquals(List.of("lr", "epoch"), problemKeys(json(malformed)));
    }

    @Test
    void verificationOverItsBudgetIsRefused() throws Exception {
        ObjectNode big = challenge(unique("budget"));
        big.put("spec", "v=1&data=spiral&n=2000&split=90&layers=32:relu,32:relu,32:relu&seed=2");
        big.remove("constraints");
        big.putArray("locked");
        ((ObjectNode) big.get("goal")).put("byEpoch", 10000);
        String id = create(big);
        ObjectNode attempt = JSON.createObjectNode();
        attempt.put("spec", "v=1&data=spiral&n=2000&split=90&layers=32:relu,32:relu,32:relu&seed=2");
        attempt.put("epoch", 10000);
        HttpResponse<String> refused = send("POST", "/api/challenges/" + id + "/attempts", attempt.toString());
        assertEquals(422, refused.statusCode());
        assertTrue(json(refused).get("error").asText().contains("budget"), refused.body());
    }

    @Test
    void attemptsAnswerSandboxedEmbedsAndTheirPreflight() throws Exception {
        String id = create(challenge(unique("cors")));
        HttpResponse<String> preflight = send(
                "OPTIONS",
                "/api/challenges/" + id + "/attempts",
                null,
                "Origin",
                "null",
                "Access-Control-Request-Method",
                "POST");
        assertEquals(204, preflight.statusCode());
        assertEquals(
                "*",
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        ObjectNode attempt = JSON.createObjectNode();
        attempt.put("spec", START);
        attempt.put("epoch", 5);
        HttpResponse<String> fromEmbed =
                send("POST", "/api/challenges/" + id + "/attempts", attempt.toString(), "Origin", "null");
        assertEquals(201, fromEmbed.statusCode(), fromEmbed.body());
        assertEquals(
                "*",
                fromEmbed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        HttpResponse<String> foreignCreate =
                send("POST", "/api/challenges", challenge(unique("x")).toString(), "Origin", "https://evil.example");
        assertEquals(403, foreignCreate.statusCode());
    }

    @Test
    void theGalleryLinksBuiltInChallengesStoredWhenFirstOpened() throws Exception {
        HttpResponse<String> gallery = send("GET", "/challenges", null);
        assertEquals(200, gallery.statusCode());
        for (backprop.server.challenges.Gallery.Entry entry : backprop.server.challenges.Gallery.ENTRIES) {
            assertTrue(
                    gallery.body().contains("href=\"/c/" + entry.id() + "\""),
                    entry.content().title());
        }
        backprop.server.challenges.Gallery.Entry xor = backprop.server.challenges.Gallery.ENTRIES.get(0);
        assertEquals(200, send("GET", "/c/" + xor.id(), null).statusCode());
        ObjectNode attempt = JSON.createObjectNode();
        attempt.put("spec", xor.solution());
        attempt.put("epoch", xor.solutionEpoch());
        JsonNode answer = json(send("POST", "/api/challenges/" + xor.id() + "/attempts", attempt.toString()));
        assertTrue(answer.get("meetsGoal").asBoolean(), answer.toString());
    }

    @Test
    void theStudentPageCarriesTheRulesAndEscapedInstructions() throws Exception {
        ObjectNode body = challenge(unique("page"));
        body.put("instructions", "Use <b>one</b> feature.\n\nSee https://example.org/x");
        String id = create(body);
        HttpResponse<String> page = send("GET", "/c/" + id, null);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("data-challenge-id=\"" + id + "\""));
        assertTrue(
                html.contains("data-rules=\"locked=data,seed,lr&amp;maxHiddenLayers=0&amp;features=x1,x2,x1x2"
                        + "&amp;metric=testAccuracy&amp;atLeast=0.95&amp;byEpoch=50\""),
                html);
        assertTrue(html.contains("<p>Use &lt;b&gt;one&lt;/b&gt; feature.</p><p>See <a href=\"https://example.org/x\""));
        assertTrue(html.contains("Goal: test accuracy at least 0.95 by epoch 50"));
        assertTrue(html.contains("data-testid=\"challenge-submit\""));
        assertFalse(html.contains("data-testid=\"challenge-create\""));
        HttpResponse<String> embed = send("GET", "/embed/c/" + id + "?show=output", null);
        assertEquals(200, embed.statusCode());
        assertFalse(embed.headers().firstValue("X-Frame-Options").isPresent());
        assertEquals(404, send("GET", "/c/NoSuchId00", null).statusCode());
        assertEquals(404, send("GET", "/c/" + id + "/a/NoSuchId00", null).statusCode());
        assertTrue(send("GET", "/", null).body().contains("data-testid=\"challenge-create\""));
    }

    /** A small XOR on a grid, imported points as canonical CSV: label 1 where x1·x2 > 0. */
    static String xorPoints(int n) {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < n; i++) {
            double x1 = (i % 8) - 3.5;
            double x2 = (i / 8 % 7) * 1.5 - 4.25;
            csv.append(SpecNumbers.formatReal(x1))
                    .append(',')
                    .append(SpecNumbers.formatReal(x2))
                    .append(',')
                    .append(x1 * x2 > 0 ? 1 : 0)
                    .append('\n');
        }
        return csv.toString();
    }

    static final String IMPORTED_START = "v=1&data=imported&classes=2&seed=3&features=x1,x2&layers=&lr=0.1";
    static final String IMPORTED_SOLUTION = "v=1&data=imported&classes=2&seed=3&features=x1x2&layers=&lr=0.1";

    static ObjectNode importedChallenge(String title, String points, boolean lockData) {
        ObjectNode body = challenge(title);
        body.put("spec", IMPORTED_START);
        body.put("dataset", points);
        ArrayNode locked = body.putArray("locked").add("lr").add("seed");
        if (lockData) {
            locked.add("data");
        }
        ((ObjectNode) body.get("constraints")).put("maxPoints", 48);
        ((ObjectNode) body.get("goal")).put("atLeast", 0.9);
        return body;
    }

    /** The run on imported points as the page and the server make it. */
    static Trainer trainedOn(String spec, String points, int epochs) {
        Dataset dataset = CsvImport.parse(points).dataset();
        Trainer trainer = new Trainer(ImportedSpec.parse(spec, dataset).spec(), dataset);
        for (int i = 0; i < epochs; i++) {
            trainer.stepEpoch();
        }
        return trainer;
    }

    private HttpResponse<String> submit(String id, String spec, int epoch, String points) throws Exception {
        ObjectNode attempt = JSON.createObjectNode();
        attempt.put("spec", spec);
        attempt.put("epoch", epoch);
        if (points != null) {
            attempt.put("dataset", points);
        }
        return send("POST", "/api/challenges/" + id + "/attempts", attempt.toString());
    }

    @Test
    void aChallengeOnImportedPointsCarriesThemAndItsAttemptsAreVerifiedOnThem() throws Exception {
        String points = xorPoints(40);
        ObjectNode body = importedChallenge(unique("imported"), points, true);
        String id = create(body);
        JsonNode saved = json(send("GET", "/api/challenges/" + id, null));
        assertTrue(saved.get("spec").asText().contains("data=imported"), saved.toString());
        assertEquals(points, saved.get("dataset").asText());
        List<String> fields = new ArrayList<>();
        saved.fieldNames().forEachRemaining(fields::add);
        assertEquals(
                List.of(
                        "id",
                        "url",
                        "title",
                        "instructions",
                        "spec",
                        "dataset",
                        "locked",
                        "constraints",
                        "goal",
                        "createdAt"),
                fields);
        assertEquals(
                ExperimentId.ofText(ChallengeContent.fromStored(JSON.writeValueAsString(stripped(saved)))
                        .canonicalJson()),
                id,
                "the id hashes the canonical JSON, the points included");
        ObjectNode otherPoints = body.deepCopy();
        otherPoints.put("dataset", xorPoints(39));
        assertFalse(id.equals(create(otherPoints)), "other points, another id");

        // The first epoch boundary that meets the goal, found by a JVM loop, is what the server verifies.
        int first = -1;
        Trainer local = trainedOn(IMPORTED_SOLUTION, points, 0);
        while (local.epoch() < 50) {
            local.stepEpoch();
            if (local.evaluate().testAccuracy() >= 0.9) {
                first = local.epoch();
                break;
            }
        }
        assertTrue(first > 0, "the solution reaches the goal by epoch 50");
        HttpResponse<String> submitted = submit(id, IMPORTED_SOLUTION, first, null);
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonNode answer = json(submitted);
        assertTrue(answer.get("meetsGoal").asBoolean(), submitted.body());
        assertEquals(local.evaluate().testAccuracy(), answer.get("metric").asDouble());
        assertEquals(local.fingerprint(), answer.get("fingerprint").asText());
        assertEquals(
                answer.get("id").asText(),
                json(submit(id, IMPORTED_SOLUTION, first, points)).get("id").asText(),
                "sending the challenge's own points is the same attempt");
        JsonNode stored = json(send(
                "GET", "/api/challenges/" + id + "/attempts/" + answer.get("id").asText(), null));
        assertEquals(points, stored.get("dataset").asText(), "the points it trained on: the challenge's");
        assertFalse(json(submit(id, IMPORTED_START, 50, null)).get("meetsGoal").asBoolean(), "the naive start");

        String page = send("GET", "/c/" + id, null).body();
        assertTrue(page.contains("data-points=\"/api/challenges/" + id + "\""), page);
        String attemptPage = send("GET", "/c/" + id + "/a/" + answer.get("id").asText(), null)
                .body();
        assertTrue(
                attemptPage.contains("data-points=\"/api/challenges/" + id + "/attempts/"
                        + answer.get("id").asText() + "\""),
                attemptPage);
        assertFalse(send("GET", "/c/" + create(challenge(unique("own data"))), null)
                .body()
                .contains("data-points"));

        HttpResponse<String> otherData = submit(id, IMPORTED_SOLUTION, first, xorPoints(32));
        assertEquals(422, otherData.statusCode(), otherData.body());
        assertEquals(List.of("dataset"), problemKeys(json(otherData)));
        assertTrue(
                json(otherData).get("problems").get(0).get("allowed").asText().contains("locked by the challenge"));
        HttpResponse<String> generated = submit(id, "v=1&data=xor&seed=3&features=x1x2&layers=&lr=0.1", first, null);
        assertEquals(422, generated.statusCode(), generated.body());
        assertEquals(List.of("data", "n"), problemKeys(json(generated)), "generated data, and 500 of it");
    }

    /** The saved challenge's fields without id, url and createdAt: its content. */
    private static ObjectNode stripped(JsonNode saved) {
        ObjectNode content = saved.deepCopy();
        content.remove(List.of("id", "url", "createdAt"));
        return content;
    }

    @Test
    void unlockedDataTakesTheStudentsOwnPointsWithinMaxPoints() throws Exception {
        String id = create(importedChallenge(unique("unlocked"), xorPoints(40), false));
        String own = xorPoints(32);
        HttpResponse<String> submitted = submit(id, IMPORTED_SOLUTION, 10, own);
        assertEquals(201, submitted.statusCode(), submitted.body());
        Trainer local = trainedOn(IMPORTED_SOLUTION, own, 10);
        assertEquals(local.fingerprint(), json(submitted).get("fingerprint").asText(), "trained on its own points");
        String attemptId = json(submitted).get("id").asText();
        assertEquals(
                own,
                json(send("GET", "/api/challenges/" + id + "/attempts/" + attemptId, null))
                        .get("dataset")
                        .asText());
        assertFalse(
                attemptId.equals(
                        json(submit(id, IMPORTED_SOLUTION, 10, null)).get("id").asText()),
                "other points, another attempt");

        HttpResponse<String> tooMany = submit(id, IMPORTED_SOLUTION, 10, xorPoints(56));
        assertEquals(422, tooMany.statusCode(), tooMany.body());
        assertEquals(List.of("dataset"), problemKeys(json(tooMany)));
        assertTrue(json(tooMany).get("problems").get(0).get("allowed").asText().contains("at most 48 points"));
    }

    @Test
    void badImportedChallengesAndAttemptsAreRefusedNamingTheField() throws Exception {
        ObjectNode noPoints = importedChallenge(unique("no points"), xorPoints(40), true);
        noPoints.remove("dataset");
        HttpResponse<String> missing = send("POST", "/api/challenges", noPoints.toString());
        assertEquals(400, missing.statusCode());
        assertEquals(List.of("dataset"), problemKeys(json(missing)));

        ObjectNode badRow = importedChallenge(unique("bad row"), "x1,x2,label\n1,2,0\n1,abc,1\n", true);
        JsonNode bad = json(send("POST", "/api/challenges", badRow.toString()));
        assertEquals(List.of("dataset"), problemKeys(bad));
        assertTrue(bad.get("problems").get(0).get("value").asText().contains("line 3"), bad.toString());

        ObjectNode notImported = importedChallenge(unique("not imported"), xorPoints(40), true);
        notImported.put("spec", START);
        assertEquals(List.of("spec"), problemKeys(json(send("POST", "/api/challenges", notImported.toString()))));

        ObjectNode number = importedChallenge(unique("number"), xorPoints(40), true);
        number.put("dataset", 42);
        assertEquals(List.of("dataset"), problemKeys(json(send("POST", "/api/challenges", number.toString()))));

        ObjectNode overPoints = importedChallenge(unique("over points"), xorPoints(56), true);
        HttpResponse<String> over = send("POST", "/api/challenges", overPoints.toString());
        assertEquals(400, over.statusCode());
        assertEquals(List.of("constraints"), problemKeys(json(over)));
        assertTrue(json(over).get("problems").get(0).get("allowed").asText().contains("at most 48 points"));

        String id = create(challenge(unique("generated")));
        HttpResponse<String> noData = submit(id, IMPORTED_SOLUTION, 10, null);
        assertEquals(400, noData.statusCode(), noData.body());
        assertEquals(List.of("dataset"), problemKeys(json(noData)));
        HttpResponse<String> stray = submit(id, SOLUTION, 10, xorPoints(8));
        assertEquals(400, stray.statusCode(), stray.body());
        assertEquals(List.of("spec"), problemKeys(json(stray)));
    }

    @Test
    void challengesAndAttemptsCountInTheStorageQuota() throws Exception {
        Storage small = openQuotaStorage(3000);
        Javalin quotaApp = App.create(small, ServerConfig.defaults().withSaveLimitPerMinute(0))
                .start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + quotaApp.port();
            ObjectNode first = challenge("quota 0");
            HttpResponse<String> created = post(base + "/api/challenges", first.toString());
            assertEquals(201, created.statusCode(), created.body());
            String id = json(created).get("id").asText();
            HttpResponse<String> answer = null;
            int attempts = 0;
            for (int epoch = 1; epoch <= 50; epoch++) {
                ObjectNode attempt = JSON.createObjectNode();
                attempt.put("spec", START);
                attempt.put("epoch", epoch);
                answer = post(base + "/api/challenges/" + id + "/attempts", attempt.toString());
                if (answer.statusCode() != 201) {
                    break;
                }
                attempts++;
            }
            assertTrue(attempts > 3 && attempts < 50, "attempts fill the quota: " + attempts);
            assertEquals(507, answer.statusCode(), answer.body());
            assertTrue(json(answer).get("error").asText().contains("storage quota is reached"), answer.body());
            HttpResponse<String> another =
                    post(base + "/api/challenges", challenge("quota 1").toString());
            assertEquals(507, another.statusCode(), "challenges count in the same quota");
            assertEquals(
                    507,
                    post(base + "/api/experiments", "{\"spec\":\"v=1\",\"title\":\"after challenges\"}")
                            .statusCode(),
                    "and experiments meet what challenges took");
            assertEquals(200, post(base + "/api/challenges", first.toString()).statusCode(), "saving it again");
            assertEquals(
                    200,
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/challenges/" + id))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode(),
                    "reads go on");
        } finally {
            quotaApp.stop();
            small.close();
        }
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
