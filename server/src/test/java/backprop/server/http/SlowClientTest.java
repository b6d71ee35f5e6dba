package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.server.store.Storage;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and abusive clients on real sockets (127.0.0.1 only): uploads that trickle in a byte at a
 * time, headers that never end, while a normal client keeps being answered. Limits are shortened
 * so the test takes seconds: idle 3 s, headers 1.5 s, 1 KB/s after 1 s, 4 uploads per address, 8 in all.
 */
@Timeout(60)
class SlowClientTest {
    private static final ServerLimits SHORT = new ServerLimits(3_000, 1_500, 1024, 1_000_000_000L, 4, 8);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    private Javalin app;
    private Storage storage;

    @BeforeEach
    void start() {
        storage = Storage.sqlite(dataDir.resolve("slow.db"));
        app = App.create(storage, ServerConfig.defaults().withSaveLimitPerMinute(0), SHORT)
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        storage.close();
    }

    @Test
    void aNormalClientIsAnsweredFastWhileManyUploadsTrickleIn() throws Exception {
        int slow = 60;
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < slow; i++) {
                Socket s = connect();
                s.getOutputStream()
                        .write(("POST /api/experiments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                                .getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            ExecutorService dribbler = Executors.newSingleThreadExecutor();
            Future<?> dribbling = dribbler.submit(() -> {
                for (int round = 0; round < 40 && !Thread.currentThread().isInterrupted(); round++) {
                    for (Socket s : sockets) {
                        try {
                            s.getOutputStream().write(' ');
                        } catch (IOException closedByServer) {
                            // expected for refused and timed-out uploads
                        }
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long worst = 0;
            for (int i = 0; i < 20; i++) {
                for (String path : new String[] {"/", "/healthz"}) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = HTTP.send(
                            HttpRequest.newBuilder(uri(path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    worst = Math.max(worst, System.nanoTime() - start);
                    assertEquals(200, answer.statusCode(), path);
                }
            }
            // Held up, a normal answer would wait for the uploads (8 s of dribbling, then the 5 s timeout);
            // 2.5 s leaves room for a loaded machine's pauses (1.5 s seen at a load average of 20 on 2 cores).
            assertTrue(worst < 2_500_000_000L, "slowest normal answer: " + worst / 1_000_000 + " ms");

            int refused = 0;
            int tooSlow = 0;
            for (Socket s : sockets) {
                s.setSoTimeout(5_000);
                String status = statusLine(s.getInputStream());
                if (status.startsWith("HTTP/1.1 503")) {
                    refused++;
                } else if (status.startsWith("HTTP/1.1 408")) {
                    tooSlow++;
                }
            }
            dribbling.cancel(true);
            dribbler.shutdownNow();
            assertTrue(
                    refused >= slow - 8,
                    "at most 8 uploads may arrive at once (4 from one address); refused " + refused);
            assertEquals(slow, refused + tooSlow, "every slow upload is answered: 503 at once or 408 when too slow");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void anUploadSlowerThanTheMinimumRateIsAnswered408() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream()
                    .write(("POST /api/experiments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            String status = "";
            s.setSoTimeout(200);
            for (int i = 0; i < 50 && status.isEmpty(); i++) {
                try {
                    s.getOutputStream().write(' ');
                    status = statusLine(s.getInputStream());
                } catch (java.net.SocketTimeoutException notYet) {
                    // keep sending
                } catch (IOException closed) {
                    break;
                }
            }
            assertTrue(status.startsWith("HTTP/1.1 408"), status);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 4, "ended after the 1 s grace, took " + seconds + " s");
        }
    }

    @Test
    void headersThatNeverEndAreCutAtTheDeadline() throws Exception {
        try (Socket s = connect()) {
            double seconds = trickleHeadersUntilClosed(s);
            assertTrue(seconds > 1.0 && seconds < 4, "closed after the 1.5 s deadline, at " + seconds + " s");
        }
    }

    @Test
    void aKeptAliveConnectionsNextRequestHasTheSameHeaderDeadline() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream()
                    .write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(5_000);
            String answer = readOneAnswer(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            // The first request was whole; the next one's headers trickle in, a line each 100 ms.
            double seconds = trickleHeadersUntilClosed(s);
            assertTrue(seconds > 1.0 && seconds < 4, "closed after the 1.5 s deadline, at " + seconds + " s");
        }
    }

    /** Sends a request line, then a header line every 100 ms (each resets the idle timeout); seconds until closed. */
    private static double trickleHeadersUntilClosed(Socket s) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        long start = System.nanoTime();
        boolean closed = false;
        for (int i = 0; i < 60 && !closed; i++) {
            try {
                out.write("X-Slow: a\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            } catch (IOException e) {
                closed = true;
            }
            if (!closed) {
                s.setSoTimeout(1);
                try {
                    closed = s.getInputStream().read() == -1;
                } catch (java.net.SocketTimeoutException open) {
                    // still open
                } catch (IOException e) {
                    closed = true;
                }
            }
        }
        assertTrue(closed, "the connection was closed");
        return (System.nanoTime() - start) / 1e9;
    }

    /** One HTTP/1.1 answer with a Content-Length, read whole: its head and body as text. */
    private static String readOneAnswer(java.io.InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the answer's head: " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertTrue(length.find(), head.toString());
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return head + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void manyConcurrentNormalSavesFromOneAddressAreNotThrottled() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String body = "{\"spec\":\"v=1&seed=" + i + "\",\"title\":\"proxy " + i + "\"}";
                answers.add(clients.submit(() -> HTTP.send(
                                HttpRequest.newBuilder(uri("/api/experiments"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", app.port()), 2_000);
        return s;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** The first line of the answer, or "" when the connection closed without one. */
    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            for (int c; (c = in.read()) != -1 && c != '\n'; ) {
                line.append((char) c);
            }
        } catch (java.net.SocketException reset) {
            // closed without an answer
        }
        return line.toString().trim();
    }
}
