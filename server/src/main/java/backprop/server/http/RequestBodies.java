package backprop.server.http;

import backprop.server.problems.ApiError;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading request bodies within a size cap, answering 413 in a way the client gets to see. */
final class RequestBodies {
    /** The largest body any route accepts. */
    static final long MAX_BODY_BYTES = 2L * 1024 * 1024;
    /** Oversized bodies are read and discarded up to this many bytes; beyond, the connection is cut. */
    static final long MAX_DRAINED_BYTES = 16L * 1024 * 1024;

    private RequestBodies() {}

    /**
     * The body, at most {@link #MAX_BODY_BYTES}: 413 beyond, whether or not a length was declared.
     * An oversized body is read to its end (discarded, up to {@link #MAX_DRAINED_BYTES}) before the
     * answer goes out: a server that answers and closes while the client is still sending makes the
     * client's socket reset, and the client never sees the 413, only a broken connection.
     */
    static byte[] read(Context ctx) {
        String tooLarge = "the request body is larger than " + MAX_BODY_BYTES + " bytes";
        long declared = ctx.contentLength();
        try {
            InputStream in = ctx.req().getInputStream();
            if (declared > MAX_BODY_BYTES) {
                drainOversized(ctx, in, declared);
                throw ApiError.tooLarge(tooLarge);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) != -1; ) {
                body.write(buffer, 0, read);
                if (body.size() > MAX_BODY_BYTES) {
                    drainOversized(ctx, in, -1);
                    throw ApiError.tooLarge(tooLarge);
                }
            }
            return body.toByteArray();
        } catch (IOException e) {
            UploadLimit.Refused refused = refusal(e);
            if (refused != null) {
                ctx.header("Connection", "close"); // the rest of the body is not worth waiting for
                throw ApiError.unavailable(refused.getMessage() + "; try again in a second", 1);
            }
            if (causedByTimeout(e)) {
                ctx.header("Connection", "close");
                throw ApiError.timeout("the request body arrived too slowly: " + timeoutMessage(e));
            }
            throw ApiError.badRequest("the request body could not be read");
        }
    }

    private static UploadLimit.Refused refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UploadLimit.Refused refused) {
                return refused;
            }
        }
        return null;
    }

    /** A body ended by {@link MinimumUploadRate} or the idle timeout. */
    private static boolean causedByTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String timeoutMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    && t.getMessage() != null
                    && t.getMessage().startsWith("the request body arrived at")) {
                return t.getMessage().substring("the request body ".length());
            }
        }
        return "nothing arrived for too long";
    }

    private static void drainOversized(Context ctx, InputStream in, long declared) throws IOException {
        ctx.header("Connection", "close");
        if (declared > MAX_DRAINED_BYTES) {
            return;
        }
        byte[] buffer = new byte[8192];
        long drained = 0;
        for (int read; drained <= MAX_DRAINED_BYTES && (read = in.read(buffer)) != -1; ) {
            drained += read;
        }
    }
}
