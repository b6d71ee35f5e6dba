package backprop.client;

import backprop.engine.data.Features;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Spec;
import backprop.engine.train.Diagnostics;
import backprop.engine.train.Trainer;
import backprop.ui.playground.NetworkReadout;
import backprop.ui.playground.NeuronExplainer;
import backprop.ui.playground.WeightsMarkup;
import backprop.ui.text.Numbers;

/**
 * The diagram's readout line for a hovered or focused neuron or edge (a live region), with the
 * exact weight and gradient in its data attributes, and the link that explains a first-layer
 * neuron in the backprop explorer.
 */
final class DiagramReadout {
    private DiagramReadout() {}

    /** A neuron's numbers at the picked point (x1, x2): its value, bias, dL/db and dL/da. */
    static void neuron(
            Trainer trainer,
            Diagnostics diagnostics,
            int columns,
            int column,
            int index,
            double pickX1,
            double pickX2) {
        Spec spec = trainer.spec();
        StringBuilder text = new StringBuilder(NetworkReadout.neuronName(spec, columns, column, index));
        double[][] values = trainer.valuesAt(pickX1, pickX2);
        String at = " at (" + Numbers.fixed(pickX1, 2) + ", " + Numbers.fixed(pickX2, 2) + ")";
        String explain = column == 0 || column == columns - 1
                ? null
                : NeuronExplainer.query(trainer, column - 1, index, pickX1, pickX2);
        Browser.setLink("explain-neuron", explain == null ? null : "/graph?" + explain);
        if (column == 0) {
            text.append(": value ")
                    .append(Numbers.fixed(Features.value(spec.features().get(index), pickX1, pickX2), 4))
                    .append(at);
            Browser.setReadout(text.toString(), "", "");
            return;
        }
        Network network = trainer.network();
        Layer layer = network.layer(column - 1);
        double[] params = network.parameters();
        double[] gradient = diagnostics.gradient();
        double bias = params[NetworkReadout.biasIndex(layer, index)];
        double dLossDBias = gradient[NetworkReadout.biasIndex(layer, index)];
        text.append(": value ")
                .append(Numbers.fixed(values[column - 1][index], 4))
                .append(at)
                .append(" · bias ")
                .append(Numbers.fixed(bias, 4))
                .append(" · dL/db ")
                .append(Numbers.fixed(dLossDBias, 6));
        if (column < columns - 1) {
            double upstream = NetworkReadout.lossGradientOfActivation(network, gradient, column - 1, index);
            text.append(" · dL/da ").append(Numbers.fixed(upstream, 6));
        }
        Browser.setReadout(text.toString(), "", "");
    }

    /** An edge's weight and dL/dw, exact in the readout's data attributes. */
    static void edge(Trainer trainer, Diagnostics diagnostics, int column, int from, int to) {
        Network network = trainer.network();
        Layer layer = network.layer(column);
        double[] params = network.parameters();
        int k = NetworkReadout.weightIndex(layer, params, to, from);
        double w = params[k];
        double g = diagnostics.gradient()[k];
        Spec spec = trainer.spec();
        String name = "Weight " + WeightsMarkup.edgeName(spec, column, from, to);
        Browser.setLink("explain-neuron", null);
        Browser.setReadout(
                name + ": w " + Numbers.fixed(w, 6) + " · dL/dw " + Numbers.fixed(g, 6) + " · click to set it",
                Double.toString(w),
                Double.toString(g));
    }
}
