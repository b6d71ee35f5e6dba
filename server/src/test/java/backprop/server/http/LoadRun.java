package backprop.server.http;

import backprop.engine.spec.Spec;
import backprop.server.store.Storage;
import backprop.server.store.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A load run, not a test: starts the server in this JVM on 127.0.0.1 (rate limit off) with a
 * fresh SQLite file, or with PostgreSQL when {@code BACKPROP_TEST_PG_URL} is set, then for a few
 * seconds each: saves, reads of {@code GET /api/experiments/{id}}, reads of {@code /e/{id}}; prints
 * requests per second, latency percentiles and the CPU time this JVM (server and load clients
 * together) spent per request as JSON lines, and stops by itself.
 *
 * <p>Run (README, "Saved experiments and storage"): {@code mvn -B -q test-compile dependency:build-classpath
 * -pl server -Dmdep.outputFile=target/cp.txt}, then {@code java -cp
 * "server/target/classes:server/target/test-classes:$(cat server/target/cp.txt)" backprop.server.http.LoadRun [seconds] [clients] [workloads]}
 * (workloads: a comma list of save, api-read, page-read, api-read-verifying; the first three by default). The load clients share
 * the JVM and the machine's cores with the server, so the figures are for both together.
 */
public final class LoadRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadRun() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of("save", "api-read", "page-read");
        String pg = System.getenv("BACKPROP_TEST_PG_URL");
        Path dir = Files.createTempDirectory("backprop-load");
        Storage storage;
        TestDatabases.PgSchema schema = null;
        if (pg != null && !pg.isBlank()) {
            schema = new TestDatabases.PgSchema();
            storage = schema.open();
        } else {
            storage = Storage.sqlite(dir.resolve("load.db"));
        }
        Javalin app = App.create(storage, ServerConfig.defaults().withSaveLimitPerMinute(0))
                .start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        // HTTP/1.1 with keep-alive, as the server speaks it: each client thread keeps reusing a
        // pooled connection (no h2c upgrade attempt, no new connection per request).
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(clients))
                .build();
        try {
            String snapshot =
                    Base64.getEncoder().encodeToString(ExperimentApiContract.trainedSnapshot(Spec.DEFAULT_TEXT, 1));
            AtomicInteger unique = new AtomicInteger();
            List<String> ids = new ArrayList<>();
            // Warm-up, and the experiments the reads will ask for.
            for (int i = 0; i < 200; i++) {
                ids.add(JSON.readTree(send(http, save(base, "warm-up " + unique.incrementAndGet(), snapshot))
                                .body())
                        .get("id")
                        .asText());
            }
            IntFunction<HttpRequest> saves = k -> save(base, "load " + unique.incrementAndGet(), snapshot);
            IntFunction<HttpRequest> apiReads =
                    k -> HttpRequest.newBuilder(URI.create(base + "/api/experiments/" + ids.get(k % ids.size())))
                            .build();
            IntFunction<HttpRequest> pageReads =
                    k -> HttpRequest.newBuilder(URI.create(base + "/e/" + ids.get(k % ids.size())))
                            .build();
            // Warm-up (JIT), not reported.
            for (IntFunction<HttpRequest> workload : List.of(saves, apiReads, pageReads)) {
                run(null, 2, clients, storage.kind(), http, workload);
            }
            if (only.contains("save")) {
                run("save", seconds, clients, storage.kind(), http, saves);
            }
            if (only.contains("api-read")) {
                run("api-read", seconds, clients, storage.kind(), http, apiReads);
            }
            if (only.contains("page-read")) {
                run("page-read", seconds, clients, storage.kind(), http, pageReads);
            }
            if (only.contains("api-read-verifying")) {
                readsWhileVerifying(base, seconds, clients, storage.kind(), http, apiReads);
            }
        } finally {
            app.stop();
            if (schema != null) {
                schema.close();
            }
            System.exit(0);
        }
    }

    /**
     * API reads while 8 other clients keep submitting the gallery's three-arm spiral solution (a
     * verification each, about 130 ms of one core), so the verification queue stays full; prints
     * the reads' line and how the attempts were answered.
     */
    private static void readsWhileVerifying(
            String base, int seconds, int clients, String storage, HttpClient http, IntFunction<HttpRequest> reads)
            throws Exception {
        backprop.server.challenges.Gallery.Entry spiral = backprop.server.challenges.Gallery.ENTRIES.get(3);
        String body = "{\"spec\":\"" + spiral.solution() + "\",\"epoch\":" + spiral.solutionEpoch() + "}";
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger verified = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        HttpClient submitters =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        int status = submitters
                                .send(
                                        HttpRequest.newBuilder(URI.create(
                                                        base + "/api/challenges/" + spiral.id() + "/attempts"))
                                                .header("Content-Type", "application/json")
                                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        (status == 503 ? busy : verified).incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        run("api-read-verifying", seconds, clients, storage, http, reads);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("{\"attemptsVerified\":%d,\"attemptsBusy503\":%d}%n", verified.get(), busy.get());
    }

    private static HttpRequest save(String base, String title, String snapshot) {
        ObjectNode body = JSON.createObjectNode();
        body.put("spec", Spec.DEFAULT_TEXT);
        body.put("title", title);
        body.put("snapshot", snapshot);
        return HttpRequest.newBuilder(URI.create(base + "/api/experiments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    /** The whole body is received, as bytes: decoding it to a String would be client work the server never causes. */
    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response;
    }

    /** {@code clients} threads send requests back to back for {@code seconds}; prints one JSON line (none without a name). */
    private static void run(
            String name, int seconds, int clients, String storage, HttpClient http, IntFunction<HttpRequest> request)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            Thread t = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < mine.length) {
                    long t0 = System.nanoTime();
                    try {
                        send(http, request.apply(counter.getAndIncrement()));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                mine[mine.length - 1] = n;
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        int total = 0;
        for (long[] l : latencies) {
            total += (int) l[l.length - 1];
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] l : latencies) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, at, n);
            at += n;
        }
        Arrays.sort(all);
        if (name == null) {
            return;
        }
        System.out.printf(
                "{\"storage\":\"%s\",\"workload\":\"%s\",\"clients\":%d,\"requests\":%d,\"errors\":%d,"
                        + "\"perSecond\":%.0f,\"p50ms\":%.2f,\"p99ms\":%.2f,\"cpuMsPerRequest\":%.3f}%n",
                storage,
                name,
                clients,
                total,
                errors.get(),
                total / elapsed,
                all[total / 2] / 1e6,
                all[(int) (total * 0.99)] / 1e6,
                1000 * cpuSeconds / total);
    }
}
