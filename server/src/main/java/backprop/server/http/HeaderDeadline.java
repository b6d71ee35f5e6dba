package backprop.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;

/**
 * Closes a connection whose first request's headers have not all arrived within a deadline. Each
 * byte resets Jetty's idle timeout, so a client sending its headers a byte at a time ("slowloris")
 * would otherwise keep its socket for ever. Jetty parses headers without a thread, so this bounds
 * sockets and buffers, not threads. Later requests on a kept-alive connection are bounded by the
 * idle timeout only: their client already sent one whole request.
 */
final class HeaderDeadline implements Connection.Listener {
    /** Far more than any real client needs to send a few hundred bytes of headers. */
    static final long DEFAULT_MILLIS = 10_000;

    private final long millis;
    private final ScheduledExecutorService timer;
    private final Map<Connection, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    HeaderDeadline(long millis) {
        if (millis < 1) {
            throw new IllegalArgumentException("header deadline " + millis + " ms; allowed: at least 1");
        }
        this.millis = millis;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "backprop-header-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void onOpened(Connection connection) {
        pending.put(
                connection,
                timer.schedule(
                        () -> {
                            pending.remove(connection);
                            if (connection.getMessagesIn() == 0) {
                                connection.getEndPoint().close();
                            }
                        },
                        millis,
                        TimeUnit.MILLISECONDS));
    }

    @Override
    public void onClosed(Connection connection) {
        ScheduledFuture<?> check = pending.remove(connection);
        if (check != null) {
            check.cancel(false);
        }
    }

    /** Connections still inside their deadline (for tests). */
    int watched() {
        return pending.size();
    }
}
