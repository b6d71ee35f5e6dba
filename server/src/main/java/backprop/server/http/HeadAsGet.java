package backprop.server.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HEAD answers what GET would, status and headers, without the body: the routes see a GET (Javalin
 * otherwise answered every HEAD 200 without running the route: {@code HEAD /e/unknown} was 200,
 * {@code HEAD /healthz} 200 with the database down), and Jetty, which still knows the request is a
 * HEAD, sends no body on the wire.
 */
final class HeadAsGet extends Handler.Wrapper {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        if (!"HEAD".equals(request.getMethod())) {
            return next.handle(request, response, callback);
        }
        return next.handle(
                new Request.Wrapper(request) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }
                },
                response,
                callback);
    }

    /** Puts the wrapper in front of what the server has (Javalin nests its context inside the innermost wrapper). */
    static void install(org.eclipse.jetty.server.Server server) {
        HeadAsGet head = new HeadAsGet();
        head.setHandler(server.getHandler());
        server.setHandler(head);
    }
}
