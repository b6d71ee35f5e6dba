package backprop.server.http;

import backprop.server.store.Storage;
import backprop.server.store.TestDatabases;

/**
 * Imported points and exports on PostgreSQL ({@code BACKPROP_TEST_PG_URL}), in a fresh schema
 * dropped afterwards. Fails under CI=true when no PostgreSQL is configured; skips elsewhere.
 */
class PostgresExportsAndImportsTest extends ExportsAndImportsContract {
    private final TestDatabases.PgFixture postgres = new TestDatabases.PgFixture();

    @Override
    Storage openStorage() throws Exception {
        return postgres.open();
    }

    @Override
    void closeDatabase() throws Exception {
        postgres.close();
    }
}
