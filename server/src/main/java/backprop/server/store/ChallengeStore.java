package backprop.server.store;

import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Challenges and their verified attempts in the database: the same SQL on SQLite and PostgreSQL,
 * written through the storage's one writer ({@link GroupCommit}) with
 * {@code INSERT ... ON CONFLICT DO NOTHING}, so the same content saved twice (or by two instances
 * at once) gives one row and a stored row is never overwritten.
 */
public final class ChallengeStore {
    private final Storage storage;
    private final Jdbi jdbi;
    private final GroupCommit writes;

    public ChallengeStore(Storage storage) {
        this.storage = storage;
        this.jdbi = storage.jdbi();
        this.writes = storage.writes();
    }

    /**
     * True when this call wrote the row, false when one with the id was there. Counted in the
     * {@link StorageQuota} as experiments are.
     *
     * @throws QuotaExceededException when the storage quota has no room for it
     */
    public boolean insert(Challenge challenge) {
        long size = StorageQuota.sizeOf(challenge);
        if (!reserve(size, () -> find(challenge.id()).isPresent())) {
            return false;
        }
        boolean wrote = write(challenge);
        if (wrote) {
            storage.quota().added(size);
        }
        return wrote;
    }

    /**
     * A built-in challenge (the gallery's), stored the first time it is asked for: written even when
     * the quota is full (it is part of the site, not a user's save), and counted from then on.
     */
    public boolean insertBuiltIn(Challenge challenge) {
        boolean wrote = write(challenge);
        if (wrote) {
            storage.quota().added(StorageQuota.sizeOf(challenge));
        }
        return wrote;
    }

    /** False when the quota is full but a row with this id is already there (storing it again takes no room). */
    private boolean reserve(long size, Supplier<Boolean> alreadyThere) {
        try {
            storage.quota().reserve(size);
            return true;
        } catch (QuotaExceededException full) {
            if (alreadyThere.get()) {
                return false;
            }
            throw full;
        }
    }

    private boolean write(Challenge challenge) {
        return writes.write(h -> h.createUpdate(
                                "INSERT INTO challenges (id, body, created_at) VALUES (:id, :body, :createdAt) "
                                        + "ON CONFLICT (id) DO NOTHING")
                        .bind("id", challenge.id())
                        .bind("body", challenge.body())
                        .bind("createdAt", challenge.createdAt())
                        .execute())
                == 1;
    }

    /**
     * True when this call wrote the row, false when one with the id was there. Counted in the
     * {@link StorageQuota}.
     *
     * @throws QuotaExceededException when the storage quota has no room for it
     */
    public boolean insert(Attempt attempt) {
        long size = StorageQuota.sizeOf(attempt);
        if (!reserve(
                size, () -> findAttempt(attempt.challengeId(), attempt.id()).isPresent())) {
            return false;
        }
        boolean wrote = writes.write(h -> h.createUpdate("INSERT INTO challenge_attempts "
                                + "(id, challenge_id, spec, epoch, metric, fingerprint, meets_goal, created_at, dataset) "
                                + "VALUES (:id, :challengeId, :spec, :epoch, :metric, :fingerprint, :meetsGoal, "
                                + ":createdAt, :dataset) ON CONFLICT (id) DO NOTHING")
                        .bind("id", attempt.id())
                        .bind("challengeId", attempt.challengeId())
                        .bind("spec", attempt.spec())
                        .bind("epoch", attempt.epoch())
                        .bind("metric", attempt.metric() == null ? null : Double.toString(attempt.metric()))
                        .bind("fingerprint", attempt.fingerprint())
                        .bind("meetsGoal", attempt.meetsGoal() ? 1 : 0)
                        .bind("createdAt", attempt.createdAt())
                        .bind("dataset", attempt.dataset())
                        .execute())
                == 1;
        if (wrote) {
            storage.quota().added(size);
        }
        return wrote;
    }

    /**
     * @throws StorageUnavailableException when the database cannot be reached in time
     */
    public Optional<Challenge> find(String id) {
        return read(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, body, created_at FROM challenges WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Challenge(rs.getString("id"), rs.getString("body"), rs.getLong("created_at")))
                .findOne()));
    }

    /**
     * The attempt with this id at this challenge.
     *
     * @throws StorageUnavailableException when the database cannot be reached in time
     */
    public Optional<Attempt> findAttempt(String challengeId, String attemptId) {
        return read(() -> jdbi.withHandle(h -> h.createQuery("SELECT id, challenge_id, spec, epoch, metric, "
                        + "fingerprint, meets_goal, created_at, dataset FROM challenge_attempts "
                        + "WHERE id = :id AND challenge_id = :challengeId")
                .bind("id", attemptId)
                .bind("challengeId", challengeId)
                .map((rs, ctx) -> {
                    String metric = rs.getString("metric");
                    return new Attempt(
                            rs.getString("id"),
                            rs.getString("challenge_id"),
                            rs.getString("spec"),
                            rs.getInt("epoch"),
                            metric == null ? null : Double.parseDouble(metric),
                            rs.getString("fingerprint"),
                            rs.getInt("meets_goal") == 1,
                            rs.getLong("created_at"),
                            rs.getString("dataset"));
                })
                .findOne()));
    }

    private <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (RuntimeException e) {
            if (StorageUnavailableException.isConnectionFailure(e)) {
                storage.reportFailure(e);
                throw new StorageUnavailableException("the database (" + storage.kind() + ") is not answering", e);
            }
            throw e;
        }
    }
}
