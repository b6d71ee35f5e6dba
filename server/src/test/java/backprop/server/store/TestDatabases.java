package backprop.server.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the storage tests run on: SQLite always; PostgreSQL when
 * {@code BACKPROP_TEST_PG_URL} (+ {@code _USER}, {@code _PASSWORD}) names one, as {@code .ci/run}
 * sets. Under {@code CI=true} a missing PostgreSQL fails the run instead of skipping it.
 */
public final class TestDatabases {
    public static final String PG_URL = System.getenv("BACKPROP_TEST_PG_URL");
    public static final String PG_USER = System.getenv("BACKPROP_TEST_PG_USER");
    public static final String PG_PASSWORD = System.getenv("BACKPROP_TEST_PG_PASSWORD");

    private TestDatabases() {}

    /** Returns when PostgreSQL is configured; else fails under CI=true, skips elsewhere. */
    public static void requirePostgres() {
        if (PG_URL != null && !PG_URL.isBlank()) {
            return;
        }
        String why = "BACKPROP_TEST_PG_URL is not set: the PostgreSQL storage tests need a database "
                + "(.ci/run starts one and sets BACKPROP_TEST_PG_URL, _USER and _PASSWORD)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true: " + why);
        }
        Assumptions.abort(why);
    }

    /**
     * A fresh, empty schema on the test PostgreSQL, so each test class starts from an empty
     * database however often the tests ran before; dropped on close.
     */
    public static final class PgSchema implements AutoCloseable {
        public final String name = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        public final String url;

        public PgSchema() throws SQLException {
            execute("CREATE SCHEMA " + name);
            url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        public Storage open() {
            return Storage.jdbc(url, PG_USER, PG_PASSWORD);
        }

        /** The schema with a storage quota of {@code quotaBytes}. */
        public Storage open(long quotaBytes) {
            return Storage.jdbc(url, PG_USER, PG_PASSWORD, quotaBytes);
        }

        @Override
        public void close() throws SQLException {
            execute("DROP SCHEMA " + name + " CASCADE");
        }

        private static void execute(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    /**
     * One test class's PostgreSQL: a fresh schema made on first use (after {@link #requirePostgres})
     * and dropped at {@link #close}.
     */
    public static final class PgFixture {
        private PgSchema schema;

        public Storage open() throws SQLException {
            return open(-1);
        }

        /** {@link #open()} with a storage quota of {@code quotaBytes} (-1: the default). */
        public Storage open(long quotaBytes) throws SQLException {
            if (schema == null) {
                requirePostgres();
                schema = new PgSchema();
            }
            return quotaBytes < 0 ? schema.open() : schema.open(quotaBytes);
        }

        public void close() throws SQLException {
            if (schema != null) {
                schema.close();
            }
        }
    }
}
