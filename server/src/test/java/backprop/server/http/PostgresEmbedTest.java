package backprop.server.http;

import backprop.server.store.Storage;
import backprop.server.store.TestDatabases;

/**
 * Embedding on PostgreSQL ({@code BACKPROP_TEST_PG_URL}), in a fresh schema dropped afterwards.
 * Fails under CI=true when no PostgreSQL is configured; skips elsewhere.
 */
class PostgresEmbedTest extends EmbedContract {
    private TestDatabases.PgSchema schema;

    @Override
    Storage openStorage() throws Exception {
        if (schema == null) {
            TestDatabases.requirePostgres();
            schema = new TestDatabases.PgSchema();
        }
        return schema.open();
    }

    @Override
    void closeDatabase() throws Exception {
        if (schema != null) {
            schema.close();
        }
    }
}
