package backprop.server.store;

import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Saved experiments in the database: the same SQL on SQLite and PostgreSQL. Rows are written
 * once and never changed, except that an operator may mark one taken down.
 */
public final class ExperimentStore {
    private final Storage storage;
    private final Jdbi jdbi;
    private final GroupCommit writes;

    /** Reads on the storage's pool; writes through its one writer. */
    public ExperimentStore(Storage storage) {
        this.storage = storage;
        this.jdbi = storage.jdbi();
        this.writes = storage.writes();
    }

    /** What {@link #insert} found. */
    public enum Outcome {
        CREATED,
        ALREADY_THERE
    }

    /**
     * Writes the experiment unless its id is already taken. {@code ON CONFLICT DO NOTHING}
     * (SQLite 3.24+, PostgreSQL 9.5+) makes the check and the write one atomic statement, so two
     * instances saving the same content at once both see one row; the existing row is never
     * overwritten. Runs in a transaction shared with concurrent writes ({@link GroupCommit}) and
     * returns only after it committed; two saves of the same content in one batch give one row,
     * the second finding it there.
     *
     * @throws QuotaExceededException when the storage quota has no room for it
     */
    public Outcome insert(Experiment experiment) {
        // Encoded here, on the request's thread: the one writer does only the SQL.
        String snapshot =
                experiment.snapshot() == null ? null : Base64.getEncoder().encodeToString(experiment.snapshot());
        long size = StorageQuota.sizeOf(experiment, snapshot);
        try {
            storage.quota().reserve(size);
        } catch (QuotaExceededException full) {
            if (find(experiment.id()).isPresent()) {
                return Outcome.ALREADY_THERE; // saving it again takes no room
            }
            throw full;
        }
        int rows = writes.write(h -> h.createUpdate("INSERT INTO experiments "
                        + "(id, spec, title, description, snapshot, created_at, taken_down_at, dataset) "
                        + "VALUES (:id, :spec, :title, :description, :snapshot, :createdAt, NULL, :dataset) "
                        + "ON CONFLICT (id) DO NOTHING")
                .bind("id", experiment.id())
                .bind("spec", experiment.spec())
                .bind("title", experiment.title())
                .bind("description", experiment.description())
                .bind("snapshot", snapshot)
                .bind("createdAt", experiment.createdAt())
                .bind("dataset", experiment.dataset())
                .execute());
        if (rows == 1) {
            storage.quota().added(size);
            return Outcome.CREATED;
        }
        return Outcome.ALREADY_THERE;
    }

    /**
     * @throws StorageUnavailableException when the database cannot be reached in time
     */
    public Optional<Experiment> find(String id) {
        if (!storage.reachable()) {
            // Known down: say so at once (the read cache may then answer from an older read).
            throw new StorageUnavailableException("the database (" + storage.kind() + ") is not answering", null);
        }
        try {
            return findRow(id);
        } catch (RuntimeException e) {
            if (StorageUnavailableException.isConnectionFailure(e)) {
                storage.reportFailure(e);
                throw new StorageUnavailableException("the database (" + storage.kind() + ") is not answering", e);
            }
            throw e;
        }
    }

    private Optional<Experiment> findRow(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, spec, title, description, snapshot, created_at, "
                        + "taken_down_at, dataset FROM experiments WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    String snapshot = rs.getString("snapshot");
                    long takenDown = rs.getLong("taken_down_at");
                    Long takenDownAt = rs.wasNull() ? null : takenDown;
                    return new Experiment(
                            rs.getString("id"),
                            rs.getString("spec"),
                            rs.getString("title"),
                            rs.getString("description"),
                            snapshot == null ? null : Base64.getDecoder().decode(snapshot),
                            rs.getLong("created_at"),
                            takenDownAt,
                            rs.getString("dataset"));
                })
                .findOne());
    }

    /**
     * Marks the experiment taken down at {@code now} (the first time counts).
     *
     * @return false when no experiment has this id
     */
    public boolean takeDown(String id, long now) {
        return writes.write(h -> {
            h.createUpdate("UPDATE experiments SET taken_down_at = :now WHERE id = :id AND taken_down_at IS NULL")
                    .bind("id", id)
                    .bind("now", now)
                    .execute();
            return h.createQuery("SELECT COUNT(*) FROM experiments WHERE id = :id")
                            .bind("id", id)
                            .mapTo(Long.class)
                            .one()
                    > 0;
        });
    }
}
