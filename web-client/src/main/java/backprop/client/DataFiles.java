package backprop.client;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.spec.DatasetKind;
import backprop.engine.train.Trainer;
import backprop.ui.files.ExperimentFile;
import backprop.ui.playground.PlaygroundSession;
import java.util.List;

/**
 * Data in and out of the playground, bound to its session: the CSV import ({@link ImportPanel}),
 * the exports and experiment files ({@link ExportDialog}), and a saved experiment's imported
 * points. Every load goes through the {@link PlaygroundSession}; the page follows its change.
 */
final class DataFiles implements ExportDialog.Source, ImportPanel.Target {
    private final PlaygroundSession session;
    private final DrawingTools.Page page;
    private final String experimentId;
    private final String title;
    private final ImportPanel importPanel = new ImportPanel(this);

    DataFiles(PlaygroundSession session, DrawingTools.Page page, String experimentId, String title) {
        this.session = session;
        this.page = page;
        this.experimentId = experimentId;
        this.title = title;
    }

    void bind() {
        importPanel.bind();
        new ExportDialog(this).bind();
    }

    /**
     * A saved experiment's imported points (the API's {@code dataset}) under its spec text, or
     * under the address's fragment when it names other keys on them (the fragment wins, as on any
     * saved page); the problems when they cannot be loaded.
     */
    List<String> openSaved(String specText, String datasetText, String fragment) {
        CsvImport.Result points = CsvImport.parse(datasetText);
        if (!points.ok()) {
            return List.of(
                    "The saved points are unreadable (" + points.problems().get(0) + ").");
        }
        PlaygroundSession.Change change = session.loadImported(specText, points.dataset());
        if (!change.problems().isEmpty()) {
            return change.problems();
        }
        List<String> problems = List.of();
        if (!fragment.isEmpty() && !fragment.equals(session.canonicalSpec())) {
            change = session.loadFragment(fragment);
            problems = change.problems();
        }
        page.follow(new PlaygroundSession.Change(true, true, true, List.of()), false);
        importPanel.show(List.of());
        return problems;
    }

    /** After the page followed a change: on imported points no dataset thumbnail is the data. */
    void followed() {
        boolean ownSplit = session.dataset() != null && session.dataset().hasSplit();
        if (!ownSplit) {
            Browser.setDisabled("split", false); // the controls never disable it themselves
            Browser.setAttribute(Browser.byTestId("split"), "title", null);
        }
        if (session.dataset() == null) {
            return;
        }
        for (DatasetKind kind : DatasetKind.values()) {
            Browser.setAttribute(Browser.byTestId("dataset-" + kind.key()), "aria-pressed", "false");
        }
        disable("n", "Imported points: the file says how many.");
        disable("noise", "Noise perturbs generated data; imported points stay as they are.");
        disable("regenerate", "Imported points are not generated: New weights draws new initial weights.");
        if (ownSplit) {
            disable("split", "The imported points say which are for training and which for testing.");
        }
    }

    /** As the controls disable what does nothing: the reason as the control's tooltip. */
    private static void disable(String testId, String reason) {
        Browser.setDisabled(testId, true);
        Browser.setAttribute(Browser.byTestId(testId), "title", reason);
    }

    @Override
    public void importPoints(Dataset points) {
        PlaygroundSession.Change change = session.importDataset(points);
        page.follow(change, true);
        page.showMessages(change.problems());
    }

    @Override
    public void dropPoints() {
        PlaygroundSession.Change change = session.dropDataset();
        page.follow(change, true);
        page.showMessages(change.problems());
    }

    @Override
    public Dataset imported() {
        return session.dataset();
    }

    @Override
    public Trainer trainer() {
        return session.trainer();
    }

    @Override
    public void pause() {
        page.pause();
    }

    @Override
    public String experimentId() {
        return experimentId;
    }

    @Override
    public String title() {
        String typed = Browser.value("share-title").trim();
        return !typed.isEmpty() ? typed : title.isEmpty() ? FileDom.text(Browser.byTestId("experiment-title")) : title;
    }

    @Override
    public double[] historyArray() {
        return session.history().toArray();
    }

    /** Opens a file's experiment in its saved state, as a saved page opens (Reset comes back to it). */
    @Override
    public List<String> open(ExperimentFile.Opened opened) {
        page.pause();
        PlaygroundSession.Change change;
        if (opened.dataset() != null) {
            change = session.loadImported(opened.specText(), opened.dataset());
        } else {
            session.dropDataset();
            change = session.loadText(opened.specText());
        }
        if (!change.problems().isEmpty()) {
            return change.problems();
        }
        if (opened.snapshot() != null) {
            session.resumeSaved(opened.snapshot());
        } else {
            session.restart();
        }
        page.follow(new PlaygroundSession.Change(true, true, true, List.of()), true);
        page.showMessages(List.of());
        importPanel.show(List.of());
        Browser.setValue("share-title", opened.title());
        return List.of();
    }
}
