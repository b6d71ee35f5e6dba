package backprop.server.http;

import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Ends a request body that arrives slower than a minimum average rate once a grace period is
 * over: the read fails ({@link TimeoutException}), the request is answered 408 and the connection
 * closed. A client sending one byte now and then resets Jetty's idle timeout with each byte and
 * would otherwise hold a thread for as long as it likes; a body that stops altogether is ended by
 * the idle timeout ({@link ServerLimits}).
 */
final class MinimumUploadRate extends Handler.Wrapper {
    /** 1 KB/s on average: a 2 MB body (the cap) may take 34 minutes, a byte every half second fails in seconds. */
    static final long DEFAULT_BYTES_PER_SECOND = 1024;
    /** Before this, any rate is allowed (a client's first packets, TCP slow start). */
    static final long DEFAULT_GRACE_NANOS = 5_000_000_000L;

    private final long bytesPerSecond;
    private final long graceNanos;
    private final LongSupplier nanoClock;

    MinimumUploadRate(long bytesPerSecond, long graceNanos, LongSupplier nanoClock) {
        if (bytesPerSecond < 1 || graceNanos < 0) {
            throw new IllegalArgumentException("minimum upload rate " + bytesPerSecond + " B/s after " + graceNanos
                    + " ns; allowed: a rate >= 1 and a grace >= 0");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = graceNanos;
        this.nanoClock = nanoClock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        long start = nanoClock.getAsLong();
        Request timed = new Request.Wrapper(request) {
            private long received;
            private Content.Chunk failed;

            @Override
            public Content.Chunk read() {
                if (failed != null) {
                    return failed;
                }
                Content.Chunk chunk = super.read();
                if (chunk == null || Content.Chunk.isFailure(chunk)) {
                    return chunk;
                }
                received += chunk.remaining();
                if (chunk.isLast()) {
                    return chunk;
                }
                long elapsed = nanoClock.getAsLong() - start;
                if (elapsed > graceNanos && received * 1_000_000_000.0 / elapsed < bytesPerSecond) {
                    chunk.release();
                    failed = Content.Chunk.from(
                            new TimeoutException("the request body arrived at "
                                    + Math.round(received * 1e9 / elapsed) + " bytes/s; at least " + bytesPerSecond
                                    + " bytes/s is needed"),
                            true);
                    return failed;
                }
                return chunk;
            }
        };
        return next.handle(timed, response, callback);
    }
}
