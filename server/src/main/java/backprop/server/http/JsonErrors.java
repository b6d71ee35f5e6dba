package backprop.server.http;

import backprop.server.problems.Problem;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson's parse errors in our words: where, and what is allowed; never a Jackson class or feature name. */
final class JsonErrors {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    private JsonErrors() {}

    static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "the body is not acceptable JSON: it nests too deeply or holds a number, name or text that is too long";
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return "the body is not acceptable JSON: the field \"" + Problem.shorten(duplicate.group(1))
                    + "\" appears more than once; each field may appear once";
        }
        return "the body is not valid JSON" + where(e.getLocation());
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
