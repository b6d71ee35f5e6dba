package backprop.server.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether the database answers, known cheaply: {@code SELECT 1} with a statement timeout, on a
 * thread of its own so that a caller waits at most {@code waitMillis} even when a connection
 * cannot be had; concurrent checks share one probe. A connection failure seen anywhere
 * ({@link #reportFailure}) marks the database down; writes are then refused at once
 * ({@link #acceptsWrites}) instead of each waiting for its own timeout, and a probe in the
 * background notices the recovery (no restart).
 */
final class StorageHealth {
    /** Between two background probes while the database is down. */
    private static final long PROBE_INTERVAL_NANOS = 1_000_000_000L;

    private final Jdbi jdbi;
    private final long waitMillis;
    private final int queryTimeoutSeconds;
    private volatile boolean down;
    private volatile long lastProbeStart = System.nanoTime() - PROBE_INTERVAL_NANOS;
    private CompletableFuture<Boolean> probe;

    StorageHealth(Jdbi jdbi, long waitMillis, int queryTimeoutSeconds) {
        this.jdbi = jdbi;
        this.waitMillis = waitMillis;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /** Probes now (or joins a probe under way) and waits at most {@code waitMillis}: true when it answered. */
    boolean check() {
        try {
            return probe().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            down = true;
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    /** False while the database is known down; then a background probe may start (at most one a second). */
    boolean acceptsWrites() {
        if (!down) {
            return true;
        }
        if (System.nanoTime() - lastProbeStart >= PROBE_INTERVAL_NANOS) {
            probe();
        }
        return false;
    }

    /** Marks the database down when {@code failure} is a connection failure. */
    void reportFailure(Throwable failure) {
        if (StorageUnavailableException.isConnectionFailure(failure)) {
            down = true;
        }
    }

    boolean isDown() {
        return down;
    }

    private synchronized CompletableFuture<Boolean> probe() {
        if (probe != null && !probe.isDone()) {
            return probe;
        }
        lastProbeStart = System.nanoTime();
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread prober = new Thread(
                () -> {
                    boolean ok;
                    try {
                        ok = jdbi.withHandle(h -> h.createQuery("SELECT 1")
                                        .setQueryTimeout(queryTimeoutSeconds)
                                        .mapTo(Integer.class)
                                        .one())
                                == 1;
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    down = !ok;
                    started.complete(ok);
                },
                "backprop-db-health");
        prober.setDaemon(true);
        prober.start();
        probe = started;
        return started;
    }
}
