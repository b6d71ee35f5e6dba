package backprop.server.experiments;

import backprop.server.store.Experiment;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Saved experiments recently read on this instance, with the answers made from them (the API's
 * JSON bytes, the page's HTML), so a link opened by a whole class costs no query, no JSON
 * serialization and no template rendering after the first open. Bounded by the bytes it holds
 * (snapshot, texts and answers counted); the least recently used go first.
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
 * </ul>
 * Per instance, like the rate limiter and the preview cache.
 */
public final class ExperimentCache {
    /** Answers kept per entry (one per kind and base address); beyond, answers are made but not kept. */
    static final int MAX_ANSWERS_PER_ENTRY = 4;

    private final long maxBytes;
    private final long lifetimeNanos;
    private final LongSupplier nanoTime;
    /** Access order: the eldest is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    private long bytes;
    private long generation;
    private long loads;
    private long lookups;

    /** One experiment and the answers made from it, valid while the entry is. */
    public final class Entry {
        private final Experiment experiment;
        private final long loadedAt;
        /** Guarded by the cache. */
        private final Map<String, byte[]> answers = new HashMap<>();

        private long weight;
        private boolean current = true;

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
            synchronized (ExperimentCache.this) {
                byte[] kept = answers.get(key);
                if (kept != null) {
                    return kept;
                }
            }
            byte[] made = make.get();
            synchronized (ExperimentCache.this) {
                if (current && answers.size() < MAX_ANSWERS_PER_ENTRY && answers.putIfAbsent(key, made) == null) {
                    long added = made.length + 2L * key.length();
                    weight += added;
                    bytes += added;
                    evictBeyondBudget();
                }
            }
            return made;
        }
    }

    /**
     * @param maxBytes what entries may hold together, estimated (an entry over it is not kept)
     * @param lifetimeNanos how long an entry is used after its row was read
     * @param nanoTime the clock ({@code System::nanoTime}; tests pass their own)
     */
    public ExperimentCache(long maxBytes, long lifetimeNanos, LongSupplier nanoTime) {
        if (maxBytes < 0 || lifetimeNanos < 0) {
            throw new IllegalArgumentException(
                    "cache budget and lifetime must be >= 0, got " + maxBytes + " bytes and " + lifetimeNanos + " ns");
        }
        this.maxBytes = maxBytes;
        this.lifetimeNanos = lifetimeNanos;
        this.nanoTime = nanoTime;
    }

    /**
     * The entry for {@code id}: the kept one while it is young enough, else one made from
     * {@code load}'s experiment (kept when it is not taken down). Empty when {@code load} finds
     * nothing. A taken-down experiment is returned (for its 410) but never kept.
     */
    Optional<Entry> find(String id, Function<String, Optional<Experiment>> load) {
        long now = nanoTime.getAsLong();
        long generationBefore;
        synchronized (this) {
            lookups++;
            Entry kept = entries.get(id);
            if (kept != null) {
                if (now - kept.loadedAt <= lifetimeNanos) {
                    return Optional.of(kept);
                }
                remove(id);
            }
            generationBefore = generation;
            loads++;
        }
        Optional<Experiment> loaded = load.apply(id);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        Entry entry = new Entry(loaded.get(), now);
        if (entry.experiment.takenDown()) {
            entry.current = false;
            return Optional.of(entry);
        }
        synchronized (this) {
            if (generation != generationBefore || entry.weight > maxBytes) {
                entry.current = false; // a take-down happened meanwhile, or it would not fit: answer, don't keep
                return Optional.of(entry);
            }
            Entry replaced = entries.put(id, entry);
            if (replaced != null) {
                replaced.current = false;
                bytes -= replaced.weight;
            }
            bytes += entry.weight;
            evictBeyondBudget();
        }
        return Optional.of(entry);
    }

    /** Forgets {@code id} (its entry and answers), and keeps reads in flight from putting it back. */
    synchronized void invalidate(String id) {
        generation++;
        remove(id);
    }

    synchronized int size() {
        return entries.size();
    }

    /** The bytes the entries hold, estimated. */
    synchronized long bytes() {
        return bytes;
    }

    /** How many times the database was asked (misses), for tests and metrics. */
    public synchronized long loads() {
        return loads;
    }

    /** How many reads asked the cache (hits + misses), for metrics. */
    public synchronized long lookups() {
        return lookups;
    }

    private void remove(String id) {
        Entry removed = entries.remove(id);
        if (removed != null) {
            removed.current = false;
            bytes -= removed.weight;
        }
    }

    private void evictBeyondBudget() {
        for (Iterator<Entry> eldest = entries.values().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
            Entry e = eldest.next();
            eldest.remove();
            e.current = false;
            bytes -= e.weight;
        }
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
