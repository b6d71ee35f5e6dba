package backprop.server.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.server.store.Experiment;
import backprop.server.store.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExperimentCacheTest {
    private static final long LIFETIME = 5_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000);
    /** The "database": what a load finds. */
    private final Map<String, Experiment> rows = new HashMap<>();

    private final AtomicInteger queries = new AtomicInteger();
    private final Function<String, Optional<Experiment>> load = id -> {
        queries.incrementAndGet();
        return Optional.ofNullable(rows.get(id));
    };

    private static Experiment experiment(String id, int snapshotBytes) {
        return new Experiment(
                id, "v=1", "title " + id, "", snapshotBytes == 0 ? null : new byte[snapshotBytes], 1L, null);
    }

    private ExperimentCache cache(long maxBytes) {
        return new ExperimentCache(maxBytes, LIFETIME, now::get);
    }

    @Test
    void aReadEntryIsUsedForItsLifetimeThenReadAgain() {
        ExperimentCache cache = cache(1 << 20);
        rows.put("a", experiment("a", 10));

        ExperimentCache.Entry first = cache.find("a", load).orElseThrow();
        now.addAndGet(LIFETIME);
        assertSame(first, cache.find("a", load).orElseThrow(), "still young enough");
        assertEquals(1, queries.get());

        now.addAndGet(1);
        ExperimentCache.Entry reread = cache.find("a", load).orElseThrow();
        assertNotSame(first, reread, "expired: read from the database again");
        assertEquals(2, queries.get());
    }

    @Test
    void aTakeDownSeenAfterExpiryIsNotKept() {
        ExperimentCache cache = cache(1 << 20);
        rows.put("a", experiment("a", 10));
        cache.find("a", load);
        // another instance takes it down: this one sees it once the entry has expired
        rows.put("a", new Experiment("a", "v=1", "title a", "", new byte[10], 1L, 99L));
        assertFalse(
                cache.find("a", load).orElseThrow().experiment().takenDown(), "within the lifetime: the old answer");
        now.addAndGet(LIFETIME + 1);
        assertTrue(cache.find("a", load).orElseThrow().experiment().takenDown());
        assertTrue(cache.find("a", load).orElseThrow().experiment().takenDown());
        assertEquals(3, queries.get(), "a taken-down experiment is asked for each time, never kept");
        assertEquals(0, cache.size());
    }

    @Test
    void invalidateForgetsTheEntryAndItsAnswersAtOnce() {
        ExperimentCache cache = cache(1 << 20);
        rows.put("a", experiment("a", 10));
        ExperimentCache.Entry entry = cache.find("a", load).orElseThrow();
        byte[] answer = entry.answer("api", () -> "json".getBytes(StandardCharsets.UTF_8));
        assertSame(answer, cache.find("a", load).orElseThrow().answer("api", () -> new byte[0]), "kept");

        cache.invalidate("a");

        assertEquals(0, cache.size());
        assertEquals(0, cache.bytes());
        ExperimentCache.Entry fresh = cache.find("a", load).orElseThrow();
        assertNotSame(entry, fresh);
        assertEquals(2, queries.get());
        assertArrayEquals(new byte[] {7}, fresh.answer("api", () -> new byte[] {7}), "answers are made again");
    }

    @Test
    void aReadThatRacedWithATakeDownDoesNotPutTheOldRowBack() {
        ExperimentCache cache = cache(1 << 20);
        rows.put("a", experiment("a", 10));
        // the row is read, then (before the read is kept) the take-down commits and invalidates
        Function<String, Optional<Experiment>> racing = id -> {
            Optional<Experiment> before = load.apply(id);
            cache.invalidate(id);
            return before;
        };

        assertTrue(cache.find("a", racing).isPresent(), "that one read still answers what it read");

        assertEquals(0, cache.size(), "but it is not kept");
        cache.find("a", load);
        assertEquals(2, queries.get());
    }

    @Test
    void unknownIdsAreNotKept() {
        ExperimentCache cache = cache(1 << 20);
        assertTrue(cache.find("a", load).isEmpty());
        rows.put("a", experiment("a", 10)); // saved since, maybe on another instance
        assertTrue(cache.find("a", load).isPresent());
    }

    @Test
    void aLinkReadOftenOutlivesAScanOfIdsReadOnceWithinTheByteBudget() {
        ExperimentCache cache = cache(3 * 1300);
        rows.put("class-link", experiment("class-link", 1000));
        for (int i = 0; i < 5; i++) {
            cache.find("class-link", load); // a whole class opens it
        }
        for (int i = 0; i < 40; i++) { // a crawler walks through ids once each
            String id = "scan" + i;
            rows.put(id, experiment(id, 1000));
            cache.find(id, load);
            assertTrue(cache.bytes() <= 3 * 1300, "within budget: " + cache.bytes());
        }
        assertTrue(cache.size() <= 3, cache.size() + " entries");
        int before = queries.get();
        cache.find("class-link", load);
        assertEquals(before, queries.get(), "the often-read link was kept through the scan");
    }

    @Test
    void answersCountAgainstTheBudgetAndAreCappedPerEntry() {
        ExperimentCache cache = cache(1 << 20);
        rows.put("a", experiment("a", 0));
        ExperimentCache.Entry entry = cache.find("a", load).orElseThrow();
        long empty = cache.bytes();
        entry.answer("page http://x", () -> new byte[5000]);
        assertTrue(cache.bytes() >= empty + 5000, cache.bytes() + " bytes");

        for (int i = 0; i < 10; i++) {
            entry.answer("api http://host" + i, () -> new byte[100]);
        }
        AtomicInteger made = new AtomicInteger();
        entry.answer("api http://host9", () -> new byte[made.incrementAndGet()]);
        assertEquals(
                1,
                made.get(),
                "beyond " + ExperimentCache.MAX_ANSWERS_PER_ENTRY + " answers, answers are made, not kept");
    }

    @Test
    void anExperimentLargerThanTheBudgetIsAnsweredButNotKept() {
        ExperimentCache cache = cache(500);
        rows.put("a", experiment("a", 1000));
        assertTrue(cache.find("a", load).isPresent());
        assertEquals(0, cache.size());
    }

    @Test
    void inAnOutageAnEntryPastItsLifetimeAnswersForItsStaleTimeThenTheOutageShows() {
        long stale = 600 * 1_000_000_000L;
        ExperimentCache cache = new ExperimentCache(1 << 20, LIFETIME, stale, now::get);
        rows.put("a", experiment("a", 10));
        ExperimentCache.Entry first = cache.find("a", load).orElseThrow();
        Function<String, Optional<Experiment>> down = id -> {
            queries.incrementAndGet();
            throw new StorageUnavailableException("database unreachable", null);
        };

        now.addAndGet(LIFETIME + 1);
        assertSame(first, cache.find("a", down).orElseThrow(), "the database is asked, and the old read answers");
        assertEquals(2, queries.get());
        assertEquals(1, cache.staleAnswers());

        now.addAndGet(stale);
        assertThrows(StorageUnavailableException.class, () -> cache.find("a", down), "too old even for an outage");
        assertThrows(StorageUnavailableException.class, () -> cache.find("never-read", down), "nothing to answer from");

        now.addAndGet(1);
        ExperimentCache.Entry recovered = cache.find("a", load).orElseThrow();
        assertNotSame(first, recovered, "back: read again");
    }

    @Test
    void withoutAnOutageAnExpiredEntryIsNeverUsedAndATakeDownReplacesIt() {
        ExperimentCache cache = new ExperimentCache(1 << 20, LIFETIME, 600 * 1_000_000_000L, now::get);
        rows.put("a", experiment("a", 10));
        cache.find("a", load);
        rows.put("a", new Experiment("a", "v=1", "title a", "", new byte[10], 1L, 99L));
        now.addAndGet(LIFETIME + 1);
        assertTrue(cache.find("a", load).orElseThrow().experiment().takenDown());
        assertEquals(0, cache.size(), "the old read is dropped, not kept for an outage");
        Function<String, Optional<Experiment>> down = id -> {
            throw new StorageUnavailableException("database unreachable", null);
        };
        assertThrows(StorageUnavailableException.class, () -> cache.find("a", down), "so it can never answer again");
    }
}
