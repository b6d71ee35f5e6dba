package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Save an experiment with its trained state, open the short link, and carry on exactly. */
class ShareJourneyTest extends BrowserJourney {
    @Test
    void aSavedLinkOpensTheTrainedStateAndContinuesExactly() {
        Page original = page;
        PlaygroundPage playground =
                new PlaygroundPage(original).open(server.url("/?epochs=20#data=xor&layers=6:tanh&n=200"));
        playground.waitUntilPausedAt(20);
        playground.choose("lr", "0.1");
        playground.stepEpoch();
        assertThat(playground.byTestId("epoch")).hasText("21");
        String savedFingerprint = playground.fingerprint();

        playground.byTestId("share").click();
        assertThat(playground.byTestId("share-include-state")).isChecked();
        playground.byTestId("share-title").fill("XOR <b>after</b> a learning-rate change");
        playground.byTestId("share-description").fill("Line one\nLine two & <script>alert(1)</script>");
        playground.byTestId("share-save").click();
        assertThat(playground.byTestId("share-link"))
                .hasValue(Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/e/[0-9A-Za-z]{10}$"));
        String link = playground.byTestId("share-link").inputValue();

        // Saving the same content again gives the same link.
        playground.byTestId("share-save").click();
        assertThat(playground.byTestId("share-link")).hasValue(link);
        playground.byTestId("share-close").click();

        for (int e = 22; e <= 25; e++) {
            playground.stepEpoch();
            assertThat(playground.byTestId("epoch")).hasText(Integer.toString(e));
        }
        String originalAt25 = playground.fingerprint();

        // A fresh browser context, as a student opening the link would have.
        Page opened = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage reopened = new PlaygroundPage(opened);
        opened.navigate(link);
        assertThat(reopened.byTestId("experiment-title")).hasText("XOR <b>after</b> a learning-rate change");
        assertThat(reopened.byTestId("experiment-description")).containsText("<script>alert(1)</script>");
        assertThat(reopened.byTestId("output")).hasAttribute("data-state-loaded", "true");
        assertThat(reopened.byTestId("epoch")).hasText("21");
        assertThat(reopened.fingerprintLocator()).hasText(savedFingerprint);
        assertTrue(reopened.fragment().contains("lr=0.1&"), reopened.fragment());
        reopened.stepEpoch();
        assertThat(reopened.byTestId("epoch")).hasText("22");
        reopened.reset();
        assertThat(reopened.fingerprintLocator()).hasText(savedFingerprint);

        // Play from the saved state to epoch 25: the same weights as the uninterrupted run.
        opened.navigate(link + "?epochs=25");
        reopened.waitUntilPausedAt(25);
        assertEquals(originalAt25, reopened.fingerprint());
    }

    @Test
    void aMissingTitleIsRefusedInTheDialog() {
        PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/"));
        playground.byTestId("share").click();
        playground.byTestId("share-save").click();
        assertThat(playground.byTestId("share-error")).containsText("title");
        assertThat(playground.byTestId("share-result")).isHidden();
    }
}
