package backprop.server.http;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds the request bodies still arriving, per client address and overall. A body holds a Jetty
 * thread while it trickles in (the servlet API reads it blocking), so without a bound a few hundred
 * clients sending a byte now and then hold every thread and every page stops answering.
 *
 * <p>A request counts only from the moment a read finds its body incomplete (the thread would
 * wait), until its last byte arrives or the exchange ends. Beyond either bound that read fails
 * with {@link Refused} at once, and the route answers 503 with {@code Retry-After}
 * ({@link RequestBodies}). Pages, static files and reads have no body and never count; a normal
 * save's small body usually arrives with its headers and never counts either, so many users
 * behind one proxy address are not throttled. {@link MinimumUploadRate} ends the slow bodies
 * that did get a place.
 */
final class UploadLimit extends Handler.Wrapper {
    /** Bodies arriving at once from one address: far above one browser's, far below the thread pool. */
    static final int DEFAULT_PER_CLIENT = 16;
    /** Bodies arriving at once in all: a fifth of Jetty's 250 threads at most; the rest serve everyone else. */
    static final int DEFAULT_OVERALL = 48;

    private final int perClient;
    private final int overall;
    private final String clientIpHeader;
    private final AtomicInteger arriving = new AtomicInteger();
    private final Map<String, AtomicInteger> arrivingByClient = new ConcurrentHashMap<>();

    /** Why a body's read failed: too many bodies arriving at once. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** @param clientIpHeader the trusted proxy's header naming the client, or null for the peer address */
    UploadLimit(int perClient, int overall, String clientIpHeader) {
        if (perClient < 1 || overall < perClient) {
            throw new IllegalArgumentException("upload limits: per client " + perClient + ", overall " + overall
                    + "; allowed: 1 <= per client <= overall");
        }
        this.perClient = perClient;
        this.overall = overall;
        this.clientIpHeader = clientIpHeader;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        Counted counted = new Counted(request);
        Callback releasing = Callback.from(callback, counted::release);
        try {
            if (next.handle(counted, response, releasing)) {
                return true;
            }
        } catch (Throwable failure) {
            counted.release();
            throw failure;
        }
        counted.release();
        return false;
    }

    /** Bodies counted now (for tests). */
    int arriving() {
        return arriving.get();
    }

    /** The request, counted while a read finds its body incomplete. */
    private final class Counted extends Request.Wrapper {
        private String client;
        private boolean held;
        private Content.Chunk refused;

        Counted(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (refused != null) {
                return refused;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null) {
                if (!acquire()) {
                    refused = Content.Chunk.from(
                            new Refused("too many uploads are arriving at once, from your address " + "(at most "
                                    + perClient + ") or in all (at most " + overall + ")"),
                            true);
                    return refused;
                }
            } else if (chunk.isLast() || Content.Chunk.isFailure(chunk)) {
                release();
            }
            return chunk;
        }

        private synchronized boolean acquire() {
            if (held) {
                return true;
            }
            if (client == null) {
                client = ClientAddress.of(
                        clientIpHeader == null ? null : getHeaders().get(clientIpHeader),
                        Request.getRemoteAddr(getWrapped()));
            }
            if (arriving.incrementAndGet() > overall) {
                arriving.decrementAndGet();
                return false;
            }
            int[] mine = new int[1];
            arrivingByClient.compute(client, (key, count) -> {
                AtomicInteger c = count == null ? new AtomicInteger() : count;
                mine[0] = c.incrementAndGet();
                return c;
            });
            if (mine[0] > perClient) {
                releaseClient();
                arriving.decrementAndGet();
                return false;
            }
            held = true;
            return true;
        }

        synchronized void release() {
            if (held) {
                held = false;
                releaseClient();
                arriving.decrementAndGet();
            }
        }

        private void releaseClient() {
            arrivingByClient.computeIfPresent(client, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }
}
