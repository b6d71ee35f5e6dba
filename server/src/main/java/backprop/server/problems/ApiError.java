package backprop.server.problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the API refuses: the status, a message, and for invalid input every problem. Thrown
 * by the experiment code and written as JSON in one place (by the HTTP layer's exception mapping):
 * {@code {"error": "...", "problems": [{"key", "value", "allowed", "message"}...]}} (problems only
 * when there are some).
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Problems listed in one answer at most. */
    public static final int MAX_LISTED = 20;
    /** Longest message sent (the rest is cut): an answer's size never follows its request's. */
    static final int MAX_MESSAGE_CHARS = 1000;

    private final int status;
    private final List<Problem> problems;
    private final Map<String, String> headers;

    private ApiError(int status, String message, List<Problem> problems, Map<String, String> headers) {
        // no stack trace: this is an answer, not a fault
        super(
                message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS - 3) + "..." : message,
                null,
                false,
                false);
        this.status = status;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    /**
     * 400 with the problems, at most {@value #MAX_LISTED} of them: a 16 KB spec of repeated keys
     * has thousands, and listing each made a 1.3 MB answer.
     */
    public static ApiError invalid(List<Problem> problems) {
        return invalid("the experiment was not saved", problems);
    }

    /** 400 as {@link #invalid(List)}, the message starting with {@code what} ("the challenge was not saved"). */
    public static ApiError invalid(String what, List<Problem> problems) {
        return listing(400, what, problems);
    }

    /**
     * 422: the request is well-formed but cannot be done as asked (an attempt that breaks a
     * challenge's locks or constraints, a claim that does not reproduce, a verification over its
     * budget), with the problems.
     */
    public static ApiError unprocessable(String what, List<Problem> problems) {
        return listing(422, what, problems);
    }

    private static ApiError listing(int status, String what, List<Problem> problems) {
        int total = problems.size();
        String summary = total == 1
                ? problems.get(0).message()
                : total <= MAX_LISTED
                        ? total + " problems, each listed in \"problems\""
                        : total + " problems, the first " + MAX_LISTED + " listed in \"problems\"";
        return new ApiError(
                status,
                what + ": " + summary,
                total <= MAX_LISTED ? problems : problems.subList(0, MAX_LISTED),
                Map.of());
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message, List.of(), Map.of());
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, message, List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, message, List.of(), Map.of());
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message, List.of(), Map.of());
    }

    public static ApiError timeout(String message) {
        return new ApiError(408, message, List.of(), Map.of());
    }

    public static ApiError unsupportedMediaType(String message) {
        return new ApiError(415, message, List.of(), Map.of());
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, message, List.of(), Map.of());
    }

    /** 422: the request is understood but the experiment cannot be given that way (e.g. an export it has no form in). */
    public static ApiError unprocessable(String message) {
        return new ApiError(422, message, List.of(), Map.of());
    }

    public static ApiError gone(String message) {
        return new ApiError(410, message, List.of(), Map.of());
    }

    public static ApiError tooLarge(String message) {
        return new ApiError(413, message, List.of(), Map.of());
    }

    public static ApiError tooManyRequests(String message, long retryAfterSeconds) {
        return new ApiError(429, message, List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 503: a passing overload or outage; the client may try again after {@code retryAfterSeconds}. */
    public static ApiError unavailable(String message, long retryAfterSeconds) {
        return new ApiError(503, message, List.of(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The JSON body: {@code error}, and {@code problems} when there are any. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", getMessage());
        if (!problems.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Problem problem : problems) {
                list.add(problem.toJson());
            }
            json.put("problems", list);
        }
        return json;
    }

    /** Headers the answer carries (e.g. {@code Retry-After}). */
    public Map<String, String> headers() {
        return headers;
    }
}
