package backprop.server.http;

import backprop.server.store.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Embedding on an SQLite file in a temporary folder. */
class SqliteEmbedTest extends EmbedContract {
    @TempDir
    static Path dataDir;

    @Override
    Storage openStorage() {
        return Storage.sqlite(dataDir.resolve("embed.db"));
    }
}
