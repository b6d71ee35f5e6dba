package backprop.server.http;

import backprop.server.store.Storage;
import backprop.server.store.TestDatabases;

/** The challenge contract on PostgreSQL ({@code BACKPROP_TEST_PG_URL}), in a fresh schema dropped afterwards. */
class PostgresChallengeApiTest extends ChallengeApiContract {
    private final TestDatabases.PgFixture postgres = new TestDatabases.PgFixture();
    private final TestDatabases.PgFixture quotaPostgres = new TestDatabases.PgFixture();

    @Override
    Storage openStorage() throws Exception {
        return postgres.open();
    }

    @Override
    Storage openQuotaStorage(long quotaBytes) throws Exception {
        return quotaPostgres.open(quotaBytes);
    }

    @Override
    void closeDatabase() throws Exception {
        postgres.close();
        quotaPostgres.close();
    }
}
