package backprop.client;

import backprop.client.view.Json;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import java.util.Base64;

/**
 * The Share dialog: a title, an optional description, whether to include the trained state;
 * saves through {@code POST /api/experiments} and shows the short link with a copy button.
 */
final class ShareDialog {
    /** What the dialog needs from the page. */
    interface Source {
        Trainer trainer();

        /** True when lr or lambda changed mid-run: the spec alone no longer reproduces the run. */
        boolean tunedMidRun();

        /** The loss history to save with the trained state. */
        double[] historyArray();
    }

    private final Source source;
    private boolean saving;

    ShareDialog(Source source) {
        this.source = source;
    }

    void bind() {
        Browser.onTestId("share", "click", this::open);
        Browser.onTestId("share-close", "click", () -> Browser.closeModal("share-dialog"));
        Browser.onTestId("share-save", "click", this::save);
        Browser.onTestId("share-copy", "click", () -> {
            Browser.copyToClipboard(Browser.value("share-link"));
            Browser.focusAndSelect("share-link");
            Browser.setText("share-copy", "Copied");
        });
    }

    private void open() {
        Trainer trainer = source.trainer();
        Browser.setChecked("share-include-state", source.tunedMidRun() || trainer.iteration() > 0);
        Browser.setHidden(Browser.byTestId("share-error"), true);
        Browser.setHidden(Browser.byTestId("share-result"), true);
        Browser.setText("share-copy", "Copy link");
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
        StringBuilder body = new StringBuilder("{\"spec\":").append(Json.quote(SpecCodec.print(trainer.spec())))
                .append(",\"title\":").append(Json.quote(title))
                .append(",\"description\":").append(Json.quote(Browser.value("share-description").trim()));
        if (Browser.checked("share-include-state")) {
            body.append(",\"snapshot\":").append(Json.quote(Base64.getEncoder().encodeToString(
                    trainer.snapshot().withLossHistory(source.historyArray()).toBytes())));
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
            Browser.focusAndSelect("share-link");
        });
    }

    private void showError(String message) {
        Browser.setText("share-error", message);
        Browser.setHidden(Browser.byTestId("share-error"), false);
    }
}
