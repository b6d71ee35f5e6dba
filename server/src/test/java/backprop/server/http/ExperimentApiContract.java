package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import backprop.server.experiments.ExperimentId;
import backprop.server.experiments.ExperimentService;
import backprop.server.problems.Problem;
import backprop.server.store.Experiment;
import backprop.server.store.ExperimentStore;
import backprop.server.store.Storage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The saved-experiment API and pages on a real port and a real database; run once per database
 * by its subclasses. Four server instances share the one database: {@code app} (take-down
 * token, no rate limit), {@code publicApp} (BACKPROP_PUBLIC_URL set, its own Storage: the
 * "several instances" case), {@code limitedApp} (3 saves a minute, client address from
 * X-Forwarded-For), {@code noTokenApp} (take-down disabled) and {@code peerApp} (its own read
 * cache, on a clock the tests move: another instance that must see a take-down made elsewhere).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExperimentApiContract {
    static final String TOKEN = "test-admin-token-0123456789";
    static final String PUBLIC_URL = "https://play.example.org/course/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private Storage storage;
    private Storage second;
    private Javalin app;
    private Javalin publicApp;
    private Javalin limitedApp;
    private Javalin noTokenApp;
    private Javalin peerApp;
    private final AtomicLong peerClock = new AtomicLong();

    /** A new connection to this suite's one database (each call: as another server instance would). */
    abstract Storage openStorage() throws Exception;

    /** Called once the servers have stopped. */
    void closeDatabase() throws Exception {}

    @BeforeAll
    void startServers() throws Exception {
        storage = openStorage();
        second = openStorage();
        ServerConfig base = ServerConfig.defaults().withAdminToken(TOKEN).withSaveLimitPerMinute(0);
        app = App.create(storage, base).start("127.0.0.1", 0);
        publicApp = App.create(second, base.withPublicUrl(PUBLIC_URL)).start("127.0.0.1", 0);
        limitedApp = App.create(second, base.withSaveLimitPerMinute(3).withClientIpHeader("X-Forwarded-For"))
                .start("127.0.0.1", 0);
        noTokenApp = App.create(second, ServerConfig.defaults().withSaveLimitPerMinute(0))
                .start("127.0.0.1", 0);
        peerApp = App.create(second, base, peerClock::get).start("127.0.0.1", 0);
    }

    @AfterAll
    void stopServers() throws Exception {
        for (Javalin a : new Javalin[] {app, publicApp, limitedApp, noTokenApp, peerApp}) {
            if (a != null) {
                a.stop();
            }
        }
        for (Storage s : new Storage[] {storage, second}) {
            if (s != null) {
                s.close();
            }
        }
        closeDatabase();
    }

    // ---- helpers -------------------------------------------------------------------------

    /** A title no other test uses, so every test's content (and id) is its own. */
    static String uniqueTitle(String what) {
        return what + " " + UNIQUE.incrementAndGet() + " "
                + UUID.randomUUID().toString().substring(0, 8);
    }

    static byte[] trainedSnapshot(String spec, int epochs) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(spec));
        for (int i = 0; i < epochs; i++) {
            trainer.stepEpoch();
        }
        return trainer.snapshot().toBytes();
    }

    static ObjectNode body(String spec, String title) {
        ObjectNode body = JSON.createObjectNode();
        body.put("spec", spec);
        body.put("title", title);
        return body;
    }

    private static String base(Javalin server) {
        return "http://127.0.0.1:" + server.port();
    }

    static HttpResponse<String> post(Javalin server, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(server) + "/api/experiments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(Javalin server, JsonNode body) throws Exception {
        return post(server, body.toString());
    }

    static HttpResponse<String> get(Javalin server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(server) + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> delete(Javalin server, String id, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(server) + "/api/experiments/" + id))
                .DELETE();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                "JSON answer for " + response.uri() + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** The id of a successful save (201). */
    String save(ObjectNode body) throws Exception {
        HttpResponse<String> response = post(app, body);
        assertEquals(201, response.statusCode(), response.body());
        return json(response).get("id").asText();
    }

    /** Asserts a 400 whose problems have exactly these keys, in this order, each fully shaped. */
    static JsonNode assertProblems(HttpResponse<String> response, String... keys) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertTrue(answer.get("error").asText().startsWith("the experiment was not saved: "), response.body());
        List<String> found = new ArrayList<>();
        for (JsonNode problem : answer.get("problems")) {
            found.add(problem.get("key").asText());
            assertEquals(List.of("key", "value", "allowed", "message"), fieldNames(problem), problem.toString());
            assertFalse(problem.get("allowed").asText().isEmpty(), problem.toString());
            assertTrue(
                    problem.get("message")
                            .asText()
                            .startsWith(problem.get("key").asText() + ": "),
                    problem.toString());
        }
        assertEquals(List.of(keys), found, response.body());
        return answer;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static void assertJsonError(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals(List.of("error"), fieldNames(answer), response.body());
        assertFalse(answer.get("error").asText().isBlank());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }

    // ---- saving and reading ---------------------------------------------------------------

    @Test
    void savesAndReadsBackTheCanonicalSpecAndTheSnapshotBytes() throws Exception {
        String spec = "#lr=0.1&layers=4:relu&seed=7";
        byte[] snapshot = trainedSnapshot(spec, 3);
        String title = uniqueTitle("  Round trip  ");
        ObjectNode body = body(spec, title);
        body.put("description", "  Three epochs of ReLU.\r\nSecond line.  ");
        body.put("snapshot", Base64.getEncoder().encodeToString(snapshot));
        long before = System.currentTimeMillis();

        HttpResponse<String> saved = post(app, body);

        assertEquals(201, saved.statusCode(), saved.body());
        JsonNode answer = json(saved);
        assertEquals(List.of("id", "url"), fieldNames(answer));
        String id = answer.get("id").asText();
        assertTrue(id.matches("[0-9A-Za-z]{10}"), id);
        assertEquals(base(app) + "/e/" + id, answer.get("url").asText());
        assertEquals(
                "/api/experiments/" + id, saved.headers().firstValue("Location").orElse(""));

        HttpResponse<String> read = get(app, "/api/experiments/" + id);
        assertEquals(200, read.statusCode(), read.body());
        JsonNode experiment = json(read);
        assertEquals(
                List.of("id", "url", "spec", "title", "description", "snapshot", "epoch", "createdAt"),
                fieldNames(experiment));
        String canonical = SpecCodec.canonical(spec);
        assertEquals(id, experiment.get("id").asText());
        assertEquals(base(app) + "/e/" + id, experiment.get("url").asText());
        assertEquals(canonical, experiment.get("spec").asText());
        assertTrue(canonical.startsWith("v=1&data=spiral&"), canonical);
        assertEquals(title.strip(), experiment.get("title").asText());
        assertEquals(
                "Three epochs of ReLU.\nSecond line.",
                experiment.get("description").asText());
        assertArrayEquals(
                snapshot, Base64.getDecoder().decode(experiment.get("snapshot").asText()));
        assertEquals(3, experiment.get("epoch").asInt());
        Instant created = Instant.parse(experiment.get("createdAt").asText());
        assertTrue(
                created.toEpochMilli() >= before && created.toEpochMilli() <= System.currentTimeMillis(),
                created.toString());
        assertEquals(
                ExperimentId.of(canonical, title.strip(), "Three epochs of ReLU.\nSecond line.", snapshot),
                id,
                "the id is the documented hash of the stored content");
    }

    @Test
    void anExperimentWithoutSnapshotReadsBackWithNullSnapshotAndEpochZero() throws Exception {
        String id = save(body(Spec.DEFAULT_TEXT, uniqueTitle("No state")));
        JsonNode experiment = json(get(app, "/api/experiments/" + id));
        assertTrue(experiment.get("snapshot").isNull());
        assertEquals(0, experiment.get("epoch").asInt());
        assertEquals("", experiment.get("description").asText());
    }

    @Test
    void theSameContentGivesTheSameIdAndADifferentOneAnother() throws Exception {
        String title = uniqueTitle("Twice");
        ObjectNode first = body("lr=0.3&v=1", title);
        first.putNull("description");
        first.putNull("snapshot");
        HttpResponse<String> created = post(app, first);
        assertEquals(201, created.statusCode(), created.body());

        // the same content written differently: non-canonical spec order, spaces, empty description
        ObjectNode again = body("v=1&lr=0.3&data=spiral", "  " + title + " ");
        again.put("description", "");
        HttpResponse<String> repeated = post(app, again);
        assertEquals(200, repeated.statusCode(), repeated.body());
        assertEquals(created.body(), repeated.body());
        assertTrue(repeated.headers().firstValue("Location").isEmpty());

        HttpResponse<String> otherInstance = post(publicApp, again);
        assertEquals(200, otherInstance.statusCode(), otherInstance.body());
        assertEquals(json(created).get("id"), json(otherInstance).get("id"));

        ObjectNode different = body("v=1&lr=0.3", title);
        different.put("description", "now with a description");
        assertNotEquals(json(created).get("id").asText(), save(different));
    }

    @Test
    void aDifferentExperimentHoldingTheIdIsNeverOverwritten() throws Exception {
        String title = uniqueTitle("Collision");
        String canonical = SpecCodec.canonical("v=1&lr=0.5");
        String id = ExperimentId.of(canonical, title, "", null);
        // Plant what a hash collision would look like: another content under the same id.
        Experiment planted = new Experiment(id, Spec.DEFAULT_TEXT, "someone else's", "", null, 1L, null);
        assertEquals(ExperimentStore.Outcome.CREATED, new ExperimentStore(storage).insert(planted));

        HttpResponse<String> response = post(app, body("v=1&lr=0.5", title));

        assertJsonError(response, 409);
        JsonNode kept = json(get(app, "/api/experiments/" + id));
        assertEquals("someone else's", kept.get("title").asText());
        assertEquals(Spec.DEFAULT_TEXT, kept.get("spec").asText());
    }

    @Test
    void concurrentSavesOfTheSameContentGiveOneIdAndOneRow() throws Exception {
        String content = body("v=1&lr=0.2&seed=11", uniqueTitle("At once")).toString();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Callable<HttpResponse<String>>> saves = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Javalin instance = i % 2 == 0 ? app : publicApp; // two instances, two pools, one database
                saves.add(() -> post(instance, content));
            }
            List<String> ids = new ArrayList<>();
            int created = 0;
            for (Future<HttpResponse<String>> done : clients.invokeAll(saves)) {
                HttpResponse<String> response = done.get();
                assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.body());
                created += response.statusCode() == 201 ? 1 : 0;
                ids.add(json(response).get("id").asText());
            }
            assertEquals(1, created, "exactly one save created it");
            assertEquals(1, ids.stream().distinct().count(), ids.toString());
            long rows = storage.jdbi()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM experiments WHERE id = :id")
                            .bind("id", ids.get(0))
                            .mapTo(Long.class)
                            .one());
            assertEquals(1, rows);
        } finally {
            clients.shutdownNow();
        }
    }

    // ---- HTTP caching ---------------------------------------------------------------------------

    @Test
    void theApiAnswerCarriesAWeakETagAndImmutableCachingAndA304WhenTheTagMatches() throws Exception {
        String id = save(body(Spec.DEFAULT_TEXT, uniqueTitle("Cached")));
        HttpResponse<String> first = get(app, "/api/experiments/" + id);
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElse("");
        assertTrue(etag.matches("W/\"" + id + "-[0-9a-f]+\""), etag);
        String cacheControl = first.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cacheControl.contains("immutable") && cacheControl.contains("max-age="), cacheControl);

        HttpResponse<String> again = get(app, "/api/experiments/" + id);
        assertEquals(first.body(), again.body(), "the kept answer is the same bytes");
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""));

        for (String ifNoneMatch : new String[] {etag, etag.substring(2), "\"other\", " + etag, "*"}) {
            HttpResponse<String> notModified = get(app, "/api/experiments/" + id, "If-None-Match", ifNoneMatch);
            assertEquals(304, notModified.statusCode(), ifNoneMatch);
            assertEquals("", notModified.body());
            assertEquals(etag, notModified.headers().firstValue("ETag").orElse(""));
            assertEquals(
                    cacheControl,
                    notModified.headers().firstValue("Cache-Control").orElse(""));
        }
        HttpResponse<String> otherTag = get(app, "/api/experiments/" + id, "If-None-Match", "W/\"" + id + "-0\"");
        assertEquals(200, otherTag.statusCode());
        assertEquals(first.body(), otherTag.body());

        String publicTag = get(publicApp, "/api/experiments/" + id)
                .headers()
                .firstValue("ETag")
                .orElse("");
        assertNotEquals(etag, publicTag, "another base address is another answer (its url differs)");
        assertEquals(
                200,
                get(publicApp, "/api/experiments/" + id, "If-None-Match", etag).statusCode());
    }

    // ---- validation ------------------------------------------------------------------------

    @Test
    void everySpecProblemIsListedWithKeyValueAndAllowed() throws Exception {
        JsonNode answer = assertProblems(
                post(app, body("v=2&lr=abc&colour=red&n=5", uniqueTitle("Bad spec"))), "v", "n", "lr", "colour");
        JsonNode lr = answer.get("problems").get(2);
        assertEquals("abc", lr.get("value").asText());
        assertTrue(lr.get("allowed").asText().contains("<= 10"), lr.toString());
        assertEquals(
                "lr: \"abc\" is not allowed; allowed: " + lr.get("allowed").asText(),
                lr.get("message").asText());
    }

    @Test
    void aMissingSpecOrTitleIsAProblemWithANullValue() throws Exception {
        JsonNode answer = assertProblems(post(app, "{}"), "spec", "title");
        for (JsonNode problem : answer.get("problems")) {
            assertTrue(problem.get("value").isNull(), problem.toString());
            assertTrue(problem.get("message").asText().contains(": missing; allowed: "), problem.toString());
        }
    }

    @Test
    void titlesAreOneTo120CharactersOfOneLine() throws Exception {
        assertProblems(post(app, body(Spec.DEFAULT_TEXT, "   ")), "title");
        assertProblems(post(app, body(Spec.DEFAULT_TEXT, "x".repeat(121))), "title");
        assertProblems(post(app, body(Spec.DEFAULT_TEXT, "two\nlines")), "title");
        // a lone surrogate can only arrive as a JSON escape (it is not valid UTF-8)
        assertProblems(post(app, "{\"spec\":\"v=1\",\"title\":\"broken \\ud800 surrogate\"}"), "title");
        String longest = uniqueTitle("T");
        longest = longest + "y".repeat(120 - longest.length());
        assertEquals(201, post(app, body(Spec.DEFAULT_TEXT, longest)).statusCode());
        // 120 characters outside the BMP (240 UTF-16 units) still count as 120
        String emoji = "\uD83D\uDE00".repeat(119) + UNIQUE.incrementAndGet() % 10;
        HttpResponse<String> saved = post(app, body(Spec.DEFAULT_TEXT, emoji));
        assertTrue(saved.statusCode() == 201 || saved.statusCode() == 200, saved.body());
        assertEquals(
                emoji,
                json(get(app, "/api/experiments/" + json(saved).get("id").asText()))
                        .get("title")
                        .asText());
    }

    @Test
    void descriptionsAreAtMost2000Characters() throws Exception {
        ObjectNode tooLong = body(Spec.DEFAULT_TEXT, uniqueTitle("Long description"));
        tooLong.put("description", "d".repeat(2001));
        JsonNode answer = assertProblems(post(app, tooLong), "description");
        String value = answer.get("problems").get(0).get("value").asText();
        assertTrue(value.length() <= Problem.MAX_SHOWN && value.endsWith("..."), "a long value is shown cut: " + value);
        assertTrue(answer.get("problems").get(0).get("allowed").asText().contains("2001"));

        ObjectNode longest = body(Spec.DEFAULT_TEXT, uniqueTitle("Longest description"));
        longest.put("description", "d".repeat(2000));
        assertEquals(201, post(app, longest).statusCode());

        ObjectNode control = body(Spec.DEFAULT_TEXT, uniqueTitle("Control character"));
        control.put("description", "bell \u0007");
        assertProblems(post(app, control), "description");
    }

    @Test
    void aSnapshotMustBeBase64OfAnEngineSnapshotThatFitsTheSpec() throws Exception {
        String spec = "v=1&layers=8:tanh";
        ObjectNode notBase64 = body(spec, uniqueTitle("Snapshot"));
        notBase64.put("snapshot", "not base64!");
        assertProblems(post(app, notBase64), "snapshot");

        ObjectNode notASnapshot = body(spec, uniqueTitle("Snapshot"));
        notASnapshot.put(
                "snapshot", Base64.getEncoder().encodeToString("hello, world".getBytes(StandardCharsets.UTF_8)));
        JsonNode malformed = assertProblems(post(app, notASnapshot), "snapshot");
        assertTrue(malformed.get("problems").get(0).get("allowed").asText().contains("header"), malformed.toString());

        byte[] truncated = trainedSnapshot(spec, 1);
        truncated = java.util.Arrays.copyOf(truncated, truncated.length - 8);
        ObjectNode cut = body(spec, uniqueTitle("Snapshot"));
        cut.put("snapshot", Base64.getEncoder().encodeToString(truncated));
        assertProblems(post(app, cut), "snapshot");

        ObjectNode otherNetwork = body("v=1&layers=4:tanh", uniqueTitle("Snapshot"));
        otherNetwork.put("snapshot", Base64.getEncoder().encodeToString(trainedSnapshot(spec, 1)));
        JsonNode mismatch = assertProblems(post(app, otherNetwork), "snapshot");
        assertTrue(mismatch.get("problems").get(0).get("allowed").asText().contains("parameters"), mismatch.toString());

        ObjectNode otherOptimizer = body(spec + "&opt=adam", uniqueTitle("Snapshot"));
        otherOptimizer.put("snapshot", Base64.getEncoder().encodeToString(trainedSnapshot(spec, 1)));
        assertProblems(post(app, otherOptimizer), "snapshot");
    }

    @Test
    void aSnapshotOverOneMegabyteIsRefused() throws Exception {
        ObjectNode big = body(Spec.DEFAULT_TEXT, uniqueTitle("Big snapshot"));
        big.put("snapshot", Base64.getEncoder().encodeToString(new byte[1024 * 1024 + 3]));
        JsonNode answer = assertProblems(post(app, big), "snapshot");
        assertTrue(answer.get("problems").get(0).get("allowed").asText().contains("1048576"), answer.toString());
    }

    @Test
    void aSpecOver16KilobytesIsRefused() throws Exception {
        assertProblems(post(app, body("v=1&" + "x".repeat(17_000), uniqueTitle("Huge spec"))), "spec");
    }

    @Test
    void everyProblemOfARequestIsListedAtOnceInFieldOrder() throws Exception {
        ObjectNode everything = JSON.createObjectNode();
        everything.put("colour", "blue");
        everything.put("snapshot", "%%%");
        everything.put("description", 42);
        everything.put("title", "");
        everything.put("spec", "lr=0");
        assertProblems(post(app, everything), "lr", "title", "description", "snapshot", "colour");

        ObjectNode wrongTypes = JSON.createObjectNode();
        wrongTypes.set("spec", JSON.createArrayNode().add("v=1"));
        wrongTypes.put("title", 7);
        JsonNode answer = assertProblems(post(app, wrongTypes), "spec", "title");
        assertEquals("[\"v=1\"]", answer.get("problems").get(0).get("value").asText());
        assertEquals("a string", answer.get("problems").get(0).get("allowed").asText());
    }

    @Test
    void malformedJsonIsA400InJson() throws Exception {
        for (String bad : new String[] {
            "{\"spec\":",
            "not json",
            "",
            "[1,2]",
            "\"text\"",
            "{\"spec\":\"v=1\",\"title\":\"a\",\"title\":\"b\"}",
            "{\"spec\":\"v=1\",\"title\":\"a\"} trailing"
        }) {
            HttpResponse<String> response = post(app, bad);
            assertJsonError(response, 400);
        }
    }

    @Test
    void aBodyOverTwoMegabytesIs413InJson() throws Exception {
        String huge = "{\"spec\":\"" + "x".repeat(2 * 1024 * 1024 + 10) + "\"}";
        assertJsonError(post(app, huge), 413);

        // the same without a declared length (chunked): the server counts while reading
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(base(app) + "/api/experiments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertJsonError(response, 413);
    }

    // ---- ids, take-down ----------------------------------------------------------------------

    @Test
    void malformedAndUnknownIdsAre404InJsonAndAsAPage() throws Exception {
        for (String id : new String[] {"abc", "abcdefghijk", "abcdefghi-", "abcdefghi%C3%A9", "0000000000"}) {
            assertJsonError(get(app, "/api/experiments/" + id), 404);
            HttpResponse<String> page = get(app, "/e/" + id);
            assertEquals(404, page.statusCode(), id);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), id);
            assertTrue(page.body().contains("Experiment not found"), page.body());
            assertTrue(page.body().contains("href=\"/\""), "links home");
            assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());
        }
    }

    @Test
    void takingDownNeedsTheAdminTokenAndThenPageAndApiAnswer410() throws Exception {
        ObjectNode content = body(Spec.DEFAULT_TEXT, uniqueTitle("To take down"));
        String id = save(content);

        HttpResponse<String> noHeader = delete(app, id, null);
        assertJsonError(noHeader, 401);
        assertEquals("Bearer", noHeader.headers().firstValue("WWW-Authenticate").orElse(""));
        assertJsonError(delete(app, id, "Basic " + TOKEN), 401);
        assertJsonError(delete(app, id, "Bearer wrong-token-0123456789"), 403);
        assertJsonError(delete(noTokenApp, id, "Bearer " + TOKEN), 403);
        assertEquals(200, get(app, "/api/experiments/" + id).statusCode(), "still there after refused take-downs");
        // read on both instances, so both keep it (and its answers) in their read caches
        String etag =
                get(app, "/api/experiments/" + id).headers().firstValue("ETag").orElseThrow();
        assertEquals(200, get(app, "/e/" + id).statusCode());
        assertEquals(200, get(app, "/embed/" + id).statusCode());
        assertEquals(200, get(peerApp, "/api/experiments/" + id).statusCode());
        assertEquals(200, get(peerApp, "/e/" + id).statusCode());

        HttpResponse<String> done = delete(app, id, "Bearer " + TOKEN);
        assertEquals(204, done.statusCode(), done.body());

        // this instance forgets it at once, whatever it kept
        assertJsonError(get(app, "/api/experiments/" + id, "If-None-Match", etag), 410);
        assertEquals(410, get(app, "/embed/" + id).statusCode());
        assertJsonError(get(app, "/api/experiments/" + id + "/preview.png"), 410);
        // another instance answers from its cache for at most the entry lifetime, then sees it
        assertEquals(200, get(peerApp, "/api/experiments/" + id).statusCode(), "within the lifetime, as documented");
        peerClock.addAndGet(ExperimentService.READ_CACHE_LIFETIME_NANOS + 1);
        assertJsonError(get(peerApp, "/api/experiments/" + id), 410);
        assertEquals(410, get(peerApp, "/e/" + id).statusCode());
        assertJsonError(get(peerApp, "/api/experiments/" + id, "If-None-Match", etag), 410);

        for (Javalin instance : new Javalin[] {app, publicApp}) {
            assertJsonError(get(instance, "/api/experiments/" + id), 410);
            HttpResponse<String> page = get(instance, "/e/" + id);
            assertEquals(410, page.statusCode());
            assertTrue(page.body().contains("Experiment taken down"), page.body());
            assertFalse(page.body().contains("To take down"), "the title is gone too");
        }
        assertJsonError(post(app, content), 410);
        assertEquals(204, delete(app, id, "Bearer " + TOKEN).statusCode(), "taking down twice is harmless");
        assertJsonError(delete(app, "0000000000", "Bearer " + TOKEN), 404);
        assertJsonError(delete(app, "bad", "Bearer " + TOKEN), 404);
    }

    // ---- rate limit, addresses, pages ----------------------------------------------------------

    @Test
    void savingIsRateLimitedPerClientAddress() throws Exception {
        String client = "203.0.113." + UNIQUE.incrementAndGet() % 250;
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = post(
                    limitedApp,
                    body(Spec.DEFAULT_TEXT, uniqueTitle("Limited")).toString(),
                    "X-Forwarded-For",
                    "198.51.100.7, " + client);
            assertEquals(201, ok.statusCode(), ok.body());
        }
        HttpResponse<String> refused = post(
                limitedApp,
                body(Spec.DEFAULT_TEXT, uniqueTitle("Limited")).toString(),
                "X-Forwarded-For",
                "198.51.100.7, " + client);
        assertJsonError(refused, 429);
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElse("-1"));
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "one save comes back every 20 s: " + retryAfter);

        HttpResponse<String> otherClient = post(
                limitedApp,
                body(Spec.DEFAULT_TEXT, uniqueTitle("Limited")).toString(),
                "X-Forwarded-For",
                client + ", 198.51.100.8");
        assertEquals(201, otherClient.statusCode(), "the last hop names the client: " + otherClient.body());
        assertEquals(
                200,
                get(
                                limitedApp,
                                "/api/experiments/"
                                        + json(otherClient).get("id").asText())
                        .statusCode(),
                "reading is not limited");
    }

    @Test
    void urlsUseThePublicAddressWhenOneIsSet() throws Exception {
        HttpResponse<String> saved = post(publicApp, body(Spec.DEFAULT_TEXT, uniqueTitle("Public")));
        assertEquals(201, saved.statusCode(), saved.body());
        String id = json(saved).get("id").asText();
        assertEquals(
                "https://play.example.org/course/e/" + id,
                json(saved).get("url").asText());
        assertEquals(
                "https://play.example.org/course/e/" + id,
                json(get(publicApp, "/api/experiments/" + id)).get("url").asText());
        assertEquals(
                base(app) + "/e/" + id,
                json(get(app, "/api/experiments/" + id)).get("url").asText(),
                "without BACKPROP_PUBLIC_URL the request's own address");
    }

    @Test
    void twoInstancesOnOneDatabaseSeeEachOthersSaves() throws Exception {
        String fromFirst = save(body(Spec.DEFAULT_TEXT, uniqueTitle("First instance")));
        HttpResponse<String> savedOnSecond = post(publicApp, body("v=1&seed=2", uniqueTitle("Second instance")));
        assertEquals(201, savedOnSecond.statusCode());
        String fromSecond = json(savedOnSecond).get("id").asText();

        assertEquals(200, get(publicApp, "/api/experiments/" + fromFirst).statusCode());
        assertEquals(200, get(app, "/api/experiments/" + fromSecond).statusCode());
        assertEquals(200, get(app, "/e/" + fromSecond).statusCode());
    }

    @Test
    void theExperimentPageEscapesTitleAndDescriptionAndCarriesTheSavedSpec() throws Exception {
        String title = "<script>alert(1)</script> " + UNIQUE.incrementAndGet();
        ObjectNode content = body("v=1&lr=0.01&data=xor", title);
        content.put("description", "\"><img src=x onerror=alert(2)> & more");
        String id = save(content);

        HttpResponse<String> page = get(app, "/e/" + id);

        assertEquals(200, page.statusCode());
        String html = page.body();
        assertFalse(html.contains("<script>alert(1)"), "no raw script from the title");
        assertFalse(html.contains("<img src=x"), "no raw markup from the description");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&gt;&lt;img src=x onerror=alert(2)&gt; &amp; more"), html);
        assertTrue(html.contains("data-experiment-id=\"" + id + "\""), html);
        String canonical = SpecCodec.canonical("v=1&lr=0.01&data=xor");
        assertTrue(html.contains("data-spec=\"" + canonical.replace("&", "&amp;") + "\""), html);
        assertTrue(html.contains("data-testid=\"play\""), "the playground itself");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), csp);
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void aDatabaseFailureIsA500WithoutStackTrace() throws Exception {
        Storage broken = openStorage();
        Javalin failing = App.create(broken, ServerConfig.defaults().withSaveLimitPerMinute(0))
                .start("127.0.0.1", 0);
        try {
            broken.close(); // every query now fails inside the server
            for (HttpResponse<String> response : List.of(
                    get(failing, "/api/experiments/0000000000"),
                    post(failing, body(Spec.DEFAULT_TEXT, uniqueTitle("Broken"))))) {
                assertEquals(500, response.statusCode(), response.body());
                assertEquals("{\"error\":\"internal error\"}", response.body());
            }
            HttpResponse<String> page = get(failing, "/e/0000000000");
            assertEquals(500, page.statusCode());
            assertFalse(page.body().contains("Exception") || page.body().contains("\tat "), page.body());
        } finally {
            failing.stop();
        }
    }
}
