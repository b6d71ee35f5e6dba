package backprop.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The database's writers: one on SQLite, a few on PostgreSQL. Request threads hand them their
 * writes and wait; a writer runs every write that queued up while it was committing its previous
 * batch, all in one transaction, and answers each only after that transaction committed.
 *
 * <p>Why: on SQLite with {@code synchronous=FULL} every commit waits for an fsync of the WAL, and
 * concurrent writers take turns on the one write lock through {@code busy_timeout}'s sleeps
 * (measured: 98-180 saves/s, p99 0.8-0.9 s with 16 clients). One writer never waits for another,
 * and a batch of n saves shares one fsync. On PostgreSQL a batch saves a commit (a WAL flush and
 * a round trip) per write, and several writers let one batch's inserts overlap another's flush
 * (the flush dominated there: 245 saves/s with synchronous_commit on, 752/s with it off, same
 * run otherwise). No write waits for a timer: an idle writer commits a lone write at once.
 *
 * <p>Nothing is acknowledged before its commit: {@link #write} returns only after the commit
 * returned. A write that throws rolls its whole batch back; every write of that batch then runs
 * again alone, in its own transaction, so one failing write fails only its own caller. Writes
 * must therefore be safe to run again after a rollback (an {@code INSERT ... ON CONFLICT DO
 * NOTHING} is). Two writers (of one instance or of two) may batch the same two new ids in
 * opposite orders; PostgreSQL then breaks the deadlock by failing one batch, whose writes run
 * again alone.
 */
public final class GroupCommit implements AutoCloseable {
    /** Writes per transaction at most (a save is at most about 1.4 MB). */
    static final int MAX_BATCH = 64;

    /**
     * Writes waiting at most: beyond, a save is refused at once (503) instead of waiting behind a
     * queue the database cannot drain. Each holds a request thread and up to about 2.4 MB.
     */
    static final int MAX_QUEUED = 128;

    /** How often an idle writer looks whether the database was closed. */
    private static final long IDLE_CHECK_MILLIS = 50;

    private final Jdbi jdbi;
    private final StorageHealth health;
    private final String kind;
    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong batches = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong writes = new AtomicLong();

    private static final class Write<T> {
        final Function<Handle, T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();

        Write(Function<Handle, T> work) {
            this.work = work;
        }
    }

    /**
     * @param writers writer threads taking batches from the one queue: 1 for SQLite (one write
     *     lock per file); more on PostgreSQL, so one batch's inserts overlap another's WAL flush
     */
    GroupCommit(Jdbi jdbi, StorageHealth health, String kind, String name, int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("writers must be at least 1, got " + writers);
        }
        this.jdbi = jdbi;
        this.health = health;
        this.kind = kind;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::run, writers == 1 ? name : name + "-" + i);
            writer.setDaemon(true);
            writer.start();
            this.writers.add(writer);
        }
    }

    /**
     * Runs {@code work} on the writer, inside a transaction shared with other writes, and returns
     * its result once that transaction committed.
     *
     * @throws IllegalStateException when closed, or interrupted while waiting (the write may or
     *     may not have committed; it is not acknowledged)
     * @throws StorageUnavailableException at once when the database is known down or
     *     {@link #MAX_QUEUED} writes are waiting; after the batch failed when the connection failed
     * @throws RuntimeException what {@code work} or the commit threw
     */
    <T> T write(Function<Handle, T> work) {
        Write<T> write = new Write<>(work);
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
        if (!health.acceptsWrites()) {
            throw new StorageUnavailableException("the database (" + kind + ") is not answering", null);
        }
        if (!queue.offer(write)) {
            throw new StorageUnavailableException(
                    "the database (" + kind + ") is busy: " + MAX_QUEUED + " saves are already waiting", null);
        }
        if (closed && queue.remove(write)) {
            throw new IllegalStateException("the database is closed");
        }
        try {
            return write.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Transactions committed so far (for tests: fewer than {@link #writes()} means batching happened). */
    long batches() {
        return batches.get();
    }

    /** Writes committed so far. */
    long writes() {
        return writes.get();
    }

    /** Writes waiting for the writer (for tests). */
    int queued() {
        return queue.size();
    }

    /** Commits what is queued, then stops the writers; later writes are refused. */
    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Write<?> left; (left = queue.poll()) != null; ) {
            left.done.completeExceptionally(new IllegalStateException("the database is closed"));
        }
    }

    /** Until closed and nothing is left: a batch is what queued while the previous one committed. */
    private void run() {
        List<Write<?>> batch = new ArrayList<>();
        while (true) {
            Write<?> first;
            try {
                first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // only close() stops a writer
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Write<?>> batch) {
        Object[] results = new Object[batch.size()];
        try {
            jdbi.useTransaction(h -> {
                for (int i = 0; i < batch.size(); i++) {
                    results[i] = batch.get(i).work.apply(h);
                }
            });
        } catch (Throwable failed) {
            if (StorageUnavailableException.isConnectionFailure(failed)) {
                // Each write alone would wait for the same timeout again: fail them all at once,
                // and what queued behind them too, until the database answers again.
                health.reportFailure(failed);
                StorageUnavailableException unavailable =
                        new StorageUnavailableException("the database (" + kind + ") is not answering", failed);
                for (Write<?> write : batch) {
                    write.done.completeExceptionally(unavailable);
                }
                for (Write<?> left; (left = queue.poll()) != null; ) {
                    left.done.completeExceptionally(unavailable);
                }
                return;
            }
            if (batch.size() == 1) {
                batch.get(0).done.completeExceptionally(failed);
            } else {
                for (Write<?> write : batch) {
                    commitAlone(write);
                }
            }
            return;
        }
        batches.incrementAndGet();
        writes.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results[i]);
        }
    }

    private <T> void commitAlone(Write<T> write) {
        T result;
        try {
            result = jdbi.inTransaction(h -> write.work.apply(h));
        } catch (Throwable failed) {
            health.reportFailure(failed);
            write.done.completeExceptionally(
                    StorageUnavailableException.isConnectionFailure(failed)
                            ? new StorageUnavailableException("the database (" + kind + ") is not answering", failed)
                            : failed);
            return;
        }
        batches.incrementAndGet();
        writes.incrementAndGet();
        write.done.complete(result);
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Write<T> write, Object result) {
        write.done.complete((T) result);
    }
}
