package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.server.problems.ApiError;
import backprop.server.store.Storage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors stay small and ours: a body of many unknown fields or a spec of repeated keys gets a
 * short answer, Jackson's words never reach the client, and Jetty's own refusals (a bad address,
 * a long one, large headers) carry our headers, JSON under /api/.
 */
class BoundedErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    static Storage storage;
    static Javalin app;

    @BeforeAll
    static void start() {
        storage = Storage.sqlite(dataDir.resolve("errors.db"));
        app = App.create(storage, ServerConfig.defaults().withSaveLimitPerMinute(0))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        storage.close();
    }

    @Test
    void aHundredAndFortyThousandUnknownFieldsGetAShortAnswerQuickly() throws Exception {
        StringBuilder body = new StringBuilder("{\"spec\":\"v=1\",\"title\":\"t\"");
        for (int i = 0; i < 140_000; i++) {
            body.append(",\"f").append(i).append("\":1");
        }
        body.append('}');
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        HttpResponse<String> answer = post(body.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().length() < 1000, answer.body().length() + " characters");
        assertTrue(answer.body().contains("more than 10 fields a save does not have"), answer.body());
        assertTrue(seconds < 2, seconds + " s");
        System.out.printf(
                "{\"amplification\":\"140000 unknown fields (1.9 MB)\",\"requestBytes\":%d,\"answerBytes\":%d,\"seconds\":%.3f,"
                        + "\"clientCpuSeconds\":%.3f}%n",
                body.length(),
                answer.body().length(),
                seconds,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    @Test
    void aSpecOfRepeatedKeysListsAtMostTwentyProblems() throws Exception {
        String spec = "v=1" + "&lr=0".repeat(3200); // 16 KB
        long start = System.nanoTime();
        HttpResponse<String> answer = post("{\"spec\":\"" + spec + "\",\"title\":\"t\"}");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(400, answer.statusCode());
        JsonNode json = JSON.readTree(answer.body());
        assertEquals(ApiError.MAX_LISTED, json.get("problems").size());
        assertTrue(
                json.get("error").asText().contains("the first 20 listed"),
                json.get("error").asText());
        assertTrue(answer.body().length() < 16_000, answer.body().length() + " characters");
        System.out.printf(
                "{\"amplification\":\"16 KB spec of repeated keys\",\"requestBytes\":%d,\"answerBytes\":%d,"
                        + "\"seconds\":%.3f}%n",
                spec.length(), answer.body().length(), seconds);
    }

    @Test
    void jacksonsWordsNeverReachTheClient() throws Exception {
        String deep = "{\"spec\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        String longNumber = "{\"spec\":" + "1".repeat(2000) + "}";
        for (String bad : new String[] {
            "{\"spec\":\"v=1\",\"title\":\"a\"} trailing",
            "{\"spec\":\"v=1\"}{}",
            "{\"spec\":\"v=1\",\"spec\":\"v=1\"}",
            deep,
            longNumber,
            "{\"spec\":tru}"
        }) {
            HttpResponse<String> answer = post(bad);
            assertEquals(400, answer.statusCode(), bad);
            for (String leak : new String[] {
                "Feature", "FAIL_ON", "StreamReadConstraints", "jackson", "Exception", "com.", "Unrecognized"
            }) {
                assertFalse(answer.body().contains(leak), answer.body());
            }
            assertTrue(answer.body().startsWith("{\"error\":\"the body"), answer.body());
        }
    }

    @Test
    void jettysOwnRefusalsCarryOurHeadersAndJsonUnderTheApi() throws Exception {
        String api = raw("GET /api/experiments/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertTrue(api.startsWith("HTTP/1.1 400"), api);
        assertTrue(api.contains("Content-Security-Policy: default-src 'self'"), api);
        assertTrue(api.contains("X-Content-Type-Options: nosniff"), api);
        assertTrue(api.contains("{\"error\":\"the request is malformed"), api);

        // Jetty loses the address of a request it could not parse: JSON there too, with our headers.
        String page = raw("GET /e/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertTrue(page.startsWith("HTTP/1.1 400"), page);
        assertTrue(page.contains("X-Frame-Options: DENY"), page);
        assertTrue(page.contains("{\"error\":\"the request is malformed"), page);

        String longUri = raw("GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertTrue(longUri.startsWith("HTTP/1.1 414"), longUri);
        assertTrue(longUri.contains("Content-Security-Policy"), longUri);

        String bigHeaders =
                raw("GET /api/experiments/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        assertTrue(bigHeaders.startsWith("HTTP/1.1 431"), bigHeaders);
        assertTrue(bigHeaders.contains("Content-Security-Policy"), bigHeaders);
        for (String answer : new String[] {api, page, longUri, bigHeaders}) {
            assertFalse(answer.toLowerCase().contains("jetty"), answer);
        }
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/experiments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The whole answer (headers and body) to a request written byte for byte. */
    static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    if (answer.indexOf("\r\n\r\n") > 0 && complete(answer)) {
                        break;
                    }
                }
            } catch (java.net.SocketException reset) {
                // the server closed after answering
            }
            return answer.toString();
        }
    }

    private static boolean complete(StringBuilder answer) {
        String text = answer.toString();
        java.util.regex.Matcher length =
                java.util.regex.Pattern.compile("(?i)Content-Length: (\\d+)").matcher(text);
        if (!length.find()) {
            return false;
        }
        return text.length() - (text.indexOf("\r\n\r\n") + 4) >= Integer.parseInt(length.group(1));
    }
}
