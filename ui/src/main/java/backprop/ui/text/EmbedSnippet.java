package backprop.ui.text;

import java.util.List;

/**
 * The {@code <iframe>} code an instructor pastes: the one place it is written, for the share
 * dialog and for oEmbed. Attribute values are HTML-escaped (the title is the user's text).
 */
public final class EmbedSnippet {
    /** The smallest frame the embed's layout fits (the share dialog and oEmbed both clamp to it). */
    public static final int MIN_WIDTH = 320;

    public static final int MIN_HEIGHT = 240;
    /** The frame's size when nobody asks for another. */
    public static final int DEFAULT_WIDTH = 720;

    public static final int DEFAULT_HEIGHT = 560;

    private EmbedSnippet() {}

    /** The iframe element for {@code src}. */
    public static String iframe(String src, int width, int height, String title) {
        return "<iframe src=\"" + Html.escape(src) + "\" width=\"" + width + "\" height=\"" + height
                + "\" title=\"" + Html.escape(title) + "\" loading=\"lazy\" allow=\"clipboard-write\""
                + " frameborder=\"0\"></iframe>";
    }

    /**
     * The embed's query: {@code show=} the panels (none: every panel), {@code autoplay=1},
     * {@code epochs=N} when {@code epochs >= 0}; empty when there is nothing to say.
     */
    public static String query(List<String> panels, boolean autoplay, int epochs) {
        StringBuilder query = new StringBuilder();
        if (!panels.isEmpty()) {
            query.append("show=").append(String.join(",", panels));
        }
        if (autoplay) {
            query.append(query.length() == 0 ? "" : "&").append("autoplay=1");
        }
        if (epochs >= 0) {
            query.append(query.length() == 0 ? "" : "&").append("epochs=").append(epochs);
        }
        return query.toString();
    }
}
