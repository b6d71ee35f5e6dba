package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.server.store.Storage;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves accept only JSON, and from our own origin when the browser names one. */
class WriteGuardTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BODY = "{\"spec\":\"v=1&seed=11\",\"title\":\"guarded\"}";

    @TempDir
    static Path dataDir;

    static Storage storage;
    static Javalin app;

    @BeforeAll
    static void start() {
        storage = Storage.sqlite(dataDir.resolve("guard.db"));
        app = App.create(
                        storage,
                        ServerConfig.defaults()
                                .withSaveLimitPerMinute(0)
                                .withPublicUrl("https://play.example.org/playground"))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        storage.close();
    }

    @Test
    void aSaveThatIsNotJsonIs415() throws Exception {
        for (String type :
                new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> answer = post(type, null);
            assertEquals(415, answer.statusCode(), type);
            assertTrue(answer.body().contains("allowed: application/json"), answer.body());
        }
        assertEquals(415, post(null, null).statusCode());
        assertEquals(201, post("application/json; charset=utf-8", null).statusCode());
    }

    @Test
    void aForeignOriginIs403AndOursOrNoneIsAccepted() throws Exception {
        for (String foreign : new String[] {"https://evil.example", "null", "http://play.example.org.evil.example"}) {
            HttpResponse<String> answer = post("application/json", foreign);
            assertEquals(403, answer.statusCode(), foreign);
            assertTrue(answer.body().contains("https://play.example.org"), answer.body());
        }
        assertTrue(post("application/json", "https://play.example.org").statusCode() < 300, "the public address");
        assertTrue(post("application/json", "http://127.0.0.1:" + app.port()).statusCode() < 300, "the request's host");
        assertTrue(post("application/json", null).statusCode() < 300, "no Origin: a program");
    }

    @Test
    void aTakeDownNeedsNoContentTypeButOurOrigin() throws Exception {
        HttpRequest.Builder delete = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/experiments/0000000000"))
                .DELETE();
        assertEquals(
                403,
                HTTP.send(delete.build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "take-down disabled");
        HttpResponse<String> foreign = HTTP.send(
                delete.header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("origin"), foreign.body());
    }

    private static HttpResponse<String> post(String type, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/experiments"))
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
