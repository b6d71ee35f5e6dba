package backprop.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinksTest {
    @Test
    void everyAddressFollowsTheBaseAndItsPath() {
        Links links = new Links("https://example.org/e/courses");
        assertEquals("https://example.org/e/courses/e/abc", links.experimentPage("abc"));
        assertEquals("https://example.org/e/courses/embed/abc?show=output", links.embed("abc", "show=output"));
        assertEquals("https://example.org/e/courses/embed/abc", links.embed("abc", ""));
        assertEquals("https://example.org/e/courses/api/experiments/abc/preview.png", links.preview("abc"));
        assertEquals("https://example.org/e/courses/", links.home());
    }

    @Test
    void theBaseOfAPageUrlIsWhatStandsBeforeItsIdEvenWhenThePathHoldsSlashEs() {
        Links links = Links.ofPage("https://example.org/e/courses/e/abc", "abc");
        assertEquals("https://example.org/e/courses", links.base());
        assertEquals("https://example.org/e/courses/embed/abc", links.embed("abc", null));
        assertThrows(IllegalArgumentException.class, () -> Links.ofPage("https://example.org/x/abc", "abc"));
        assertThrows(IllegalArgumentException.class, () -> new Links("https://example.org/"));
    }

    @Test
    void oembedAddressesArePercentEncoded() {
        assertEquals(
                "https://h/oembed?url=https%3A%2F%2Fh%2Fe%2Fa%20b%C3%A9&format=json",
                new Links("https://h").oembed("https://h/e/a bé"));
    }

    @Test
    void theSnippetEscapesItsAttributesAndNamesOnlyWhatWasChosen() {
        assertEquals(
                "show=output,loss&autoplay=1&epochs=200", EmbedSnippet.query(List.of("output", "loss"), true, 200));
        assertEquals("", EmbedSnippet.query(List.of(), false, -1));
        assertEquals(
                "<iframe src=\"https://h/embed/a?show=output&amp;autoplay=1\" width=\"720\" height=\"560\""
                        + " title=\"&lt;b&gt; &quot;x&quot;\" loading=\"lazy\" allow=\"clipboard-write\" frameborder=\"0\"></iframe>",
                EmbedSnippet.iframe("https://h/embed/a?show=output&autoplay=1", 720, 560, "<b> \"x\""));
    }
}
