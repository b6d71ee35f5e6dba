package backprop.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Closes a connection whose request headers have not all arrived within a deadline: the first
 * request's, counted from the connection's opening, and each later request's on a kept-alive
 * connection, counted from the first of its bytes that a sweep saw.
 * Each byte resets Jetty's idle timeout, so a client sending its headers a byte at a time
 * ("slowloris") would otherwise keep its socket for ever. Jetty parses headers without a thread,
 * so this bounds sockets and buffers, not threads. A connection that is silent between requests
 * is the idle timeout's business; a request whose body is arriving is {@link MinimumUploadRate}'s.
 */
final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {
    /** Far more than any real client needs to send a few hundred bytes of headers. */
    static final long DEFAULT_MILLIS = 10_000;

    private final long nanos;
    private final long sweepMillis;
    private ScheduledExecutorService timer;
    private final Map<Connection, Watch> open = new ConcurrentHashMap<>();

    /** What a sweep saw of one connection; touched by the sweeping thread only (after it is made). */
    private static final class Watch {
        /** Answers completed when the connection last fell idle. */
        long answers;
        /** Bytes received by then. */
        long bytes;
        /** When it last fell idle (opened, or its last answer completed). */
        long since;
        /** When a sweep first saw bytes of the next request after an answer; -1 before. */
        long nextStarted = -1;

        Watch(long since) {
            this.since = since;
        }
    }

    HeaderDeadline(long millis) {
        if (millis < 1) {
            throw new IllegalArgumentException("header deadline " + millis + " ms; allowed: at least 1");
        }
        this.nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        // A tenth of the deadline (50 ms .. 1 s) between sweeps: a connection is cut at most that late.
        this.sweepMillis = Math.max(50, Math.min(1_000, millis / 10));
    }

    /** Started and stopped with the connector it is a bean of. */
    @Override
    protected void doStart() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backprop-header-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        timer.shutdownNow();
        open.clear();
    }

    @Override
    public void onOpened(Connection connection) {
        open.put(connection, new Watch(System.nanoTime()));
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    private void sweep() {
        long now = System.nanoTime();
        open.forEach((connection, watch) -> {
            long requests = connection.getMessagesIn();
            long answers = connection.getMessagesOut();
            if (requests > answers) {
                return; // a request is under way: its headers are in
            }
            if (answers != watch.answers) {
                watch.answers = answers; // answered since: idle from now on
                watch.bytes = connection.getBytesIn();
                watch.since = now;
                watch.nextStarted = -1;
                return;
            }
            long started;
            if (answers == 0) {
                started = watch.since; // the first request: from the opening
            } else if (connection.getBytesIn() > watch.bytes) {
                if (watch.nextStarted < 0) {
                    watch.nextStarted = now;
                }
                started = watch.nextStarted;
            } else {
                return; // silent between requests: the idle timeout's business
            }
            if (now - started > nanos) {
                open.remove(connection);
                connection.getEndPoint().close();
            }
        });
    }
}
