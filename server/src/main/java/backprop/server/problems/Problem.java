package backprop.server.problems;

import backprop.engine.spec.SpecProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with a request to the API, shaped like the engine's {@link SpecProblem}: the
 * field or spec key, the value given (shortened when long; null when the field is missing), and
 * what is allowed.
 */
public record Problem(String key, String value, String allowed) {
    /** Values longer than this are shown cut, with "..." (a snapshot can be a megabyte). */
    public static final int MAX_SHOWN = 100;

    public static Problem of(SpecProblem problem) {
        return new Problem(problem.key(), problem.value(), problem.allowed());
    }

    public static Problem missing(String key, String allowed) {
        return new Problem(key, null, allowed);
    }

    /** A problem whose value is shown at most {@value #MAX_SHOWN} characters long. */
    public static Problem shown(String key, String value, String allowed) {
        return new Problem(key, shorten(value), allowed);
    }

    /** e.g. {@code title: "" is not allowed; allowed: 1 to 120 characters}; the same words as the engine's. */
    public String message() {
        if (value == null) {
            return key + ": missing; allowed: " + allowed;
        }
        return key + ": \"" + value + "\" is not allowed; allowed: " + allowed;
    }

    /** {@code {"key", "value", "allowed", "message"}} for the JSON body. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", key);
        json.put("value", value);
        json.put("allowed", allowed);
        json.put("message", message());
        return json;
    }

    public static String shorten(String value) {
        if (value == null || value.length() <= MAX_SHOWN) {
            return value;
        }
        int end = MAX_SHOWN - 3;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never cut a surrogate pair in half
        }
        return value.substring(0, end) + "...";
    }
}
