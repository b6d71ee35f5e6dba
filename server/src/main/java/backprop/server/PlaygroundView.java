package backprop.server;

import backprop.engine.spec.Spec;

/**
 * What the playground template shows: the spec it starts from and, on {@code /e/{id}}, the saved
 * experiment's id, title and description (plain text; jte escapes them). The client reads the
 * id from {@code data-experiment-id} and loads the saved state from the API.
 */
public record PlaygroundView(String spec, String experimentId, String title, String description) {
    /** The playground at {@code /}: the default experiment, nothing saved. */
    public static PlaygroundView home() {
        return new PlaygroundView(Spec.DEFAULT_TEXT, null, null, null);
    }

    public boolean saved() {
        return experimentId != null;
    }
}
