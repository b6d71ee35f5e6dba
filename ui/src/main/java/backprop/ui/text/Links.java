package backprop.ui.text;

import java.nio.charset.StandardCharsets;

/**
 * Every address the site hands out, built on one base: the public address ({@code
 * BACKPROP_PUBLIC_URL}, or the request's own scheme and host), without a trailing slash and
 * possibly with a path ({@code https://example.org/playground}). The server builds its answers,
 * Open Graph tags and oEmbed with it; the page builds its share snippet with it.
 *
 * @param base the site's absolute address, no trailing slash
 */
public record Links(String base) {
    public static final String EXPERIMENT_PATH = "/e/";
    public static final String EMBED_PATH = "/embed/";

    public Links {
        if (base == null || base.endsWith("/")) {
            throw new IllegalArgumentException("base: \"" + base + "\"; allowed: an address without a trailing slash");
        }
    }

    /**
     * The links of the site whose experiment page is {@code pageUrl} (as the API answers it):
     * the base is what stands before {@code /e/{id}}.
     */
    public static Links ofPage(String pageUrl, String id) {
        String suffix = EXPERIMENT_PATH + id;
        if (!pageUrl.endsWith(suffix)) {
            throw new IllegalArgumentException("pageUrl: \"" + pageUrl + "\" does not end in " + suffix);
        }
        return new Links(pageUrl.substring(0, pageUrl.length() - suffix.length()));
    }

    /** The home page, {@code base/}. */
    public String home() {
        return base + "/";
    }

    /** A saved experiment's page. */
    public String experimentPage(String id) {
        return base + EXPERIMENT_PATH + id;
    }

    /** Its embed, with a query ({@code show=...&autoplay=1}) or none (empty or null). */
    public String embed(String id, String query) {
        return base + EMBED_PATH + id + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** Its saved JSON in the API. */
    public String apiExperiment(String id) {
        return base + "/api/experiments/" + id;
    }

    /** Its decision-boundary picture (Open Graph image, oEmbed thumbnail). */
    public String preview(String id) {
        return apiExperiment(id) + "/preview.png";
    }

    /** The same picture drawn {@code size} pixels square. */
    public String preview(String id, int size) {
        return preview(id) + "?size=" + size;
    }

    /** The backprop explorer's page for a query ({@code expr=...&x=1}; empty: the first example). */
    public String graph(String query) {
        return base + "/graph" + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** Its framable form. */
    public String graphEmbed(String query) {
        return base + "/graph/embed" + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** The activation lab's race alone, framable, running {@code spec} (a raw fragment; empty: the lab's default). */
    public String raceEmbed(String spec) {
        return base + "/activations/embed" + (spec == null || spec.isEmpty() ? "" : "#" + spec);
    }

    /** A challenge's student page. */
    public String challengePage(String id) {
        return base + "/c/" + id;
    }

    /** Its embed, with a query ({@code show=...}) or none (empty or null). */
    public String challengeEmbed(String id, String query) {
        return base + "/embed/c/" + id + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** A verified attempt's page. */
    public String attemptPage(String challengeId, String attemptId) {
        return challengePage(challengeId) + "/a/" + attemptId;
    }

    /** A challenge's JSON in the API. */
    public String apiChallenge(String id) {
        return base + "/api/challenges/" + id;
    }

    /** A verified attempt's JSON in the API. */
    public String apiAttempt(String challengeId, String attemptId) {
        return apiChallenge(challengeId) + "/attempts/" + attemptId;
    }

    /** The oEmbed address that describes {@code url}. */
    public String oembed(String url) {
        return base + "/oembed?url=" + percentEncode(url) + "&format=json";
    }

    /** RFC 3986 percent-encoding of a query value (UTF-8; unreserved characters kept). */
    public static String percentEncode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            }
        }
        return out.toString();
    }

    private static final String HEX = "0123456789ABCDEF";
}
