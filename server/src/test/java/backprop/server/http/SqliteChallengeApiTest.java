package backprop.server.http;

import backprop.server.store.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The challenge contract on an SQLite file in a temporary folder. */
class SqliteChallengeApiTest extends ChallengeApiContract {
    @TempDir
    static Path dataDir;

    @Override
    Storage openStorage() {
        return Storage.sqlite(dataDir.resolve("challenges.db"));
    }

    @Override
    Storage openQuotaStorage(long quotaBytes) {
        return Storage.sqlite(dataDir.resolve("quota.db"), quotaBytes);
    }
}
