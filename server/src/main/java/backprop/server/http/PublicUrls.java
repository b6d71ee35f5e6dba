package backprop.server.http;

import backprop.ui.text.Links;
import io.javalin.http.Context;

/**
 * The site's public address for a request: {@code BACKPROP_PUBLIC_URL} when set, else the
 * request's own scheme and host. Every absolute link the server writes starts here.
 */
public final class PublicUrls {
    private final ServerConfig config;

    public PublicUrls(ServerConfig config) {
        this.config = config;
    }

    /** The base address (no trailing slash). */
    public String base(Context ctx) {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String host = ctx.host();
        if (host == null || host.isBlank()) {
            host = ctx.req().getServerName() + ":" + ctx.req().getServerPort();
        }
        return ctx.scheme() + "://" + host;
    }

    /** The links built on {@link #base}. */
    public Links links(Context ctx) {
        return new Links(base(ctx));
    }
}
