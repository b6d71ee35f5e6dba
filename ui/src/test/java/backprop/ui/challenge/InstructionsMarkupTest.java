package backprop.ui.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InstructionsMarkupTest {
    @Test
    void paragraphsLineBreaksAndLinksAndNothingElse() {
        String text =
                "Reach <b>95%</b> & stop.\nSee https://example.org/a?b=1&c=2.\n\n\nThen (http://x.org/wiki/A_(b)) ends.";
        assertEquals(
                "<p>Reach &lt;b&gt;95%&lt;/b&gt; &amp; stop.<br>See <a href=\"https://example.org/a?b=1&amp;c=2\""
                        + " target=\"_blank\" rel=\"noopener nofollow\">https://example.org/a?b=1&amp;c=2</a>.</p>"
                        + "<p>Then (<a href=\"http://x.org/wiki/A_(b)\" target=\"_blank\" rel=\"noopener nofollow\">"
                        + "http://x.org/wiki/A_(b)</a>) ends.</p>",
                InstructionsMarkup.html(text));
    }

    @Test
    void scriptsAndAttributeTricksStayText() {
        assertEquals(
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"https://a.org/\""
                        + " target=\"_blank\" rel=\"noopener nofollow\">https://a.org/</a>&quot;onmouseover</p>",
                InstructionsMarkup.html("<script>alert(1)</script> https://a.org/\"onmouseover"));
        assertEquals("<p>javascript:alert(1) https://</p>", InstructionsMarkup.html("javascript:alert(1) https://"));
        assertEquals("", InstructionsMarkup.html("  \n\n "));
    }
}
