package backprop.server.http;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Sees every exchange end, whatever answered it (a route, a static file, an error), and tells
 * its listeners (the {@link AccessLog}, the {@link Metrics}) the method, path, status, body
 * bytes and time.
 */
final class RequestObserver extends Handler.Wrapper {
    /** What one finished exchange tells a listener; {@code path} as sent (still percent-encoded). */
    interface Listener {
        void completed(String method, String path, int status, long bytes, long nanos);
    }

    private final List<Listener> listeners;

    private RequestObserver(List<Listener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Outermost: in front of everything the server has so far. */
    static void install(Server server, List<Listener> listeners) {
        if (listeners.isEmpty()) {
            return;
        }
        RequestObserver observer = new RequestObserver(listeners);
        observer.setHandler(server.getHandler());
        server.setHandler(observer);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        long start = System.nanoTime();
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        Callback observed = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                done(method, path, response, start);
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                done(method, path, response, start);
                super.failed(failure);
            }
        };
        return next.handle(request, response, observed);
    }

    private void done(String method, String path, Response response, long start) {
        long nanos = System.nanoTime() - start;
        int status = response.getStatus();
        long bytes = Response.getContentBytesWritten(response);
        for (Listener listener : listeners) {
            try {
                listener.completed(method, path == null ? "" : path, status == 0 ? 200 : status, bytes, nanos);
            } catch (RuntimeException e) {
                // a log or metric must never break an answer
            }
        }
    }
}
