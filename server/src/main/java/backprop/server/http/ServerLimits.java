package backprop.server.http;

import io.javalin.config.JettyConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Jetty's side of surviving slow and abusive clients: how long headers and a silent connection may
 * take, how slowly a body may arrive, and how many bodies may arrive at once (see each class).
 *
 * @param idleTimeoutMillis a connection (or a blocked read) that receives nothing this long is closed
 * @param headerDeadlineMillis {@link HeaderDeadline}
 * @param minUploadBytesPerSecond {@link MinimumUploadRate}, after {@code uploadGraceNanos}
 * @param uploadsPerClient {@link UploadLimit}
 * @param uploadsOverall {@link UploadLimit}
 */
public record ServerLimits(
        long idleTimeoutMillis,
        long headerDeadlineMillis,
        long minUploadBytesPerSecond,
        long uploadGraceNanos,
        int uploadsPerClient,
        int uploadsOverall) {
    /** Jetty's default is 30 s; 15 s is long for a browser between two requests, short for an idle socket. */
    public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 15_000;

    public static ServerLimits defaults() {
        return new ServerLimits(
                DEFAULT_IDLE_TIMEOUT_MILLIS,
                HeaderDeadline.DEFAULT_MILLIS,
                MinimumUploadRate.DEFAULT_BYTES_PER_SECOND,
                MinimumUploadRate.DEFAULT_GRACE_NANOS,
                UploadLimit.DEFAULT_PER_CLIENT,
                UploadLimit.DEFAULT_OVERALL);
    }

    /** Puts the limits in front of Javalin's handler and on every connector. */
    void applyTo(JettyConfig jetty, String clientIpHeader) {
        HeaderDeadline headerDeadline = new HeaderDeadline(headerDeadlineMillis);
        jetty.modifyServer(server -> {
            // Javalin puts its servlet context inside the innermost wrapper it finds.
            UploadLimit uploads = new UploadLimit(uploadsPerClient, uploadsOverall, clientIpHeader);
            MinimumUploadRate rate = new MinimumUploadRate(minUploadBytesPerSecond, uploadGraceNanos, System::nanoTime);
            Handler javalins = server.getHandler();
            uploads.setHandler(rate);
            rate.setHandler(javalins);
            server.setHandler(uploads);
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector connector : ((Server) event).getConnectors()) {
                        if (connector instanceof AbstractConnector c) {
                            c.setIdleTimeout(idleTimeoutMillis);
                            c.addBean(headerDeadline);
                        }
                    }
                }
            });
        });
    }
}
