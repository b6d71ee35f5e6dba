package backprop.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: an SQLite file by default, PostgreSQL when a JDBC URL names one. One Flyway
 * migration set serves both.
 */
public final class Storage implements AutoCloseable {
    /** Connections per instance; PostgreSQL's default max_connections (100) fits several instances. */
    private static final int POOL_SIZE = 8;

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final GroupCommit writes;
    private final String description;

    /** PostgreSQL writers per instance: one batch's inserts overlap another's WAL flush. */
    private static final int POSTGRESQL_WRITERS = 4;

    private Storage(HikariDataSource pool, String description, int writers) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.writes = new GroupCommit(jdbi, "backprop-db-writer", writers);
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
        return new HikariDataSource(config);
    }

    /** An SQLite file, its folder created when missing. */
    public static Storage sqlite(Path file) {
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
        return new Storage(pool(url, null, null), "sqlite", 1); // one write lock per file: one writer
    }

    /** Any JDBC database the migrations support (PostgreSQL in production). */
    public static Storage jdbc(String url, String user, String password) {
        migrate(url, user, password);
        boolean postgresql = url.startsWith("jdbc:postgresql:");
        return new Storage(pool(url, user, password), postgresql ? "postgresql" : "jdbc", postgresql ? POSTGRESQL_WRITERS : 1);
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

    /** "sqlite" or "postgresql". */
    public String kind() {
        return description;
    }

    /** True when a trivial query answers. */
    public boolean healthy() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM experiments").mapTo(Long.class).one()) >= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
