package backprop.server.http;

import backprop.server.store.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The saved-experiment contract on an SQLite file in a temporary folder. */
class SqliteExperimentApiTest extends ExperimentApiContract {
    @TempDir
    static Path dataDir;

    @Override
    Storage openStorage() {
        return Storage.sqlite(dataDir.resolve("experiments.db"));
    }
}
