package backprop.client;

import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Spec;
import backprop.ui.playground.HandWeight;
import backprop.ui.playground.NetworkReadout;
import backprop.ui.playground.PlaygroundSession;
import backprop.ui.playground.WeightsMarkup;
import org.teavm.jso.JSObject;

/**
 * The small inline editor that sets one weight by hand (a click on an edge, or Enter on it in the
 * weights table): shows the edge's name and value, refuses a bad value with the allowed range
 * beside the field, and hands a good one to {@link PlaygroundSession#setWeight}. Escape or Cancel
 * closes it; the focus goes back where it came from.
 */
final class WeightEditor {
    /** What the editor needs from the page. */
    interface Page {
        /** Brings the views and the address bar in line with a change. */
        void follow(PlaygroundSession.Change change, boolean pushHistory);
    }

    private final PlaygroundSession session;
    private final Page page;
    /** The parameter being edited and the network it belongs to, or -1 when closed. */
    private int editing = -1;

    private Spec editingFor;
    private String editingName;
    private JSObject opener;

    WeightEditor(PlaygroundSession session, Page page) {
        this.session = session;
        this.page = page;
    }

    void bind() {
        EditDom.onSubmit("weight-editor", this::submit);
        EditDom.onEscape("weight-editor", this::close);
        Browser.onTestId("weight-cancel", "click", this::close);
    }

    /** Opens the editor on the weight of the edge from neuron {@code from} of column {@code column} to {@code to}. */
    void open(int column, int from, int to) {
        Network network = session.trainer().network();
        if (column < 0 || column >= network.layerCount()) {
            return;
        }
        Layer layer = network.layer(column);
        if (from >= layer.inputs() || to >= layer.units()) {
            return;
        }
        double[] params = network.parameters();
        opener = EditDom.focused();
        editing = NetworkReadout.weightIndex(layer, params, to, from);
        editingFor = session.spec();
        editingName = "Weight " + WeightsMarkup.edgeName(editingFor, column, from, to);
        Browser.setText("weight-name", editingName);
        Browser.setValue("weight-input", HandWeight.format(params[editing]));
        showError(session.handWeightsProblem());
        Browser.setText("weight-status", "");
        Browser.setHidden(Browser.byTestId("weight-editor"), false);
        Browser.focusAndSelect("weight-input");
    }

    private void submit() {
        if (editing < 0) {
            return;
        }
        Spec now = session.spec();
        if (!now.layers().equals(editingFor.layers())
                || !now.features().equals(editingFor.features())
                || now.outputs() != editingFor.outputs()) {
            showError("weight: the network changed since this edge was picked; pick it again in the diagram");
            return;
        }
        String text = Browser.value("weight-input");
        String problem = HandWeight.problemWithText(text);
        if (problem != null) {
            showError(problem);
            return;
        }
        double value = HandWeight.parse(text);
        PlaygroundSession.Change change;
        try {
            change = session.setWeight(editing, value);
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        page.follow(change, false);
        Browser.setText(
                "weight-status",
                editingName + " set to " + HandWeight.format(value) + " by hand; training goes on from epoch "
                        + session.trainer().epoch() + ".");
        close();
    }

    private void showError(String message) {
        JSObject input = Browser.byTestId("weight-input");
        Browser.setText("weight-error", message == null ? "" : message);
        Browser.setHidden(Browser.byTestId("weight-error"), message == null);
        Browser.setAttribute(input, "aria-invalid", message == null ? null : "true");
    }

    void close() {
        if (editing < 0) {
            return;
        }
        editing = -1;
        Browser.setHidden(Browser.byTestId("weight-editor"), true);
        EditDom.focus(opener);
        opener = null;
    }
}
