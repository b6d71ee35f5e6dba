package backprop.server.experiments;

import backprop.server.store.Experiment;
import backprop.server.store.StorageUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Saved experiments recently read on this instance, with the answers made from them (the API's
 * JSON bytes, the page's HTML), so a link opened by a whole class costs no query, no JSON
 * serialization and no template rendering after the first open. Bounded by the bytes it holds
 * (snapshot, texts and answers counted). Caffeine keeps it: beyond the budget, what is read
 * least often goes first (W-TinyLFU), so a crawler walking through many ids once cannot push out
 * the link a whole class keeps opening, as plain least-recently-used eviction would.
 *
 * <p>When an entry could be wrong: a saved experiment never changes, only a take-down does.
 * <ul>
 *   <li>A take-down on this instance removes the entry before it answers, and a read that
 *       loaded the row just before the take-down does not put it back ({@link #invalidate}
 *       bumps a generation that such a read checks).</li>
 *   <li>A take-down on another instance sharing the database is seen here once the entry
 *       expires: an entry is used for at most {@code lifetimeNanos} after its row was read
 *       (5 s in the server), then read again. Chosen over a re-check per request because the
 *       re-check is the query the cache exists to avoid.</li>
 *   <li>Unknown ids (404) and taken-down ones (410) are never cached: a 404 can turn into a
 *       200 at any moment, on any instance.</li>
 *   <li>While the database cannot be reached, an entry past its lifetime still answers, for at
 *       most {@code staleNanos} more (10 minutes in the server): a link a class is opening keeps
 *       working through an outage, at the price of a take-down on another instance going unseen
 *       here until the database is back.</li>
 * </ul>
 * Per instance, like the rate limiter and the preview cache.
 */
public final class ExperimentCache {
    /** Answers kept per entry (one per kind and base address); beyond, answers are made but not kept. */
    static final int MAX_ANSWERS_PER_ENTRY = 4;

    private final long maxBytes;
    private final long lifetimeNanos;
    private final long staleNanos;
    private final LongSupplier nanoTime;
    private final Cache<String, Entry> entries;

    /** Bumped by each take-down; guarded by {@code this}. */
    private long generation;

    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong staleAnswers = new AtomicLong();

    /** One experiment and the answers made from it, valid while the entry is. */
    public final class Entry {
        private final Experiment experiment;
        private final long loadedAt;
        /** Guarded by {@code this}. */
        private final Map<String, byte[]> answers = new HashMap<>();
        /** Guarded by {@code this}. */
        private long weight;

        private volatile boolean current = true;

        private Entry(Experiment experiment, long loadedAt) {
            this.experiment = experiment;
            this.loadedAt = loadedAt;
            this.weight = weightOf(experiment);
        }

        public Experiment experiment() {
            return experiment;
        }

        /**
         * The answer kept under {@code key} (what it depends on beyond the experiment, e.g. the
         * kind of answer and the base address), else {@code make}'s, kept while there is room.
         * Made outside the lock: two first requests may both make it (the same bytes).
         */
        public byte[] answer(String key, Supplier<byte[]> make) {
            synchronized (this) {
                byte[] kept = answers.get(key);
                if (kept != null) {
                    return kept;
                }
            }
            byte[] made = make.get();
            boolean added = false;
            synchronized (this) {
                if (current && answers.size() < MAX_ANSWERS_PER_ENTRY && answers.putIfAbsent(key, made) == null) {
                    weight += made.length + 2L * key.length();
                    added = true;
                }
            }
            if (added) {
                // Put again so Caffeine weighs it anew (and evicts beyond the budget); the entry's
                // lifetime still runs from its row's read (see Lifetime).
                entries.asMap().replace(experiment.id(), this, this);
            }
            return made;
        }

        private synchronized int weight() {
            return (int) Math.min(Integer.MAX_VALUE, weight);
        }
    }

    /** A cache whose entries never answer past their lifetime, even in an outage. */
    public ExperimentCache(long maxBytes, long lifetimeNanos, LongSupplier nanoTime) {
        this(maxBytes, lifetimeNanos, 0, nanoTime);
    }

    /**
     * @param maxBytes what entries may hold together, estimated (an entry over it is not kept)
     * @param lifetimeNanos how long an entry is used after its row was read
     * @param staleNanos how much longer it may answer while the database cannot be reached
     * @param nanoTime the clock ({@code System::nanoTime}; tests pass their own)
     */
    public ExperimentCache(long maxBytes, long lifetimeNanos, long staleNanos, LongSupplier nanoTime) {
        if (maxBytes < 0 || lifetimeNanos < 0 || staleNanos < 0) {
            throw new IllegalArgumentException("cache budget, lifetime and stale time must be >= 0, got " + maxBytes
                    + " bytes, " + lifetimeNanos + " ns and " + staleNanos + " ns");
        }
        this.maxBytes = maxBytes;
        this.lifetimeNanos = lifetimeNanos;
        this.staleNanos = staleNanos;
        this.nanoTime = nanoTime;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String id, Entry e) -> e.weight())
                .expireAfter(new Lifetime())
                .ticker(nanoTime::getAsLong)
                // Maintenance (eviction, expiry, the listener) on the caller's thread: sizes are exact after each call.
                .executor(Runnable::run)
                .removalListener((String id, Entry e, RemovalCause cause) -> {
                    if (e != null && cause != RemovalCause.REPLACED) {
                        e.current = false;
                    }
                })
                .build();
    }

    /**
     * An entry is kept {@code lifetimeNanos + staleNanos} from its row's read, however often its
     * answers are added; {@link #find} uses it as it is only for the lifetime.
     */
    private final class Lifetime implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String id, Entry e, long now) {
            return remaining(e, now);
        }

        @Override
        public long expireAfterUpdate(String id, Entry e, long now, long currentDuration) {
            return remaining(e, now);
        }

        @Override
        public long expireAfterRead(String id, Entry e, long now, long currentDuration) {
            return currentDuration;
        }

        private long remaining(Entry e, long now) {
            // Kept while now - loadedAt <= lifetime + stale, so it expires one nanosecond after that.
            return Math.max(0, e.loadedAt + lifetimeNanos + staleNanos + 1 - now);
        }
    }

    /**
     * The entry for {@code id}: the kept one while it is young enough, else one made from
     * {@code load}'s experiment (kept when it is not taken down). Empty when {@code load} finds
     * nothing. A taken-down experiment is returned (for its 410) but never kept.
     */
    Optional<Entry> find(String id, Function<String, Optional<Experiment>> load) {
        lookups.incrementAndGet();
        long now = nanoTime.getAsLong();
        Entry kept = entries.getIfPresent(id);
        if (kept != null && now - kept.loadedAt <= lifetimeNanos) {
            return Optional.of(kept);
        }
        long generationBefore;
        synchronized (this) {
            generationBefore = generation;
        }
        loads.incrementAndGet();
        Optional<Experiment> loaded;
        try {
            loaded = load.apply(id);
        } catch (StorageUnavailableException outage) {
            if (kept != null && kept.current) {
                staleAnswers.incrementAndGet();
                return Optional.of(kept); // past its lifetime, within its stale time: better than a 503
            }
            throw outage;
        }
        if (loaded.isEmpty()) {
            forget(id, kept);
            return Optional.empty();
        }
        Entry entry = new Entry(loaded.get(), now);
        if (entry.experiment.takenDown() || entry.weight > maxBytes) {
            entry.current = false; // answered, never kept
            forget(id, kept);
            return Optional.of(entry);
        }
        synchronized (this) {
            if (generation != generationBefore) {
                entry.current = false; // a take-down happened meanwhile: answer, don't keep
                return Optional.of(entry);
            }
            Entry replaced = entries.asMap().put(id, entry);
            if (replaced != null && replaced != entry) {
                replaced.current = false;
            }
        }
        return Optional.of(entry);
    }

    /** Drops the stale entry a fresh read replaced with nothing (gone, taken down, too large). */
    private void forget(String id, Entry stale) {
        if (stale != null) {
            entries.asMap().remove(id, stale);
            stale.current = false;
        }
    }

    /** Forgets {@code id} (its entry and answers), and keeps reads in flight from putting it back. */
    synchronized void invalidate(String id) {
        generation++;
        entries.invalidate(id);
    }

    int size() {
        entries.cleanUp();
        return (int) entries.estimatedSize();
    }

    /** The bytes the entries hold, estimated. */
    long bytes() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** How many times the database was asked (misses), for tests and metrics. */
    public long loads() {
        return loads.get();
    }

    /** How many reads were answered past their lifetime because the database could not be reached. */
    public long staleAnswers() {
        return staleAnswers.get();
    }

    /** How many reads asked the cache (hits + misses), for metrics. */
    public long lookups() {
        return lookups.get();
    }

    /** Bytes an experiment holds: the snapshot, and the texts (imported points too) as UTF-16. */
    private static long weightOf(Experiment e) {
        return 256L
                + (e.snapshot() == null ? 0 : e.snapshot().length)
                + 2L
                        * (e.spec().length()
                                + e.title().length()
                                + e.description().length()
                                + (e.dataset() == null ? 0 : e.dataset().length()));
    }
}
