package backprop.server.http;

import backprop.server.problems.ApiError;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The operator's bearer token ({@code BACKPROP_ADMIN_TOKEN}), compared in constant time. */
final class AdminAuth {
    private final String token;

    AdminAuth(String token) {
        this.token = token;
    }

    /**
     * Returns when the request carries the admin token.
     *
     * @throws ApiError 403 when take-down is disabled or the token is wrong, 401 when none is given
     */
    void requireForTakeDown(Context ctx) {
        require(ctx, "taking an experiment down");
    }

    /**
     * Returns when the request carries the admin token; {@code what} names what needs it in the refusal.
     *
     * @throws ApiError 403 when no token is configured or the token is wrong, 401 when none is given
     */
    void require(Context ctx, String what) {
        if (token == null) {
            throw ApiError.forbidden(what + " is disabled: the server was started without BACKPROP_ADMIN_TOKEN");
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized(what + " needs the header Authorization: Bearer <admin token>");
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
            throw ApiError.forbidden("wrong admin token");
        }
    }
}
