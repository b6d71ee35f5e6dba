package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.server.experiments.ExperimentService;
import backprop.server.store.Storage;
import backprop.server.store.TcpProxy;
import backprop.server.store.TestDatabases;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A PostgreSQL outage through a TCP proxy in front of the real database, cut (open connections
 * closed, new ones left hanging) and restored: saves answer 503 with Retry-After at once, pages,
 * static files and cached reads keep answering, /healthz says 503 within 2 s, and saving works
 * again after the restore without a restart. Prints the timeline.
 */
@Timeout(120)
class StorageOutageTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void postgresqlOutageAnswers503AndRecoversWithoutARestart() throws Exception {
        TestDatabases.requirePostgres();
        Matcher hostPort = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(TestDatabases.PG_URL);
        assertTrue(hostPort.find(), TestDatabases.PG_URL);
        try (TestDatabases.PgSchema schema = new TestDatabases.PgSchema();
                TcpProxy proxy = new TcpProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)))) {
            String viaProxy =
                    schema.url.replace(hostPort.group(1) + ":" + hostPort.group(2), "127.0.0.1:" + proxy.port());
            Storage storage = Storage.jdbc(viaProxy, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD);
            AtomicLong cacheClock = new AtomicLong();
            Javalin app = App.create(storage, ServerConfig.defaults().withSaveLimitPerMinute(0), cacheClock::get)
                    .start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<String> saved = save(base, "before the outage");
                assertEquals(201, saved.statusCode(), saved.body());
                String id = saved.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                assertEquals(200, get(base, "/api/experiments/" + id).statusCode());

                long cutAt = System.nanoTime();
                proxy.cut();
                HttpResponse<String> first = save(base, "during the outage 1");
                double firstSeconds = seconds(cutAt);
                assertEquals(503, first.statusCode(), first.body());
                assertTrue(first.headers().firstValue("Retry-After").isPresent());
                assertTrue(firstSeconds < 4, "first save answered after " + firstSeconds + " s");
                long t = System.nanoTime();
                HttpResponse<String> second = save(base, "during the outage 2");
                double secondSeconds = seconds(t);
                assertEquals(503, second.statusCode());
                assertTrue(secondSeconds < 0.5, "the next save is refused at once, took " + secondSeconds + " s");
                assertTrue(
                        second.body().startsWith("{\"error\":\"the database (postgresql) is not answering"),
                        second.body());

                for (String path :
                        new String[] {"/", "/static/css/playground.css", "/graph", "/api/experiments/" + id}) {
                    t = System.nanoTime();
                    HttpResponse<String> answer = get(base, path);
                    assertEquals(200, answer.statusCode(), path);
                    assertTrue(seconds(t) < 1, path + " took " + seconds(t) + " s");
                }
                // Past the read cache's 5 s lifetime, the experiment read before the outage still
                // answers, at once, as its API answer and its page: a class's link survives the outage.
                cacheClock.addAndGet(ExperimentService.READ_CACHE_LIFETIME_NANOS + 1);
                for (String path : new String[] {"/api/experiments/" + id, "/e/" + id}) {
                    t = System.nanoTime();
                    HttpResponse<String> answer = get(base, path);
                    assertEquals(200, answer.statusCode(), path + " past its lifetime: " + answer.body());
                    assertTrue(seconds(t) < 1, path + " past its lifetime took " + seconds(t) + " s");
                }
                HttpResponse<String> unknown = get(base, "/api/experiments/AAAAAAAAAA");
                assertEquals(503, unknown.statusCode(), "an experiment never read here: " + unknown.body());
                t = System.nanoTime();
                HttpResponse<String> health = get(base, "/healthz");
                double healthSeconds = seconds(t);
                assertEquals(503, health.statusCode());
                assertEquals("{\"status\":\"unavailable\",\"storage\":\"postgresql\"}", health.body());
                assertTrue(healthSeconds < 2, "/healthz took " + healthSeconds + " s");

                long restoredAt = System.nanoTime();
                proxy.restore();
                int status = 0;
                while (status != 201 && seconds(restoredAt) < 30) {
                    status = save(base, "after the outage " + System.nanoTime()).statusCode();
                    if (status != 201) {
                        Thread.sleep(200);
                    }
                }
                double recoverySeconds = seconds(restoredAt);
                assertEquals(201, status, "saving works again after the restore");
                assertEquals(200, get(base, "/healthz").statusCode());
                System.out.printf(
                        "{\"outage\":{\"firstSave503AfterSeconds\":%.2f,\"nextSave503Seconds\":%.3f,"
                                + "\"healthz503Seconds\":%.2f,\"savingAgainAfterRestoreSeconds\":%.2f}}%n",
                        firstSeconds, secondSeconds, healthSeconds, recoverySeconds);
            } finally {
                app.stop();
                storage.close();
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static HttpResponse<String> save(String base, String title) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/experiments"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"spec\":\"v=1&seed=7\",\"title\":\"" + title + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String base, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
