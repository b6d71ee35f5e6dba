package backprop.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one writer on a real SQLite file: batching, acknowledgement after commit, failures. */
class GroupCommitTest {
    @TempDir
    Path dir;

    private Path file;
    private Storage storage;
    private ExperimentStore store;

    @BeforeEach
    void open() {
        file = dir.resolve("group.db");
        storage = Storage.sqlite(file);
        store = new ExperimentStore(storage);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static Experiment experiment(String id) {
        return new Experiment(id, "v=1", "title " + id, "", null, 1L, null);
    }

    /** Seen from a connection of its own, as another process would see the file. */
    private boolean committed(String id) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM experiments WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /** Occupies the writer until the returned latch is opened. */
    private CompletableFuture<Void> occupyWriter(CountDownLatch release) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> blocker =
                CompletableFuture.runAsync(() -> storage.writes().write(h -> {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        assertTrue(started.await(30, TimeUnit.SECONDS), "the writer took the first write");
        return blocker;
    }

    private <T> CompletableFuture<T> inBackground(Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        new Thread(() -> {
                    try {
                        future.complete(work.get());
                    } catch (Throwable t) {
                        future.completeExceptionally(t);
                    }
                })
                .start();
        return future;
    }

    private void awaitQueued(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (storage.writes().queued() < n) {
            assertTrue(
                    System.nanoTime() < deadline, "only " + storage.writes().queued() + " of " + n + " writes queued");
            Thread.sleep(1);
        }
    }

    @Test
    void sqliteCommitsWithSynchronousFull() {
        // 2 = FULL: the WAL is on disk before a commit returns
        int synchronous = storage.jdbi()
                .withHandle(h ->
                        h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
        assertEquals(2, synchronous);
        assertEquals(
                "wal",
                storage.jdbi()
                        .withHandle(h -> h.createQuery("PRAGMA journal_mode")
                                .mapTo(String.class)
                                .one()));
    }

    @Test
    void writesQueuedWhileTheWriterIsBusyCommitInOneTransaction() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocker = occupyWriter(release);
        List<CompletableFuture<ExperimentStore.Outcome>> saves = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "batch0000" + i;
            saves.add(inBackground(() -> store.insert(experiment(id))));
        }
        awaitQueued(10);
        for (int i = 0; i < 10; i++) {
            assertFalse(saves.get(i).isDone(), "nothing is acknowledged before its commit");
            assertFalse(committed("batch0000" + i));
        }

        release.countDown();

        blocker.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < 10; i++) {
            assertEquals(ExperimentStore.Outcome.CREATED, saves.get(i).get(30, TimeUnit.SECONDS));
            assertTrue(committed("batch0000" + i));
        }
        assertEquals(11, storage.writes().writes());
        assertEquals(2, storage.writes().batches(), "the blocker, then the ten together");
    }

    @Test
    void aWriteReturnsOnlyAfterItsTransactionCommitted() throws Exception {
        boolean[] visibleInside = new boolean[1];
        storage.writes().write(h -> {
            h.createUpdate(
                            "INSERT INTO experiments (id, spec, title, description, created_at) VALUES ('inside0000', 'v=1', 't', '', 1)")
                    .execute();
            try {
                visibleInside[0] = committed("inside0000");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertFalse(visibleInside[0], "inside the write, the row is not committed yet");
        assertTrue(committed("inside0000"), "when write returns, it is");
    }

    @Test
    void aFailingWriteFailsAloneAndLeavesNothingBehind() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocker = occupyWriter(release);
        CompletableFuture<ExperimentStore.Outcome> before = inBackground(() -> store.insert(experiment("good000001")));
        awaitQueued(1);
        IllegalStateException boom = new IllegalStateException("this write fails after writing");
        CompletableFuture<Object> failing = inBackground(() -> storage.writes().write(h -> {
            h.createUpdate(
                            "INSERT INTO experiments (id, spec, title, description, created_at) VALUES ('bad0000001', 'v=1', 't', '', 1)")
                    .execute();
            throw boom;
        }));
        awaitQueued(2);
        CompletableFuture<ExperimentStore.Outcome> after = inBackground(() -> store.insert(experiment("good000002")));
        awaitQueued(3);

        release.countDown();

        blocker.get(30, TimeUnit.SECONDS);
        assertEquals(ExperimentStore.Outcome.CREATED, before.get(30, TimeUnit.SECONDS));
        assertEquals(ExperimentStore.Outcome.CREATED, after.get(30, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> failing.get(30, TimeUnit.SECONDS));
        assertSame(boom, failed.getCause(), "the failing write's caller gets its own exception");
        assertTrue(committed("good000001"));
        assertTrue(committed("good000002"));
        assertFalse(committed("bad0000001"), "the failed write's row was rolled back");
    }

    @Test
    void theSameContentTwiceInOneBatchIsOneRow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> blocker = occupyWriter(release);
        List<CompletableFuture<ExperimentStore.Outcome>> saves = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            saves.add(inBackground(() -> store.insert(experiment("same000001"))));
        }
        awaitQueued(5);
        release.countDown();
        blocker.get(30, TimeUnit.SECONDS);

        int created = 0;
        for (CompletableFuture<ExperimentStore.Outcome> save : saves) {
            if (save.get(30, TimeUnit.SECONDS) == ExperimentStore.Outcome.CREATED) {
                created++;
            }
        }
        assertEquals(1, created, "one CREATED, the others ALREADY_THERE");
        long rows = storage.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM experiments WHERE id = 'same000001'")
                        .mapTo(Long.class)
                        .one());
        assertEquals(1, rows);
    }

    @Test
    void afterCloseWritesAreRefused() {
        storage.close();
        assertThrows(IllegalStateException.class, () -> store.insert(experiment("late000001")));
    }
}
