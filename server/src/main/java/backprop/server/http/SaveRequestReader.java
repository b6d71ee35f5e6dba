package backprop.server.http;

import backprop.server.experiments.SaveRequest;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A save's JSON body as a {@link SaveRequest}: strict JSON (no duplicate keys, nothing after the object). */
final class SaveRequestReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SaveRequestReader() {
    }

    /** The JSON object's fields; unknown fields and wrong types become problems. */
    static SaveRequest read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("the body could not be read as JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object {\"spec\": ..., \"title\": ..., "
                    + "\"description\": ... (optional), \"snapshot\": ... (optional)}");
        }
        List<Problem> problems = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SaveRequest.FIELDS.contains(name)) {
                problems.add(Problem.shown(name, root.get(name).toString(),
                        "only the fields spec, title, description (optional) and snapshot (optional)"));
            }
        }
        return new SaveRequest(text(root, "spec", false, problems), text(root, "title", false, problems),
                text(root, "description", true, problems), text(root, "snapshot", true, problems), problems);
    }

    private static String text(JsonNode root, String field, boolean optional, List<Problem> problems) {
        JsonNode node = root.get(field);
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
