package backprop.server.http;

import backprop.server.store.Storage;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** What the page tests share: the whole app on a real 127.0.0.1 port with a fresh SQLite file. */
abstract class ServedPagesTest {
    @TempDir
    static Path dataDir;

    static Javalin app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        // A folder that does not exist yet: the server creates what it needs.
        app = App.create(Storage.sqlite(dataDir.resolve("sub/dir/pages.db"))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(String path) throws Exception {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET with an {@code Accept} header, as a browser ({@code text/html,...}) or a program sends it. */
    static HttpResponse<String> getAccepting(String path, String accept) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .build();
    }
}
