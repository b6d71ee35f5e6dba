package backprop.client;

import backprop.engine.data.Dataset;
import backprop.engine.data.DatasetCsv;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import backprop.ui.text.EmbedSnippet;
import backprop.ui.text.Json;
import backprop.ui.text.Links;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The Share dialog: a title, an optional description, whether to include the trained state;
 * saves through {@code POST /api/experiments} and shows the short link with a copy button.
 */
final class ShareDialog {
    /** What the dialog needs from the page. */
    interface Source {
        Trainer trainer();

        /**
         * Why the spec alone no longer replays the run (a hand-set weight, lr or lambda changed
         * mid-run), so the trained state must be saved with it; null when it does.
         */
        String replayProblem();

        /** The loss history to save with the trained state. */
        double[] historyArray();
    }

    private static final String[] PANELS = {"output", "network", "controls", "loss"};

    private final Source source;
    private boolean saving;
    /** The saved experiment's id and the site's links, once saved. */
    private String savedId;

    private Links savedLinks;

    ShareDialog(Source source) {
        this.source = source;
    }

    void bind() {
        Browser.onTestId("share", "click", this::open);
        Browser.onTestId("share-close", "click", () -> Browser.closeModal("share-dialog"));
        Browser.onTestId("share-save", "click", this::save);
        for (String id : new String[] {
            "share-show-output",
            "share-show-network",
            "share-show-controls",
            "share-show-loss",
            "share-autoplay",
            "share-epochs",
            "share-width",
            "share-height"
        }) {
            Browser.onTestId(id, "input", this::updateSnippet);
            Browser.onTestId(id, "change", this::updateSnippet);
        }
        Browser.onTestId("share-iframe-copy", "click", () -> {
            Browser.copyToClipboard(Browser.value("share-iframe"));
            Browser.focusAndSelect("share-iframe");
            Browser.setText("share-iframe-copy", "Copied");
        });
        Browser.onTestId("share-copy", "click", () -> {
            Browser.copyToClipboard(Browser.value("share-link"));
            Browser.focusAndSelect("share-link");
            Browser.setText("share-copy", "Copied");
        });
    }

    private void open() {
        Trainer trainer = source.trainer();
        String mustInclude = source.replayProblem();
        Browser.setChecked("share-include-state", mustInclude != null || trainer.iteration() > 0);
        Browser.setDisabled("share-include-state", mustInclude != null);
        Browser.setText("share-state-reason", mustInclude == null ? "" : mustInclude);
        Browser.setHidden(Browser.byTestId("share-state-reason"), mustInclude == null);
        Browser.setHidden(Browser.byTestId("share-error"), true);
        Browser.setHidden(Browser.byTestId("share-result"), true);
        Browser.setHidden(Browser.byTestId("share-embed"), true);
        Browser.setText("share-copy", "Copy link");
        Browser.setText("share-iframe-copy", "Copy HTML");
        Browser.showModal("share-dialog");
    }

    private void save() {
        if (saving) {
            return;
        }
        String title = Browser.value("share-title").trim();
        if (title.isEmpty()) {
            showError("title: a title is required (1 to 120 characters)");
            return;
        }
        Trainer trainer = source.trainer();
        Dataset points = trainer.imported();
        StringBuilder body = new StringBuilder("{\"spec\":")
                .append(Json.quote(
                        points == null ? SpecCodec.print(trainer.spec()) : ImportedSpec.print(trainer.spec())))
                .append(",\"title\":")
                .append(Json.quote(title))
                .append(",\"description\":")
                .append(Json.quote(Browser.value("share-description").trim()));
        if (Browser.checked("share-include-state") || source.replayProblem() != null) {
            body.append(",\"snapshot\":")
                    .append(Json.quote(Base64.getEncoder()
                            .encodeToString(trainer.snapshot()
                                    .withLossHistory(source.historyArray())
                                    .toBytes())));
        }
        if (points != null) {
            body.append(",\"dataset\":").append(Json.quote(DatasetCsv.write(points)));
        }
        body.append('}');
        saving = true;
        Browser.setDisabled("share-save", true);
        Browser.fetch("POST", "/api/experiments", body.toString(), (status, text) -> {
            saving = false;
            Browser.setDisabled("share-save", false);
            String url = status == 200 || status == 201 ? Browser.jsonString(text, "url") : null;
            if (url == null) {
                showError(status == 0 ? "Could not reach the server: " + text : Browser.jsonErrors(text));
                return;
            }
            Browser.setHidden(Browser.byTestId("share-error"), true);
            Browser.setValue("share-link", url);
            Browser.setHidden(Browser.byTestId("share-result"), false);
            savedId = Browser.jsonString(text, "id");
            savedLinks = Links.ofPage(url, savedId);
            updateSnippet();
            Browser.setHidden(Browser.byTestId("share-embed"), false);
            Browser.focusAndSelect("share-link");
        });
    }

    /** The iframe HTML for the saved experiment with the chosen panels, autoplay, epochs and size. */
    private void updateSnippet() {
        if (savedLinks == null) {
            return;
        }
        List<String> panels = new ArrayList<>();
        for (String panel : PANELS) {
            if (Browser.checked("share-show-" + panel)) {
                panels.add(panel);
            }
        }
        EditDom.clearNotes();
        int epochs = noted("share-epochs", "epochs", 0, 10_000_000, -1);
        String query = EmbedSnippet.query(panels, Browser.checked("share-autoplay"), epochs);
        int width = noted("share-width", "width", EmbedSnippet.MIN_WIDTH, 2000, EmbedSnippet.DEFAULT_WIDTH);
        int height = noted("share-height", "height", EmbedSnippet.MIN_HEIGHT, 2000, EmbedSnippet.DEFAULT_HEIGHT);
        Browser.setValue(
                "share-iframe",
                EmbedSnippet.iframe(
                        savedLinks.embed(savedId, query),
                        width,
                        height,
                        Browser.value("share-title").trim()));
    }

    /**
     * The field's number, kept within [min, max]; a value outside (or not a number) is noted beside
     * the field with the allowed range and what the HTML uses instead. An empty field is the fallback.
     */
    private static int noted(String testId, String name, int min, int max, int fallback) {
        String text = Browser.value(testId).trim();
        int used = bounded(text, min, max, fallback);
        boolean inRange;
        try {
            int typed = Integer.parseInt(text);
            inRange = typed >= min && typed <= max;
        } catch (NumberFormatException e) {
            inRange = false;
        }
        if (!text.isEmpty() && !inRange) {
            EditDom.showNote(
                    testId,
                    name + ": \"" + text + "\" is not allowed; allowed: an integer from " + min + " to " + max
                            + (used < 0 ? "; the HTML leaves it out (never stops)" : "; the HTML uses " + used));
        }
        return used;
    }

    private static int bounded(String text, int min, int max, int fallback) {
        try {
            int v = Integer.parseInt(text.trim());
            return v < min ? min : Math.min(v, max);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private void showError(String message) {
        Browser.setText("share-error", message);
        Browser.setHidden(Browser.byTestId("share-error"), false);
    }
}
