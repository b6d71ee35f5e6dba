package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Playground part 1: every control changes the experiment, and the address bar follows. */
class PlaygroundControlsJourneyTest extends BrowserJourney {
    private PlaygroundPage playground;

    @BeforeEach
    void wrapPage() {
        playground = new PlaygroundPage(page);
    }

    @Test
    void everyDatasetThumbnailRewritesTheFragment() {
        playground.open(server.url("/"));
        for (String data : List.of("circle", "xor", "gauss", "moons", "checker", "plane", "multigauss", "spiral")) {
            playground.byTestId("dataset-" + data).click();
            assertThat(playground.byTestId("dataset-" + data)).hasAttribute("aria-pressed", "true");
            assertTrue(playground.fragment().contains("data=" + data + "&"), playground.fragment());
            assertThat(playground.byTestId("epoch")).hasText("0");
        }
        playground.choose("classes", "4");
        assertTrue(playground.fragment().contains("data=spiral&classes=4&"), playground.fragment());
        assertEquals(4, playground.classColoursOnOutput(), "four class colours of points on the output");
    }

    @Test
    void buildingTheNetworkChangesTheSpec() {
        playground.open(server.url("/"));
        playground.byTestId("add-layer").click();
        assertThat(playground.byTestId("layer-3")).isVisible();
        playground.choose("layer-3-activation", "relu");
        playground.byTestId("layer-3-units-up").click();
        assertTrue(playground.fragment().contains("layers=8:tanh,8:tanh,9:relu&"), playground.fragment());
        playground.byTestId("feature-x1sq").check();
        assertTrue(playground.fragment().contains("features=x1,x2,x1sq&"), playground.fragment());
        playground.choose("loss", "svm");
        playground.choose("opt", "adam");
        playground.choose("reg", "l2");
        playground.choose("init", "he");
        playground.choose("batch", "25");
        String fragment = playground.fragment();
        for (String part : List.of("loss=svm", "opt=adam", "reg=l2", "init=he", "batch=25")) {
            assertTrue(fragment.contains(part), fragment);
        }
        playground.byTestId("remove-layer").click();
        assertThat(playground.byTestId("layer-3")).hasCount(0);
    }

    @Test
    void aBatchSizeOutsideTheRangeIsRefusedWithTheAllowedRange() {
        playground.open(server.url("/"));
        String before = playground.fragment();
        playground.choose("batch", "5000");
        // Said beside the batch size itself, not in the page's list.
        assertThat(playground.byTestId("note-batch")).isVisible();
        assertThat(playground.byTestId("note-batch")).containsText("batch");
        assertThat(playground.byTestId("note-batch")).containsText("2000");
        assertThat(playground.byTestId("spec-errors")).isHidden();
        assertEquals(before, playground.fragment(), "nothing changed");
        assertThat(playground.byTestId("batch")).hasValue("10");
    }

    @Test
    void aClickOutsideDrawModeOnlyProbesAndInDrawModeAddsPointsThatUndoTakesBack() {
        playground.open(server.url("/#data=spiral&classes=3&n=90"));
        assertThat(playground.byTestId("output-legend")).containsText("Class 2");
        String before = playground.fragment();
        playground.clickOutput(1, 1, false);
        assertEquals(before, playground.fragment(), "a stray click changes nothing");
        playground.byTestId("draw-mode").click();
        assertThat(playground.byTestId("draw-mode")).hasAttribute("aria-pressed", "true");
        playground.byTestId("draw-class-2").click();
        playground.clickOutput(2, -2, false);
        assertTrue(playground.fragment().contains("data=custom&classes=3&n=91&"), playground.fragment());
        assertTrue(playground.hasPointNear(2, -2, 2), "class 2 is drawn in class 2's colour");
        assertThat(playground.byTestId("draw-notice")).containsText("the 90 points of spiral");
        assertThat(playground.byTestId("noise")).isDisabled();
        assertThat(playground.byTestId("regenerate")).isDisabled();
        assertThat(playground.byTestId("regenerate")).hasAttribute("title", Pattern.compile("New weights"));
        playground.stepEpoch();
        playground.byTestId("undo").click();
        assertEquals(before, playground.fragment(), "undo brings the spiral back");
        assertThat(playground.byTestId("undo")).isDisabled();
        playground.clickOutput(-1, 3, false);
        assertTrue(playground.fragment().contains("data=custom"), playground.fragment());
        playground.byTestId("epoch").click(); // focus off the output: Ctrl+Z works anywhere but in text fields
        playground.keyboard().press("Control+z");
        assertEquals(before, playground.fragment(), "Ctrl+Z undoes too");
    }

