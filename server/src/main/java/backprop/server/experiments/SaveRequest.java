package backprop.server.experiments;

import backprop.server.problems.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A save as the client sent it, before validation: the fields (any may be null: absent, JSON null
 * or of the wrong type; the snapshot is base64 text, the dataset CSV text) and the problems
 * already found while reading the JSON (unknown fields, wrong types), which validation reports
 * together with its own.
 */
public record SaveRequest(
        String spec, String title, String description, String snapshot, String dataset, List<Problem> readProblems) {
    public SaveRequest {
        readProblems = List.copyOf(readProblems);
    }

    public SaveRequest(String spec, String title, String description, String snapshot, List<Problem> readProblems) {
        this(spec, title, description, snapshot, null, readProblems);
    }

    public SaveRequest(String spec, String title, String description, String snapshot) {
        this(spec, title, description, snapshot, null, List.of());
    }

    /** The fields a save may have. */
    public static final List<String> FIELDS = List.of("spec", "title", "description", "snapshot", "dataset");

    /** The problems reading the JSON found with this field (e.g. a number where a string belongs). */
    List<Problem> readProblemsOf(String field) {
        List<Problem> found = new ArrayList<>();
        for (Problem problem : readProblems) {
            if (problem.key().equals(field)) {
                found.add(problem);
            }
        }
        return found;
    }

    /** The problems of fields a save does not have. */
    List<Problem> unknownFieldProblems() {
        List<Problem> found = new ArrayList<>();
        for (Problem problem : readProblems) {
            if (!FIELDS.contains(problem.key())) {
                found.add(problem);
            }
        }
        return found;
    }
}
