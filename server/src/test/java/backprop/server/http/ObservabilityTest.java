package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.server.store.Storage;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log (one line per request, text or JSON) and /metrics (Prometheus; loopback or the admin token). */
class ObservabilityTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "a-long-enough-admin-token";

    @TempDir
    Path dataDir;

    @Test
    void theAccessLogHasOneLinePerRequestInTextOrJson() throws Exception {
        for (AccessLog.Format format : new AccessLog.Format[] {AccessLog.Format.TEXT, AccessLog.Format.JSON}) {
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            Storage storage = Storage.sqlite(dataDir.resolve(format + ".db"));
            Javalin app = App.create(
                            storage,
                            ServerConfig.defaults(),
                            ServerLimits.defaults(),
                            new AccessLog(format, new PrintStream(lines, true, StandardCharsets.UTF_8)))
                    .start("127.0.0.1", 0);
            try {
                get(app, "/", null);
                get(app, "/e/unknown1", null);
            } finally {
                app.stop();
                storage.close();
            }
            String[] log = lines.toString(StandardCharsets.UTF_8).trim().split("\n");
            assertEquals(2, log.length, String.join("\n", log));
            if (format == AccessLog.Format.TEXT) {
                assertTrue(log[0].matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z GET / 200 \\d+ \\d+\\.\\dms"), log[0]);
                assertTrue(log[1].matches("\\S+ GET /e/unknown1 404 \\d+ \\d+\\.\\dms"), log[1]);
            } else {
                assertTrue(
                        log[0].matches("\\{\"time\":\"[^\"]+\",\"method\":\"GET\",\"path\":\"/\",\"status\":200,"
                                + "\"bytes\":[1-9]\\d*,\"ms\":\\d+\\.\\d\\}"),
                        log[0]);
                assertTrue(log[1].contains("\"path\":\"/e/unknown1\",\"status\":404"), log[1]);
            }
        }
    }

    @Test
    void metricsAreOpenToLoopbackAndToOthersWithTheAdminToken() throws Exception {
        Storage storage = Storage.sqlite(dataDir.resolve("metrics.db"));
        Javalin app = App.create(
                        storage,
                        ServerConfig.defaults()
                                .withClientIpHeader("X-Forwarded-For")
                                .withAdminToken(TOKEN))
                .start("127.0.0.1", 0);
        try {
            get(app, "/", null);
            get(app, "/api/experiments/0000000000", null);
            HttpResponse<String> local = get(app, "/metrics", null);
            assertEquals(200, local.statusCode());
            String text = local.body();
            assertTrue(
                    text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/\",status=\"200\"}"),
                    text);
            assertTrue(text.contains("route=\"/api/experiments/{id}\",status=\"404\""), text);
            assertTrue(text.contains("http_server_requests_seconds_bucket"), "latency histogram");
            assertTrue(text.contains("backprop_save_queue_depth"), text);
            assertTrue(text.contains("backprop_experiment_cache_lookups_total"), text);
            assertTrue(text.contains("backprop_experiment_cache_misses_total"), text);

            HttpRequest.Builder remote = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/metrics"))
                    .header("X-Forwarded-For", "203.0.113.5");
            assertEquals(
                    401,
                    HTTP.send(remote.build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode());
            assertEquals(
                    403,
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics"))
                                            .header("X-Forwarded-For", "203.0.113.5")
                                            .header("Authorization", "Bearer wrong-token-wrong-token")
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode());
            assertEquals(
                    200,
                    HTTP.send(
                                    remote.header("Authorization", "Bearer " + TOKEN)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode());
        } finally {
            app.stop();
            storage.close();
        }
    }

    private static HttpResponse<String> get(Javalin app, String path, String header) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
