package backprop.server.http;

import backprop.server.store.Storage;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A measurement, not a test: the server (default limits, SQLite) on 127.0.0.1; a normal client
 * alternates {@code GET /} and {@code GET /healthz} for a few seconds alone, then again while
 * {@code slow} sockets each declare a 2 MB save and send one byte every half second (a socket
 * the server answers or closes is replaced at once, so the pressure stays). Prints the normal
 * client's latencies both times, and what the slow sockets got, as JSON lines.
 *
 * <p>Run like {@link LoadRun}: {@code java -cp ... backprop.server.http.SlowClientRun [slow] [seconds]}.
 */
public final class SlowClientRun {
    private static final byte[] HEAD =
            ("POST /api/experiments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 2000000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII);

    private SlowClientRun() {}

    public static void main(String[] args) throws Exception {
        int slow = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Storage storage =
                Storage.sqlite(Files.createTempDirectory("backprop-slow").resolve("slow.db"));
        Javalin app = App.create(storage, ServerConfig.defaults().withSaveLimitPerMinute(0))
                .start("127.0.0.1", 0);
        int port = app.port();
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        measure("alone", http, port, seconds / 2, 0, null);

        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            sockets.add(open(port));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong replaced = new AtomicLong();
        Thread dribbler = new Thread(
                () -> {
                    while (running.get()) {
                        for (int i = 0; i < sockets.size(); i++) {
                            Socket s = sockets.get(i);
                            try {
                                if (s.getInputStream().available() > 0) {
                                    throw new IOException("answered");
                                }
                                s.getOutputStream().write(' ');
                            } catch (IOException answeredOrClosed) {
                                try {
                                    s.close();
                                    sockets.set(i, open(port));
                                    replaced.incrementAndGet();
                                } catch (IOException e) {
                                    // try again next round
                                }
                            }
                        }
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "dribbler");
        dribbler.start();
        Thread.sleep(1000);
        measure("with " + slow + " slow sockets", http, port, seconds, slow, replaced);
        running.set(false);
        dribbler.join();
        for (Socket s : sockets) {
            s.close();
        }
        app.stop();
        storage.close();
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.getOutputStream().write(HEAD);
        return s;
    }

    private static void measure(String label, HttpClient http, int port, int seconds, int slow, AtomicLong replaced)
            throws Exception {
        List<Long> nanos = new ArrayList<>();
        int failed = 0;
        long replacedBefore = replaced == null ? 0 : replaced.get();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            String path = i % 2 == 0 ? "/" : "/healthz";
            long start = System.nanoTime();
            try {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                        .timeout(java.time.Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status != 200) {
                    failed++;
                }
            } catch (IOException e) {
                failed++;
            }
            nanos.add(System.nanoTime() - start);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "{\"run\":\"%s\",\"requests\":%d,\"failed\":%d,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,"
                        + "\"slowSocketsAnsweredOrClosed\":%d}%n",
                label,
                sorted.length,
                failed,
                pct(sorted, 0.50),
                pct(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6,
                replaced == null ? 0 : replaced.get() - replacedBefore);
        Arrays.fill(sorted, 0);
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
