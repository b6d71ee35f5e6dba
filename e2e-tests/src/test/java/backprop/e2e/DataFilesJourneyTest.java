package backprop.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecNumbers;
import backprop.engine.train.Trainer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Data in and out of the playground: a CSV imported, trained, saved and opened in a fresh browser
 * with the same points and fingerprint; the experiment file downloaded and opened again (picker
 * and drop) exactly; the exports offered from the page; bad files refused with their line.
 */
class DataFilesJourneyTest extends BrowserJourney {
    /** 90 points in three arms, with a header and coordinates beyond the 2 decimals a link holds. */
    static String threeArms() {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 90; i++) {
            int arm = i % 3;
            double r = 0.5 + (i / 3) * 0.17;
            double angle = arm * 2.0943951023931953 + r * 0.7;
            csv.append(SpecNumbers.formatReal(r * Math.cos(angle)))
                    .append(',')
                    .append(SpecNumbers.formatReal(r * Math.sin(angle)))
                    .append(',')
                    .append(arm)
                    .append('\n');
        }
        return csv.toString();
    }

    private static final Path SHOTS = Path.of("target", "screenshots");

    /** Keeps a picture of one part of the page (target/screenshots/data-files-NAME.png), at its size and at 360 px wide. */
    private void shoot(Page at, String name, String testId) {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        at.getByTestId(testId)
                .screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("data-files-" + name + ".png")));
        Page narrow = openPage(new Browser.NewContextOptions().setViewportSize(360, 740));
        narrow.navigate(at.url());
        if (testId.equals("export-dialog")) {
            assertThat(narrow.getByTestId("runtime")).hasText(Pattern.compile("^(wasm|js)$")); // bound
            narrow.getByTestId("export").click();
        }
        narrow.getByTestId(testId)
                .screenshot(new Locator.ScreenshotOptions()
                        .setPath(SHOTS.resolve("data-files-" + name.replace("1280x800", "360") + ".png")));
    }

    private static String text(Download download) {
        try {
            return Files.readString(download.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Download download(Page page, String testId) {
        return page.waitForDownload(() -> page.getByTestId(testId).click());
    }

    /**
     * Imported points train in the Web Worker too: played on from epoch 6, the page trains on
     * another core, and its pause is the JVM's run on the same points at the same update.
     */
    private static void playsInTheWorkerExactly(PlaygroundPage playground, String fragment, String csv) {
        assertThat(playground.runtime()).hasAttribute("data-training", "worker");
        playground.play();
        playground
                .page()
                .waitForFunction("() => Number(document.querySelector('[data-testid=\"epoch\"]').textContent) >= 12");
        playground.pause();
        Dataset points = CsvImport.parse(csv).dataset();
        Trainer jvm = new Trainer(ImportedSpec.parse(fragment, points).spec(), points);
        int iteration = playground.iteration();
        while (jvm.iteration() < iteration) {
            jvm.stepBatch();
        }
        assertThat(playground.byTestId("epoch")).hasText(Integer.toString(jvm.epoch()));
        assertThat(playground.fingerprintLocator()).hasText(jvm.fingerprint());
    }

    @Test
    void importedPointsTrainSaveAndOpenElsewhereBitForBit() {
        PlaygroundPage playground = new PlaygroundPage(page).open(server.url("/#layers=6:tanh&lr=0.1&seed=3"));
        String before = playground.fragment();

        // A bad paste loads nothing and names the line and column.
        playground.byTestId("import-text").fill("x1,x2,label\n1,2,0\n3,oops,1\n");
        playground.byTestId("import-paste").click();
        assertThat(playground.byTestId("import-errors")).containsText("line 3, column 2");
        assertEquals(before, playground.fragment(), "nothing half-loaded");
        assertThat(playground.byTestId("import-status")).hasText("");

        // A file beyond the limit is refused by its size, unread.
        playground
                .byTestId("import-file")
                .setInputFiles(new FilePayload("huge.csv", "text/csv", new byte[5 * 1024 * 1024]));
        assertThat(playground.byTestId("import-errors"))
                .containsText("huge.csv: the file is 5242880 bytes; an import is at most 4194304 bytes");
        // A binary file: named, nothing loaded.
        playground
                .byTestId("import-file")
                .setInputFiles(new FilePayload("photo.csv", "text/csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
        assertThat(playground.byTestId("import-errors")).containsText("photo.csv: nothing was loaded");
        assertEquals(before, playground.fragment());

        String csv = threeArms();
        playground
                .byTestId("import-file")
                .setInputFiles(new FilePayload("arms.csv", "text/csv", csv.getBytes(StandardCharsets.US_ASCII)));
        assertThat(playground.byTestId("import-status")).containsText("Imported 90 points (3 classes)");
        assertThat(playground.byTestId("import-status")).containsText("a link needs a save");
        assertThat(playground.byTestId("import-errors")).isHidden();
        assertTrue(playground.fragment().contains("&data=imported&classes=3&"), playground.fragment());
        assertTrue(playground.fragment().contains("layers=6:tanh"), "the network stays");
        assertThat(playground.byTestId("noise")).isDisabled();
        assertThat(playground.byTestId("regenerate")).hasAttribute("title", Pattern.compile("not generated"));
        assertThat(playground.byTestId("dataset-gauss")).hasAttribute("aria-pressed", "false");
        shoot(page, "import-1280x800", "import-panel");
        page.evaluate("() => window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("data-files-page-1280x800.png")));
        for (int e = 1; e <= 5; e++) {
            playground.stepEpoch();
            assertThat(playground.byTestId("epoch")).hasText(Integer.toString(e));
        }
        String fingerprint = playground.fingerprint();
        String fragment = playground.fragment();

        playground.byTestId("share").click();
        assertThat(playground.byTestId("share-include-state")).isChecked();
        playground.byTestId("share-title").fill("Three arms from a file");
        playground.byTestId("share-save").click();
        assertThat(playground.byTestId("share-link"))
                .hasValue(Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/e/[0-9A-Za-z]{10}$"));
        String link = playground.byTestId("share-link").inputValue();
        playground.byTestId("share-close").click();
        playground.stepEpoch();
        assertThat(playground.byTestId("epoch")).hasText("6");
        String at6 = playground.fingerprint();
        playsInTheWorkerExactly(playground, fragment, csv);

        Page opened = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage reopened = new PlaygroundPage(opened);
        // In JavaScript, where the first page ran WebAssembly: the same numbers.
        opened.navigate(link + "?runtime=js");
        assertThat(reopened.runtime()).hasText("js");
        assertThat(reopened.byTestId("output")).hasAttribute("data-state-loaded", "true");
        assertThat(reopened.byTestId("epoch")).hasText("5");
        assertThat(reopened.fingerprintLocator()).hasText(fingerprint);
        assertEquals(fragment, reopened.fragment());
        assertThat(reopened.byTestId("spec-errors")).isHidden();
        reopened.byTestId("export").click();
        String points = text(download(opened, "export-csv"));
        assertEquals(DatasetCsv.write(CsvImport.parse(csv).dataset()), points, "the same points, bit for bit");
        reopened.byTestId("export-close").click();
        reopened.stepEpoch();
        assertThat(reopened.byTestId("epoch")).hasText("6");
        assertThat(reopened.fingerprintLocator()).hasText(at6);
        playsInTheWorkerExactly(reopened, fragment, csv);

        // The embed of the saved link shows the same run.
        Page embed = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        embed.navigate(link.replace("/e/", "/embed/"));
        assertThat(embed.getByTestId("output")).hasAttribute("data-state-loaded", "true");
        assertThat(embed.getByTestId("epoch")).hasText("5");
        assertThat(embed.getByTestId("fingerprint")).hasText(fingerprint);

        // The saved link with another learning rate in its address: the saved points, the address's keys, epoch 0.
        Page tuned = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage tunedPage = new PlaygroundPage(tuned);
        tuned.navigate(link + "#" + fragment.replace("lr=0.1", "lr=0.2"));
        assertThat(tunedPage.byTestId("output")).hasAttribute("data-state-loaded", "true");
        assertThat(tunedPage.byTestId("epoch")).hasText("0");
        assertEquals(fragment.replace("lr=0.1", "lr=0.2"), tunedPage.fragment());
        assertThat(tunedPage.byTestId("import-status")).containsText("Imported 90 points");

        // The address alone cannot hold the points: a fresh page says where they are.
        Page bare = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        new PlaygroundPage(bare).open(server.url("/#" + fragment));
        assertThat(bare.getByTestId("spec-errors")).containsText("not in the address");
    }

    @Test
    void anExperimentFileOpensAgainExactlyByPickerAndByDrop() {
        PlaygroundPage playground =
                new PlaygroundPage(page).open(server.url("/?epochs=7#data=xor&layers=4:relu&n=100&lr=0.05"));
        playground.waitUntilPausedAt(7);
        playground.stepBatch();
        // The state one batch past epoch 7, as the JVM trains it: waited for, since the page shows
        // the step in a frame after the click.
        Trainer jvm = new Trainer(SpecCodec.parseStrict(playground.fragment()));
        for (int e = 0; e < 7; e++) {
            jvm.stepEpoch();
        }
        jvm.stepBatch();
        String fingerprint = jvm.fingerprint();
        assertThat(playground.fingerprintLocator()).hasText(fingerprint);
        assertThat(playground.byTestId("iteration")).hasText(Integer.toString(jvm.iteration()));
        String iteration = playground.byTestId("iteration").textContent();
        String fragment = playground.fragment();

        playground.byTestId("export").click();
        shoot(page, "export-dialog-1280x800", "export-dialog");
        String script = text(download(page, "export-numpy"));
        assertTrue(script.startsWith("\"\"\"A Backprop Playground experiment as plain NumPy"), script);
        assertTrue(script.contains("EPOCHS = 100\n") && script.contains("import numpy as np"));
        assertTrue(script.contains("the trained state at epoch 7"), "the state the page shows");
        playground.byTestId("export-epochs").fill("0");
        playground.byTestId("export-pytorch").click();
        assertThat(playground.byTestId("export-error")).containsText("epochs: \"0\" is not allowed");
        String file = text(download(page, "file-download"));
        assertTrue(file.contains("\"format\": \"backprop-playground-experiment\""), file);
        assertTrue(file.contains("\"fingerprint\": \"" + fingerprint + "\""), file);

        Page fresh = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage other = new PlaygroundPage(fresh).open(server.url("/?runtime=js"));
        assertThat(other.runtime()).hasText("js");
        other.byTestId("export").click();
        other.byTestId("file-open")
                .setInputFiles(new FilePayload("damaged.backprop.json", "application/json", "{\"format\":".getBytes()));
        assertThat(other.byTestId("export-error"))
                .containsText("damaged.backprop.json: this is not an experiment file");
        other.byTestId("file-open")
                .setInputFiles(new FilePayload("package.json", "application/json", "{\"name\":\"x\"}".getBytes()));
        assertThat(other.byTestId("export-error")).containsText("not a Backprop Playground experiment file");
        other.byTestId("file-open")
                .setInputFiles(new FilePayload(
                        "xor.backprop.json", "application/json", file.getBytes(StandardCharsets.UTF_8)));
        assertThat(other.byTestId("export-dialog")).isHidden();
        assertThat(other.fingerprintLocator()).hasText(fingerprint);
        assertThat(other.byTestId("iteration")).hasText(iteration);
        assertEquals(fragment, other.fragment());

        // Dropped on the output of another fresh page: the same.
        Page dropped = openPage(new Browser.NewContextOptions().setViewportSize(1280, 800));
        PlaygroundPage third = new PlaygroundPage(dropped).open(server.url("/#data=circle"));
        JSHandle transfer = dropped.evaluateHandle(
                "text => { const t = new DataTransfer();"
                        + " t.items.add(new File([text], 'xor.backprop.json', {type: 'application/json'})); return t; }",
                file);
        dropped.getByTestId("output").dispatchEvent("drop", Map.of("dataTransfer", transfer));
        assertThat(third.fingerprintLocator()).hasText(fingerprint);
        assertEquals(fragment, third.fragment());
    }
}