    @Test
    void theKeyboardMovesACursorOnTheOutputAndEnterAddsAPoint() {
        playground.open(server.url("/#data=xor&n=100"));
        playground.byTestId("draw-mode").click();
        playground.byTestId("output").focus();
        playground.keyboard().press("Shift+ArrowRight");
        playground.keyboard().press("Shift+ArrowUp");
        assertThat(playground.byTestId("output-cursor")).isVisible();
        playground.keyboard().press("Enter");
        assertTrue(playground.fragment().contains("2,2,0"), "a point at the cursor (2, 2): " + playground.fragment());
        playground.keyboard().press("Delete");
        assertTrue(!playground.fragment().contains("2,2,0"), playground.fragment());
    }

    @Test
    void clickingTheOutputAddsYourOwnPointsAndTrainsOnThem() {
        playground.open(server.url("/#data=xor&n=100"));
        playground.byTestId("draw-mode").click();
        playground.byTestId("draw-class-1").click();
        playground.clickOutput(3, 3, false);
        assertTrue(playground.fragment().contains("data=custom&"), playground.fragment());
        assertTrue(playground.hasPointNear(3, 3, 1), playground.fragment());
        assertTrue(playground.fragment().contains("n=101&"), playground.fragment());
        playground.clickOutput(3, 3, true);
        assertTrue(!playground.hasPointNear(3, 3, 1), "shift-click removed it: " + playground.fragment());
        playground.byTestId("draw-class-0").click();
        playground.clickOutput(-4.5, 4.5, false);
        assertTrue(playground.hasPointNear(-4.5, 4.5, 0), playground.fragment());
        playground.play();
        playground.waitForEpochAbove(20);
        playground.pause();
    }

    @Test
    void stepsResetAndTheLoadTimeFingerprint() {
        playground.open(server.url("/"));
        String atLoad = playground.fingerprint();
        playground.stepBatch();
        assertThat(playground.byTestId("iteration")).hasText("1");
        assertThat(playground.byTestId("epoch")).hasText("0");
        playground.stepEpoch();
        assertThat(playground.byTestId("epoch")).hasText("1");
        assertThat(playground.byTestId("iteration")).hasText("25");
        playground.reset();
        assertThat(playground.byTestId("iteration")).hasText("0");
        assertThat(playground.fingerprintLocator()).hasText(atLoad);
    }

    @Test
    void changingTheLearningRateKeepsTrainingButTheDataResets() {
        playground.open(server.url("/"));
        playground.stepEpoch();
        playground.stepEpoch();
        assertThat(playground.byTestId("epoch")).hasText("2");
        playground.choose("lr", "0.1");
        assertTrue(playground.fragment().contains("lr=0.1&"), playground.fragment());
        assertThat(playground.byTestId("epoch")).hasText("2");
        playground.choose("noise", "10");
        assertThat(playground.byTestId("epoch")).hasText("0");
    }

    @Test
    void aDivergingRunPausesAndSuggestsALowerLearningRate() {
        playground.open(server.url("/#loss=mse&lr=10&layers=16:relu,16:relu&init=uniform"));
        playground.playButton().click();
        assertThat(playground.byTestId("status"))
                .containsText(
                        "diverged",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(30_000));
        assertThat(playground.byTestId("status")).containsText("lower learning rate");
        assertThat(playground.playButton()).hasAttribute("aria-pressed", "false");
        assertThat(playground.playButton()).isDisabled();
        assertThat(playground.playButton()).hasAttribute("title", java.util.regex.Pattern.compile("diverged"));
        playground.reset();
        assertThat(playground.playButton()).isEnabled();
    }

    @Test
    void backAfterTwoChangesRestoresTheEarlierSpec() {
        playground.open(server.url("/"));
        String first = playground.fragment();
        playground.byTestId("dataset-circle").click();
        String second = playground.fragment();
        playground.byTestId("dataset-xor").click();
        assertTrue(playground.fragment().contains("data=xor"));
        page.goBack();
        assertThat(playground.byTestId("dataset-circle")).hasAttribute("aria-pressed", "true");
        assertEquals(second, playground.fragment());
        page.goBack();
        assertThat(playground.byTestId("dataset-spiral")).hasAttribute("aria-pressed", "true");
        assertEquals(first, playground.fragment());
    }

    @Test
    void everyControlHasALabelAndIsReachableByKeyboard() {
        playground.open(server.url("/"));
        Object unlabelled = page.evaluate(
                "() => Array.from(document.querySelectorAll('main button, main input, main select, .runbar button, .runbar input, .runbar select'))"
                        + ".filter(e => { const name = (e.getAttribute('aria-label') || (e.labels && e.labels.length && e.labels[0].textContent) || e.textContent || e.title || '').trim();"
                        + " return name.length === 0 || e.tabIndex < 0; }).map(e => e.outerHTML.slice(0, 80))");
        assertEquals(List.of(), unlabelled, "controls without a name or out of the tab order");
        playground.byTestId("play").focus();
        page.keyboard().press("Enter");
        assertThat(playground.playButton()).hasAttribute("aria-pressed", "true");
        page.keyboard().press("Space");
        assertThat(playground.playButton()).hasAttribute("aria-pressed", "false");
    }
}
