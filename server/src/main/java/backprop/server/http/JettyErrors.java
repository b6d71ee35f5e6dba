package backprop.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty makes itself, before Javalin sees the request (400 for a bad address such as
 * {@code %00}, 414 for a long one, 431 for large headers...): in our shape, with our security
 * headers, in our words (never Jetty's message or a class name). JSON under {@code /api/} and
 * whenever the address could not be read; a small page elsewhere.
 */
final class JettyErrors extends ErrorHandler {
    /**
     * The path Jetty gives a request it could not parse (a bad address, one too long, headers too
     * large): the real one is lost, so such answers are JSON, whatever the address was.
     */
    private static final String UNPARSED_PATH = "/badMessage";

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        String path = pathOf(request);
        SecurityHeaders.forPath(path).forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        boolean json = path == null || path.equals(UNPARSED_PATH) || ErrorAnswers.wantsJson(path);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, json ? "application/json" : "text/html;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body(code, json)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.forPath(null).forEach((name, value) -> fields.put(new HttpField(name, value)));
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, true));
    }

    /** What went wrong, in our words. */
    static String describe(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (its address, headers or framing)";
            case 408 -> "the request took too long to arrive";
            case 413 -> "the request is too large";
            case 414 -> "the address is too long";
            case 431 -> "the request headers are too large";
            case 500 -> "internal error";
            case 503 -> "the server is busy; try again in a few seconds";
            default -> {
                String reason = HttpStatus.getMessage(status);
                yield reason == null ? "error " + status : reason.toLowerCase(java.util.Locale.ROOT);
            }
        };
    }

    private static byte[] body(int status, boolean json) {
        String words = describe(status);
        String text = json
                ? "{\"error\":\"" + words + "\"}"
                : "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error " + status
                        + " - Backprop Playground</title><link rel=\"stylesheet\" href=\"/static/css/playground.css\"></head>"
                        + "<body><main class=\"status-page\"><h2>Error " + status + "</h2><p>" + words
                        + ".</p><p><a href=\"/\">Open the playground</a></p></main></body></html>\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The request's path as sent (still encoded), or null; a bad address (e.g. {@code %00}) has no decoded one. */
    private static String pathOf(Request request) {
        try {
            if (request.getHttpURI() == null) {
                return null;
            }
            String path = request.getHttpURI().getPath();
            if (path != null) {
                return path;
            }
        } catch (RuntimeException unparsable) {
            // fall back to the text as sent
        }
        try {
            String raw = request.getHttpURI().asString();
            int start = raw.startsWith("/") ? 0 : raw.indexOf('/', raw.indexOf("//") + 2);
            if (start < 0) {
                return null;
            }
            int end = raw.indexOf('?', start);
            return end < 0 ? raw.substring(start) : raw.substring(start, end);
        } catch (RuntimeException unparsable) {
            return null;
        }
    }
}
