package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.server.Main;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on a real server process: saves whose body is still arriving when the signal comes get
 * their answer and are stored, the process exits with 143 after closing its storage, and a
 * restart on the same file finds them.
 */
@Timeout(120)
class GracefulShutdownTest {
    private static final Pattern LISTENING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final int IN_FLIGHT = 4;

    @TempDir
    Path dataDir;

    @Test
    void sigtermFinishesTheSavesUnderWayThenExits143() throws Exception {
        Path db = dataDir.resolve("drain.db");
        Process server = start(db);
        List<String> output = new ArrayList<>();
        int port = port(server, output);
        List<Socket> saves = new ArrayList<>();
        List<byte[]> rests = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            byte[] body = ("{\"spec\":\"v=1&seed=" + (40 + i) + "\",\"title\":\"drained " + i + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/experiments HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nContent-Type: application/json\r\n" + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10); // the rest comes after the signal
            out.flush();
            saves.add(s);
            byte[] rest = new byte[body.length - 10];
            System.arraycopy(body, 10, rest, 0, rest.length);
            rests.add(rest);
        }
        Thread.sleep(300); // the requests are under way
        long signalled = System.nanoTime();
        server.destroy(); // SIGTERM
        Thread.sleep(500);
        int created = 0;
        for (int i = 0; i < IN_FLIGHT; i++) {
            saves.get(i).getOutputStream().write(rests.get(i));
            saves.get(i).getOutputStream().flush();
        }
        for (int i = 0; i < IN_FLIGHT; i++) {
            String status = statusLine(saves.get(i).getInputStream());
            assertTrue(status.startsWith("HTTP/1.1 201"), "save " + i + " answered: " + status);
            created++;
            saves.get(i).close();
        }
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server exits within the drain deadline");
        double seconds = (System.nanoTime() - signalled) / 1e9;
        assertEquals(143, server.exitValue(), String.join("\n", output));
        System.out.printf(
                "{\"sigterm\":{\"savesInFlight\":%d,\"saved\":%d,\"exitStatus\":%d,\"seconds\":%.2f}}%n",
                IN_FLIGHT, created, server.exitValue(), seconds);

        Process again = start(db);
        try {
            int portAgain = port(again, new ArrayList<>());
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < IN_FLIGHT; i++) {
                String body = "{\"spec\":\"v=1&seed=" + (40 + i) + "\",\"title\":\"drained " + i + "\"}";
                HttpResponse<String> resaved = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portAgain + "/api/experiments"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, resaved.statusCode(), "save " + i + " was stored before the exit: " + resaved.body());
            }
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path db) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--db",
                db.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("BACKPROP_"));
        builder.environment().put("BACKPROP_SAVE_LIMIT_PER_MINUTE", "0");
        return builder.start();
    }

    /** Reads the output until the server says where it listens; keeps reading it in the background. */
    private static int port(Process process, List<String> output) throws Exception {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            output.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(
                        () -> {
                            try {
                                for (String more; (more = out.readLine()) != null; ) {
                                    synchronized (output) {
                                        output.add(more);
                                    }
                                }
                            } catch (java.io.IOException e) {
                                // process gone
                            }
                        },
                        "server-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the server did not start:\n" + String.join("\n", output));
    }

    private static String statusLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) {
            line.append((char) c);
        }
        return line.toString().trim();
    }
}
