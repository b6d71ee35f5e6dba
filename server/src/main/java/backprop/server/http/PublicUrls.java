package backprop.server.http;

import backprop.ui.text.Links;
import io.javalin.http.Context;
import java.net.URI;

/**
 * The site's public address for a request: {@code BACKPROP_PUBLIC_URL} when set; else, when the
 * operator trusts the proxy ({@code BACKPROP_TRUST_FORWARDED=true}), the scheme, host and path
 * prefix of {@code X-Forwarded-Proto}, {@code -Host} and {@code -Prefix}; else the request's own
 * scheme and host. Every absolute link the server writes starts here, and every path in a page
 * starts with its {@link #root}.
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
        String scheme = ctx.scheme();
        String prefix = "";
        if (config.trustForwarded()) {
            String proto = first(ctx.header("X-Forwarded-Proto"));
            if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
                scheme = proto.toLowerCase(java.util.Locale.ROOT);
            }
            String forwardedHost = first(ctx.header("X-Forwarded-Host"));
            if (forwardedHost != null && forwardedHost.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                host = forwardedHost;
            }
            prefix = prefix(first(ctx.header("X-Forwarded-Prefix")));
        }
        return scheme + "://" + host + prefix;
    }

    /**
     * The path every page address starts with: empty at the root of a host, else e.g.
     * {@code /playground} (no trailing slash).
     */
    public String root(Context ctx) {
        String path = URI.create(base(ctx)).getRawPath();
        return path == null ? "" : path;
    }

    /** The links built on {@link #base}. */
    public Links links(Context ctx) {
        return new Links(base(ctx));
    }

    /** The first value of a header a chain of proxies may have appended to. */
    private static String first(String header) {
        if (header == null) {
            return null;
        }
        String value = header.split(",")[0].strip();
        return value.isEmpty() ? null : value;
    }

    /** A path prefix of plain segments ({@code /a/b}), without a trailing slash; anything else: none. */
    static String prefix(String text) {
        if (text == null) {
            return "";
        }
        String p = text.strip();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.matches("(/[A-Za-z0-9._~-]+)*") && !p.contains("/../") && !p.endsWith("/..") ? p : "";
    }
}
