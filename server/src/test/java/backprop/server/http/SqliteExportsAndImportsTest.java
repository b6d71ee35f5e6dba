package backprop.server.http;

import backprop.server.store.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Imported points and exports on an SQLite file in a temporary folder. */
class SqliteExportsAndImportsTest extends ExportsAndImportsContract {
    @TempDir
    static Path dataDir;

    @Override
    Storage openStorage() {
        return Storage.sqlite(dataDir.resolve("experiments.db"));
    }
}
