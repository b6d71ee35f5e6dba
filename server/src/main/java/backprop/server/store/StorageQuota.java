package backprop.server.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * A bound on what saved experiments, challenges and verified attempts may take in all (the largest
 * valid save is about 540 KB, so one address could otherwise add about 48 GB a day). Counted as the
 * characters of the stored texts (an experiment's spec, title, description, base64 snapshot and
 * imported points; a challenge's canonical JSON, its points included; an attempt's spec,
 * fingerprint, metric and own points): read from the database at the first save
 * and again every {@link #RESYNC_NANOS} (other instances sharing it save too), added to on each
 * save in between. Reads are never affected.
 */
public final class StorageQuota {
    /** The default: 10 GB, about 20,000 of the largest saves or millions of ordinary ones. */
    public static final long DEFAULT_BYTES = 10L * 1024 * 1024 * 1024;

    private static final long RESYNC_NANOS = 600_000_000_000L;

    private final Jdbi jdbi;
    private final long maxBytes;
    private final LongSupplier nanoClock;
    private final AtomicLong used = new AtomicLong(-1);
    private volatile long countedAt;

    /** @param maxBytes 0 = no quota */
    StorageQuota(Jdbi jdbi, long maxBytes, LongSupplier nanoClock) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("storage quota " + maxBytes + " bytes; allowed: >= 0 (0 = no quota)");
        }
        this.jdbi = jdbi;
        this.maxBytes = maxBytes;
        this.nanoClock = nanoClock;
    }

    /**
     * Returns when {@code bytes} more fit.
     *
     * @throws QuotaExceededException when they do not
     */
    void reserve(long bytes) {
        if (maxBytes == 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (used.get() < 0 || now - countedAt > RESYNC_NANOS) {
            try {
                used.set(count());
                countedAt = now;
            } catch (RuntimeException unavailable) {
                // counted again at the next save; the write itself meets the outage
            }
        }
        long current = used.get();
        if (current < 0) {
            return;
        }
        if (current + bytes > maxBytes) {
            throw new QuotaExceededException("the site's storage quota is reached (" + megabytes(current) + " of "
                    + megabytes(maxBytes)
                    + " used); saved experiments and challenges can still be opened, new ones (and "
                    + "attempts) cannot be saved until the site's operator makes room or raises "
                    + "BACKPROP_STORAGE_QUOTA_MB");
        }
    }

    /** A save of {@code bytes} was stored. */
    void added(long bytes) {
        if (maxBytes != 0) {
            used.getAndUpdate(u -> u < 0 ? u : u + bytes);
        }
    }

    /** What one experiment counts for. */
    static long sizeOf(Experiment e, String snapshotBase64) {
        return e.spec().length()
                + e.title().length()
                + e.description().length()
                + (snapshotBase64 == null ? 0 : snapshotBase64.length())
                + (e.dataset() == null ? 0 : e.dataset().length());
    }

    /** What one challenge counts for: its stored body. */
    static long sizeOf(Challenge c) {
        return c.body().length();
    }

    /** What one attempt counts for. */
    static long sizeOf(Attempt a) {
        return a.spec().length()
                + a.fingerprint().length()
                + (a.metric() == null ? 0 : Double.toString(a.metric()).length())
                + (a.dataset() == null ? 0 : a.dataset().length());
    }

    private long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT "
                        + "(SELECT COALESCE(SUM(LENGTH(spec) + LENGTH(title) + LENGTH(description) "
                        + "+ COALESCE(LENGTH(snapshot), 0) + COALESCE(LENGTH(dataset), 0)), 0) FROM experiments) "
                        + "+ (SELECT COALESCE(SUM(LENGTH(body)), 0) FROM challenges) "
                        + "+ (SELECT COALESCE(SUM(LENGTH(spec) + LENGTH(fingerprint) + COALESCE(LENGTH(metric), 0) "
                        + "+ COALESCE(LENGTH(dataset), 0)), 0) FROM challenge_attempts)")
                .mapTo(Long.class)
                .one());
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
