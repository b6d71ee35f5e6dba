package backprop.server.http;

import backprop.server.experiments.SaveRequest;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A save's JSON body as a {@link SaveRequest}: strict JSON (no duplicate keys, nothing after the
 * object), read as a stream so that a body of many unknown fields is refused after the first
 * {@value #MAX_UNKNOWN_FIELDS} instead of being read whole and answered field by field.
 */
final class SaveRequestReader {
    /** Unknown fields reported at most; one more and the body is refused without reading on. */
    static final int MAX_UNKNOWN_FIELDS = 10;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final String SHAPE = "{\"spec\": ..., \"title\": ..., \"description\": ... (optional), "
            + "\"snapshot\": ... (optional), \"dataset\": ... (optional)}";
    private static final String ALLOWED_FIELDS =
            "only the fields spec, title, description (optional), snapshot (optional) and dataset (optional)";

    private SaveRequestReader() {}

    /** The JSON object's fields; unknown fields and wrong types become problems. */
    static SaveRequest read(byte[] body) {
        Map<String, JsonNode> known = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ApiError.badRequest("the body must be a JSON object " + SHAPE);
            }
            int unknown = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (SaveRequest.FIELDS.contains(name)) {
                    known.put(name, parser.readValueAsTree());
                    continue;
                }
                if (++unknown > MAX_UNKNOWN_FIELDS) {
                    throw ApiError.badRequest("the body has more than " + MAX_UNKNOWN_FIELDS
                            + " fields a save does not have; allowed: " + ALLOWED_FIELDS);
                }
                String shown = value.isScalarValue()
                        ? (value == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\"" : parser.getText())
                        : value == JsonToken.START_OBJECT ? "{...}" : "[...]";
                parser.skipChildren();
                problems.add(Problem.shown(Problem.shorten(name), shown, ALLOWED_FIELDS));
            }
            if (parser.nextToken() != null) {
                throw ApiError.badRequest("the body has more after its JSON object; allowed: one JSON object " + SHAPE);
            }
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest(JsonErrors.describe(e));
        } catch (IOException e) {
            throw ApiError.badRequest("the body could not be read as JSON");
        }
        return new SaveRequest(
                text(known, "spec", false, problems),
                text(known, "title", false, problems),
                text(known, "description", true, problems),
                text(known, "snapshot", true, problems),
                text(known, "dataset", true, problems),
                problems);
    }

    private static String text(Map<String, JsonNode> known, String field, boolean optional, List<Problem> problems) {
        JsonNode node = known.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(Problem.shown(field, node.toString(), optional ? "a string or null" : "a string"));
            return null;
        }
        return node.textValue();
    }
}
