package backprop.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The database: an SQLite file by default, PostgreSQL when a JDBC URL names one. One Flyway
 * migration set serves both.
 */
public final class Storage implements AutoCloseable {
    /** Connections per instance; PostgreSQL's default max_connections (100) fits several instances. */
    private static final int POOL_SIZE = 8;

    /**
     * The longest a request waits for a pooled connection (HikariCP's default is 30 s: with the
     * database gone each save waited that long, in turn).
     */
    static final long CONNECTION_TIMEOUT_MILLIS = 2_000;
    /** The longest one statement may run (our statements take milliseconds). */
    static final int STATEMENT_TIMEOUT_SECONDS = 5;
    /** {@code /healthz} waits this long at most for {@code SELECT 1}. */
    static final long HEALTH_WAIT_MILLIS = 1_500;

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final StorageHealth health;
    private final GroupCommit writes;
    private final StorageQuota quota;
    private final String description;

    /** PostgreSQL writers per instance: one batch's inserts overlap another's WAL flush. */
    private static final int POSTGRESQL_WRITERS = 4;

    private Storage(HikariDataSource pool, String description, int writers, long quotaBytes) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.jdbi.getConfig(SqlStatements.class).setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
        this.health = new StorageHealth(jdbi, HEALTH_WAIT_MILLIS, 1);
        this.writes = new GroupCommit(jdbi, health, description, "backprop-db-writer", writers);
        this.quota = new StorageQuota(jdbi, quotaBytes, System::nanoTime);
        this.description = description;
    }

    /**
     * A pool of open connections: opening one per query cost milliseconds (a login on
     * PostgreSQL; on SQLite the last connection's close checkpoints the WAL, with fsyncs).
     */
    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("backprop-db");
        config.setJdbcUrl(url);
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1_000);
        // Start even when the database is down: the server answers 503 for storage and recovers by itself.
        config.setInitializationFailTimeout(-1);
        if (url.startsWith("jdbc:postgresql:")) {
            // A vanished server must not hang a connection attempt, a login or a read for minutes.
            config.addDataSourceProperty("connectTimeout", "2");
            config.addDataSourceProperty("loginTimeout", "2");
            config.addDataSourceProperty("socketTimeout", Integer.toString(STATEMENT_TIMEOUT_SECONDS * 2));
        }
        return new HikariDataSource(config);
    }

    /** An SQLite file, its folder created when missing, with the default quota ({@link StorageQuota#DEFAULT_BYTES}). */
    public static Storage sqlite(Path file) {
        return sqlite(file, StorageQuota.DEFAULT_BYTES);
    }

    /** An SQLite file whose saved experiments may take {@code quotaBytes} (0: no quota). */
    public static Storage sqlite(Path file, long quotaBytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the database folder for " + file + ": " + e.getMessage(), e);
        }
        // synchronous=FULL, stated rather than left to the build's default (some builds use NORMAL
        // in WAL mode): a commit returns after the WAL is on disk, so nothing acknowledged is lost
        // to a crash or a power cut. GroupCommit shares that fsync among concurrent saves.
        String url = "jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&synchronous=FULL&busy_timeout=5000";
        migrate(url, null, null);
        return new Storage(pool(url, null, null), "sqlite", 1, quotaBytes); // one write lock per file: one writer
    }

    /** Any JDBC database the migrations support (PostgreSQL in production), with the default quota. */
    public static Storage jdbc(String url, String user, String password) {
        return jdbc(url, user, password, StorageQuota.DEFAULT_BYTES);
    }

    /** The same with a quota of {@code quotaBytes} (0: no quota). */
    public static Storage jdbc(String url, String user, String password, long quotaBytes) {
        migrate(url, user, password);
        boolean postgresql = url.startsWith("jdbc:postgresql:");
        return new Storage(
                pool(url, user, password),
                postgresql ? "postgresql" : "jdbc",
                postgresql ? POSTGRESQL_WRITERS : 1,
                quotaBytes);
    }

    private static void migrate(String url, String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Commits the writes already queued, then closes the pool's connections. */
    @Override
    public void close() {
        writes.close();
        pool.close();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The database's one writer: every write goes through it (see {@link GroupCommit}). */
    GroupCommit writes() {
        return writes;
    }

    /** Saves waiting for the writers now (for metrics). */
    public int saveQueueDepth() {
        return writes.queued();
    }

    StorageQuota quota() {
        return quota;
    }

    /** "sqlite" or "postgresql". */
    public String kind() {
        return description;
    }

    /**
     * True when {@code SELECT 1} answers within {@link #HEALTH_WAIT_MILLIS} (a cheap query: no
     * table is read), so {@code /healthz} answers within 2 s even with the database gone.
     */
    public boolean healthy() {
        return health.check();
    }

    /**
     * False while the database is known down (a background probe, at most one a second, notices
     * its return): a read then fails at once instead of waiting out the pool's timeout.
     */
    public boolean reachable() {
        return health.acceptsWrites();
    }

    /** Tells the storage a read failed; a connection failure marks the database down (see {@link StorageHealth}). */
    public void reportFailure(Throwable failure) {
        health.reportFailure(failure);
    }
}
