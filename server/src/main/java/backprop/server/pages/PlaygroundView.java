package backprop.server.pages;

import backprop.engine.spec.Spec;
import backprop.ui.text.Links;
import java.util.List;
import java.util.Set;

/**
 * What the playground template shows: the spec it starts from and, on {@code /e/{id}}, the saved
 * experiment's id, title and description (plain text; jte escapes them). The client reads the
 * id from {@code data-experiment-id} and loads the saved state from the API. An embed
 * ({@code /embed...}) has no site chrome and shows only the panels in {@code panels}.
 */
public record PlaygroundView(
        String spec,
        String experimentId,
        String title,
        String description,
        boolean embed,
        Set<String> panels,
        String publicUrl) {
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

    /**
     * The body's classes: none on full pages; on embeds {@code embed} and either
     * {@code embed-fit} (the output without network or controls: everything fits the frame, see
     * embed.css) or {@code embed-rich} (more panels: the page scrolls, the output first).
     */
    public String bodyClass() {
        if (!embed) {
            return null;
        }
        boolean fit = shows("output") && !shows("network") && !shows("controls");
        return fit ? "embed embed-fit" : "embed embed-rich";
    }

    /** True when the page carries the oEmbed discovery link and Open Graph tags: saved, not an embed, absolute base known. */
    public boolean hasSharingTags() {
        return saved() && !embed && publicUrl != null;
    }

    /** The saved experiment's absolute page address ({@code publicUrl} is the site's base). */
    public String pageUrl() {
        return new Links(publicUrl).experimentPage(experimentId);
    }

    /** The absolute address of its preview image (Open Graph image, oEmbed thumbnail). */
    public String previewUrl() {
        return new Links(publicUrl).preview(experimentId);
    }

    /** The oEmbed discovery address for this page. */
    public String oembedUrl() {
        return new Links(publicUrl).oembed(pageUrl());
    }

    /** The description for link previews: the saved one (cut at 300 characters), else a generic sentence. */
    public String summary() {
        if (description == null || description.isBlank()) {
            return "A neural network experiment in the Backprop Playground: train it in your browser and watch it learn.";
        }
        String oneLine = description.strip().replaceAll("\\s+", " ");
        if (oneLine.codePointCount(0, oneLine.length()) <= 300) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, 299)) + "…";
    }

    /** Where "open in the playground" goes from an embed. */
    public String playgroundLink() {
        return saved() ? "/e/" + experimentId : "/";
    }
}
