package backprop.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: an SQLite file by default, PostgreSQL when a JDBC URL names one. One Flyway
 * migration set serves both.
 */
public final class Storage {
    private final Jdbi jdbi;
    private final String description;

    private Storage(Jdbi jdbi, String description) {
        this.jdbi = jdbi;
        this.description = description;
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
        String url = "jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&busy_timeout=5000";
        migrate(url, null, null);
        return new Storage(Jdbi.create(url), "sqlite");
    }

    /** Any JDBC database the migrations support (PostgreSQL in production). */
    public static Storage jdbc(String url, String user, String password) {
        migrate(url, user, password);
        return new Storage(Jdbi.create(url, user, password), url.startsWith("jdbc:postgresql:") ? "postgresql" : "jdbc");
    }

    private static void migrate(String url, String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
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
