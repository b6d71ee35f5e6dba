package backprop.server.http;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;

/**
 * One line per request on the server's output: time, method, path, status, body bytes,
 * milliseconds. {@code BACKPROP_ACCESS_LOG}: {@code text} (the default,
 * {@code 2026-12-03T09:50:00.123Z GET /e/abc 200 5120 3.2ms}), {@code json}
 * ({@code {"time":...,"method":...,"path":...,"status":...,"bytes":...,"ms":...}}) or {@code off}.
 */
public final class AccessLog implements RequestObserver.Listener {
    /** The line's shape. */
    public enum Format {
        TEXT,
        JSON,
        OFF
    }

    /** Paths are cut here in the log (an address may be 8 KB). */
    private static final int MAX_PATH_CHARS = 300;

    private final Format format;
    private final PrintStream out;

    public AccessLog(Format format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    /**
     * From {@code BACKPROP_ACCESS_LOG}; unset or blank is {@link Format#TEXT}.
     *
     * @throws IllegalArgumentException naming the variable, the value and what is allowed
     */
    public static Format formatOf(String text) {
        if (text == null || text.isBlank()) {
            return Format.TEXT;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> Format.TEXT;
            case "json" -> Format.JSON;
            case "off" -> Format.OFF;
            default ->
                throw new IllegalArgumentException("BACKPROP_ACCESS_LOG: \"" + text + "\"; allowed: text, json, off");
        };
    }

    Format format() {
        return format;
    }

    @Override
    public void completed(String method, String path, int status, long bytes, long nanos) {
        if (format == Format.OFF) {
            return;
        }
        String shown = path.length() > MAX_PATH_CHARS ? path.substring(0, MAX_PATH_CHARS) + "..." : path;
        String ms = String.format(Locale.ROOT, "%.1f", nanos / 1e6);
        String time = Instant.now().toString();
        if (format == Format.JSON) {
            out.println("{\"time\":\"" + time + "\",\"method\":\"" + json(method) + "\",\"path\":\"" + json(shown)
                    + "\",\"status\":" + status + ",\"bytes\":" + bytes + ",\"ms\":" + ms + "}");
        } else {
            out.println(time + " " + method + " " + shown + " " + status + " " + bytes + " " + ms + "ms");
        }
    }

    private static String json(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
