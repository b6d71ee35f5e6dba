package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import backprop.server.Main;
import backprop.server.experiments.ExperimentId;
import backprop.server.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: the server runs as its own process (the product's Main), saves
 * stream in from several clients, the process is killed with SIGKILL in the middle of them, and
 * after a restart on the same database every save that got a 2xx answer is there, intact.
 */
class SaveDurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LISTENING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final int CLIENTS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

    @TempDir
    Path dataDir;

    @Test
    void sqliteKeepsEveryAcknowledgedSaveAcrossAKill() throws Exception {
        Path db = dataDir.resolve("kill.db");
        killWhileSavingThenCheck(List.of("--db", db.toString()), Map.of());
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedSaveAcrossAKill() throws Exception {
        TestDatabases.requirePostgres();
        try (TestDatabases.PgSchema schema = new TestDatabases.PgSchema()) {
            killWhileSavingThenCheck(
                    List.of(),
                    Map.of(
                            "BACKPROP_DB_URL",
                            schema.url,
                            "BACKPROP_DB_USER",
                            nullToEmpty(TestDatabases.PG_USER),
                            "BACKPROP_DB_PASSWORD",
                            nullToEmpty(TestDatabases.PG_PASSWORD)));
        }
    }

    private void killWhileSavingThenCheck(List<String> args, Map<String, String> env) throws Exception {
        String spec = "v=1&layers=6:relu&seed=3";
        byte[] snapshot = ExperimentApiContract.trainedSnapshot(spec, 2);
        String snapshot64 = Base64.getEncoder().encodeToString(snapshot);
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> title
        AtomicInteger failures = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstFailure =
                new java.util.concurrent.atomic.AtomicReference<>();

        Server server = Server.start(args, env);
        CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        CountDownLatch refused = new CountDownLatch(1);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        for (int i = 0; ; i++) {
                            ObjectNode body = JSON.createObjectNode();
                            String title = "client " + client + " save " + i;
                            body.put("spec", spec);
                            body.put("title", title);
                            body.put("snapshot", snapshot64);
                            try {
                                HttpResponse<String> response = HTTP.send(
                                        HttpRequest.newBuilder(URI.create(server.base + "/api/experiments"))
                                                .timeout(Duration.ofSeconds(30))
                                                .header("Content-Type", "application/json")
                                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() / 100 == 2) {
                                    acknowledged.put(
                                            JSON.readTree(response.body())
                                                    .get("id")
                                                    .asText(),
                                            title);
                                    enough.countDown();
                                } else {
                                    failures.incrementAndGet();
                                    firstFailure.compareAndSet(null, response.statusCode() + " " + response.body());
                                    refused.countDown();
                                    return;
                                }
                            } catch (Exception e) {
                                return; // the server is gone
                            }
                        }
                    },
                    "saver-" + c);
            thread.start();
            clients.add(thread);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (enough.getCount() > 0 && refused.getCount() > 0 && System.nanoTime() < deadline) {
            enough.await(100, TimeUnit.MILLISECONDS);
        }
        if (refused.getCount() == 0) {
            server.kill();
            throw new AssertionError("a save was refused before the kill: " + firstFailure.get());
        }
        assertEquals(0, enough.getCount(), "the server acknowledged only " + acknowledged.size() + " saves in 120 s");
        server.kill();
        for (Thread thread : clients) {
            thread.join(60_000);
        }
        assertEquals(
                0,
                failures.get(),
                "every save before the kill was accepted or cut off, none refused: " + firstFailure.get());
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);

        Server restarted = Server.start(args, env);
        try {
            String canonical = SpecCodec.canonical(spec);
            for (Map.Entry<String, String> saved : acknowledged.entrySet()) {
                HttpResponse<String> read = HTTP.send(
                        HttpRequest.newBuilder(URI.create(restarted.base + "/api/experiments/" + saved.getKey()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, read.statusCode(), "acknowledged save " + saved.getKey() + ": " + read.body());
                JsonNode experiment = JSON.readTree(read.body());
                assertEquals(saved.getValue(), experiment.get("title").asText());
                assertEquals(canonical, experiment.get("spec").asText());
                assertArrayEquals(
                        snapshot,
                        Base64.getDecoder().decode(experiment.get("snapshot").asText()));
                assertEquals(ExperimentId.of(canonical, saved.getValue(), "", snapshot), saved.getKey());
            }
        } finally {
            restarted.kill();
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The product's server in its own JVM, on a free port, with take-down off and no rate limit. */
    private static final class Server {
        final Process process;
        final String base;

        private Server(Process process, String base) {
            this.process = process;
            this.base = base;
        }

        static Server start(List<String> args, Map<String, String> env) throws Exception {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "serve",
                    "--port",
                    "0",
                    "--exit-on-stdin-close"));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("BACKPROP_"));
            builder.environment().putAll(env);
            builder.environment().put("BACKPROP_SAVE_LIMIT_PER_MINUTE", "0");
            Process process = builder.start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(
                            () -> {
                                try {
                                    while (out.readLine() != null) {
                                        // keep the pipe empty
                                    }
                                } catch (java.io.IOException e) {
                                    // process gone
                                }
                            },
                            "server-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new Server(process, "http://127.0.0.1:" + m.group(1));
                }
            }
            throw new AssertionError("the server did not start:\n" + seen);
        }

        /** SIGKILL: no shutdown hook, no flush, no goodbye. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server process ended");
        }
    }
}
