package backprop.server;

import backprop.engine.spec.Spec;
import java.util.List;
import java.util.Set;

/**
 * What the playground template shows: the spec it starts from and, on {@code /e/{id}}, the saved
 * experiment's id, title and description (plain text; jte escapes them). The client reads the
 * id from {@code data-experiment-id} and loads the saved state from the API. An embed
 * ({@code /embed...}) has no site chrome and shows only the panels in {@code panels}.
 */
public record PlaygroundView(String spec, String experimentId, String title, String description,
                             boolean embed, Set<String> panels, String publicUrl) {
    /** The panels an embed can show, in page order. */
    public static final List<String> ALL_PANELS = List.of("controls", "network", "output", "loss");

    public PlaygroundView {
        panels = Set.copyOf(panels);
    }

    /** A full playground page (not an embed). */
    public PlaygroundView(String spec, String experimentId, String title, String description) {
        this(spec, experimentId, title, description, false, Set.copyOf(ALL_PANELS), null);
    }

    /** The playground at {@code /}: the default experiment, nothing saved. */
    public static PlaygroundView home() {
        return new PlaygroundView(Spec.DEFAULT_TEXT, null, null, null);
    }

    public boolean saved() {
        return experimentId != null;
    }

    /** True when the panel is shown (always, outside embeds). */
    public boolean shows(String panel) {
        return !embed || panels.contains(panel);
    }

    /** Where "open in the playground" goes from an embed. */
    public String playgroundLink() {
        return saved() ? "/e/" + experimentId : "/";
    }
}
