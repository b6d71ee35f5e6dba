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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD answers what GET would (status and headers), without a body. */
class HeadRequestsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void headHasGetsStatusAndHeadersWithoutTheBody() throws Exception {
        Storage storage = Storage.sqlite(dataDir.resolve("head.db"));
        Javalin app = App.create(storage).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            for (String path : new String[] {
                "/",
                "/e/unknown1",
                "/e/0000000000",
                "/api/experiments/0000000000",
                "/static/css/playground.css",
                "/healthz",
                "/no/such/page",
                "/graph"
            }) {
                HttpResponse<byte[]> get = send(base + path, "GET");
                HttpResponse<byte[]> head = send(base + path, "HEAD");
                assertEquals(get.statusCode(), head.statusCode(), path);
                assertEquals(0, head.body().length, path);
                assertEquals(
                        get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
                assertEquals(
                        get.headers().firstValue("Content-Security-Policy"),
                        head.headers().firstValue("Content-Security-Policy"),
                        path);
            }
            assertEquals(404, send(base + "/e/unknown", "HEAD").statusCode());
        } finally {
            app.stop();
            storage.close();
        }
    }

    @Test
    void headOfHealthzIs503WhenTheDatabaseIsGone() throws Exception {
        Storage storage = Storage.sqlite(dataDir.resolve("gone.db"));
        Javalin app = App.create(storage).start("127.0.0.1", 0);
        try {
            storage.close();
            HttpResponse<byte[]> head = send("http://127.0.0.1:" + app.port() + "/healthz", "HEAD");
            assertEquals(503, head.statusCode());
            assertTrue(head.body().length == 0);
        } finally {
            app.stop();
        }
    }

    private static HttpResponse<byte[]> send(String url, String method) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
