package backprop.client;

import backprop.engine.train.Trainer;
import backprop.ui.playground.NetworkReadout;
import backprop.ui.playground.PlaygroundSession;

/**
 * What the network diagram offers beyond drawing: a hovered or focused neuron's map on the output,
 * a click on an edge (or Enter in the weights table) to set its weight, the weights table itself,
 * and the skip link to the output. Listens to the {@link NetworkDiagram}; changes go through the
 * {@link PlaygroundSession}.
 */
final class DiagramTools implements NetworkDiagram.Listener {
    private final PlaygroundSession session;
    private final FramePainter painter;
    private final WeightEditor editor;
    private final WeightsTable table;

    DiagramTools(PlaygroundSession session, FramePainter painter, WeightEditor.Page page) {
        this.session = session;
        this.painter = painter;
        this.editor = new WeightEditor(session, page);
        this.table = new WeightsTable(editor, painter.diagram());
    }

    void bind() {
        painter.diagram().setListener(this);
        editor.bind();
        EditDom.onSkipLink("skip-to-output", "output");
    }

    /** Another spec or a restart: an open editor's edge may no longer exist. */
    void experimentChanged() {
        editor.close();
    }

    @Override
    public void neuronShown(int column, int index) {
        if (column < 0) {
            painter.showNeuron(-1, -1, null);
            return;
        }
        int columns = session.spec().layers().size() + 2;
        painter.showNeuron(column, index, NetworkReadout.neuronName(session.spec(), columns, column, index));
    }

    @Override
    public void edgeChosen(int column, int from, int to) {
        editor.open(column, from, to);
    }

    @Override
    public void redrawn(Trainer trainer) {
        table.show(trainer);
    }
}
