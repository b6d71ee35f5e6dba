package backprop.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * What the server needs beyond its storage, read once at start.
 *
 * @param publicUrl the address links are built on (e.g. {@code https://play.example.org}, no
 *     trailing slash), or null to build them from each request's scheme and Host header
 * @param adminToken the bearer token that may take experiments down, or null: take-down disabled
 * @param saveLimitPerMinute saves allowed per client address and minute on this instance; 0 = no limit
 * @param clientIpHeader a header set by a trusted reverse proxy that names the client's address
 *     (e.g. {@code X-Forwarded-For}, whose last entry is used), or null to use the peer address
 * @param trustForwarded whether {@code X-Forwarded-Proto}, {@code -Host} and {@code -Prefix} name the
 *     public address when {@code publicUrl} is null ({@code BACKPROP_TRUST_FORWARDED=true}); only
 *     behind a proxy that sets or strips them, or any client could choose the links we write
 */
public record ServerConfig(
        String publicUrl, String adminToken, int saveLimitPerMinute, String clientIpHeader, boolean trustForwarded) {
    public static final int DEFAULT_SAVE_LIMIT_PER_MINUTE = 30;
    /** Shorter tokens are refused: a guessable token would let anyone take experiments down. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    public ServerConfig {
        if (publicUrl != null) {
            publicUrl = normalizePublicUrl(publicUrl);
        }
        if (adminToken != null && adminToken.length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("BACKPROP_ADMIN_TOKEN: " + adminToken.length()
                    + " characters; allowed: at least " + MIN_ADMIN_TOKEN_LENGTH + " (or unset: take-down disabled)");
        }
        if (saveLimitPerMinute < 0) {
            throw new IllegalArgumentException("BACKPROP_SAVE_LIMIT_PER_MINUTE: " + saveLimitPerMinute
                    + "; allowed: an integer >= 0 (0 = no limit)");
        }
        if (clientIpHeader != null && !clientIpHeader.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("BACKPROP_CLIENT_IP_HEADER: \"" + clientIpHeader
                    + "\"; allowed: a header name (letters, digits, '-')");
        }
    }

    /** No public address (links follow the request), take-down disabled, 30 saves a minute. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, null, DEFAULT_SAVE_LIMIT_PER_MINUTE, null, false);
    }

    /**
     * From {@code BACKPROP_PUBLIC_URL}, {@code BACKPROP_ADMIN_TOKEN},
     * {@code BACKPROP_SAVE_LIMIT_PER_MINUTE}, {@code BACKPROP_CLIENT_IP_HEADER} and
     * {@code BACKPROP_TRUST_FORWARDED} ({@code true} or {@code false}); unset or blank means the default.
     *
     * @throws IllegalArgumentException naming the variable, the value and what is allowed
     */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        String limitText = blankToNull(env.get("BACKPROP_SAVE_LIMIT_PER_MINUTE"));
        int limit = DEFAULT_SAVE_LIMIT_PER_MINUTE;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("BACKPROP_SAVE_LIMIT_PER_MINUTE: \"" + limitText
                        + "\" is not an integer; allowed: an integer >= 0 (0 = no limit)");
            }
        }
        String trustText = blankToNull(env.get("BACKPROP_TRUST_FORWARDED"));
        if (trustText != null
                && !trustText.strip().equals("true")
                && !trustText.strip().equals("false")) {
            throw new IllegalArgumentException(
                    "BACKPROP_TRUST_FORWARDED: \"" + trustText + "\"; allowed: true or false");
        }
        return new ServerConfig(
                blankToNull(env.get("BACKPROP_PUBLIC_URL")),
                blankToNull(env.get("BACKPROP_ADMIN_TOKEN")),
                limit,
                blankToNull(env.get("BACKPROP_CLIENT_IP_HEADER")),
                trustText != null && trustText.strip().equals("true"));
    }

    public ServerConfig withPublicUrl(String url) {
        return new ServerConfig(url, adminToken, saveLimitPerMinute, clientIpHeader, trustForwarded);
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(publicUrl, token, saveLimitPerMinute, clientIpHeader, trustForwarded);
    }

    public ServerConfig withSaveLimitPerMinute(int limit) {
        return new ServerConfig(publicUrl, adminToken, limit, clientIpHeader, trustForwarded);
    }

    public ServerConfig withClientIpHeader(String header) {
        return new ServerConfig(publicUrl, adminToken, saveLimitPerMinute, header, trustForwarded);
    }

    public ServerConfig withTrustForwarded(boolean trust) {
        return new ServerConfig(publicUrl, adminToken, saveLimitPerMinute, clientIpHeader, trust);
    }

    /** An absolute http(s) address without query or fragment; trailing slashes dropped. */
    private static String normalizePublicUrl(String text) {
        String url = text.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        String allowed = "; allowed: an absolute http:// or https:// address without query or fragment, "
                + "e.g. https://play.example.org or https://example.org/playground";
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("BACKPROP_PUBLIC_URL: \"" + text + "\"" + allowed);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("BACKPROP_PUBLIC_URL: \"" + text + "\" is not an address" + allowed);
        }
        return url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
