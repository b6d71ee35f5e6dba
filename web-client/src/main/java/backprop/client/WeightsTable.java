package backprop.client;

import backprop.engine.spec.Spec;
import backprop.engine.train.Trainer;
import backprop.ui.playground.WeightsMarkup;
import org.teavm.jso.JSObject;

/**
 * The weights as focusable tables, one per layer, in a disclosure under the diagram: built when
 * it is opened (and again for another network shape), its numbers refreshed with each redraw of
 * the diagram while it is open; a focused weight is highlighted in the diagram, and Enter (or a
 * click) on it opens the {@link WeightEditor}.
 */
final class WeightsTable {
    private final JSObject disclosure;
    private final JSObject tables;
    private Spec builtFor;
    private Trainer last;

    WeightsTable(WeightEditor editor, NetworkDiagram diagram) {
        this.disclosure = Browser.byTestId("weights");
        this.tables = Browser.byTestId("weights-tables");
        Browser.on(disclosure, "toggle", () -> {
            if (last != null) {
                show(last);
            }
        });
        // A focused weight is its edge, highlighted in the diagram with its numbers in the readout.
        Browser.onAction(tables, "focusin", (action, arg, value) -> {
            String[] parts = arg.split(":");
            if (action.equals("weight") && parts.length == 3) {
                diagram.focusEdge(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        });
        Browser.onAction(tables, "focusout", (action, arg, value) -> diagram.leave());
        Browser.onAction(tables, "click", (action, arg, value) -> {
            String[] parts = arg.split(":");
            if (action.equals("weight") && parts.length == 3) {
                editor.open(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        });
    }

    /** The tables for this state, when the disclosure is open. */
    void show(Trainer trainer) {
        last = trainer;
        if (disclosure == null || !EditDom.open(disclosure)) {
            return;
        }
        Spec spec = trainer.spec();
        if (builtFor == null
                || !spec.layers().equals(builtFor.layers())
                || !spec.features().equals(builtFor.features())
                || spec.outputs() != builtFor.outputs()) {
            Browser.setHtml(tables, WeightsMarkup.tables(spec));
            builtFor = spec;
        }
        EditDom.setWeightTexts(tables, WeightsMarkup.values(trainer.network()));
    }
}
