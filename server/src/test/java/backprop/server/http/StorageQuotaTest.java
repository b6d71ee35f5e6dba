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

/** Saves stop with a clear 507 when the storage quota is reached; reads go on. */
class StorageQuotaTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aFullQuotaRefusesNewSavesWith507AndReadsGoOn() throws Exception {
        Storage storage = Storage.sqlite(dataDir.resolve("quota.db"), 1000); // about ten small saves
        Javalin app = App.create(storage, ServerConfig.defaults().withSaveLimitPerMinute(0))
                .start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            String firstId = null;
            HttpResponse<String> answer = null;
            for (int i = 0; i < 40; i++) {
                answer = save(base, "quota " + i);
                if (answer.statusCode() != 201) {
                    break;
                }
                if (firstId == null) {
                    firstId = answer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                }
            }
            assertEquals(507, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("storage quota is reached"), answer.body());
            assertTrue(answer.body().contains("BACKPROP_STORAGE_QUOTA_MB"), answer.body());
            assertEquals(
                    200,
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/experiments/" + firstId))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode(),
                    "reads are unaffected");
            assertEquals(
                    200,
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create(base + "/e/" + firstId))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            assertEquals(200, save(base, "quota 0").statusCode(), "saving what is already there still answers");
        } finally {
            app.stop();
            storage.close();
        }
    }

    private static HttpResponse<String> save(String base, String title) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/experiments"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"spec\":\"v=1\",\"title\":\"" + title + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
