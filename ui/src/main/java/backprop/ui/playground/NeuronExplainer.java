package backprop.ui.playground;

import backprop.engine.graph.GraphQuery;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Activation;
import backprop.engine.train.Trainer;
import backprop.ui.text.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * "Explain this neuron": one hidden unit at one point as a scalar expression for the backprop
 * explorer, a = f(w0·x0 + w1·x1 + ... + b), with the unit's weights and bias as variables (so
 * their gradients show) and its inputs at that point as variables too when there are at most
 * two of them (the lecture's sigmoid neuron), else as constants.
 */
public final class NeuronExplainer {
    /** The explorer takes at most 16 variables: up to 15 weights plus the bias. */
    public static final int MAX_INPUTS = 15;

    private NeuronExplainer() {}

    /** The explorer's query string (without '?') for unit {@code unit} of hidden layer {@code layer}, or null. */
    public static String query(Trainer trainer, int layer, int unit, double x1, double x2) {
        Network network = trainer.network();
        if (layer < 0 || layer >= network.layerCount() - 1) {
            return null;
        }
        Layer l = network.layer(layer);
        String function = functionName(l.activation());
        if (function == null || l.inputs() > MAX_INPUTS) {
            return null;
        }
        double[] inputs = layer == 0 ? trainer.featuresAt(x1, x2) : trainer.valuesAt(x1, x2)[layer - 1];
        double[] params = network.parameters();
        boolean inputsAsVariables = l.inputs() <= 2;
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < l.inputs(); i++) {
            String w = "w" + i;
            names.add(w);
            values.add(number(params[l.weightOffset() + unit * l.inputs() + i]));
            sum.append(i == 0 ? "" : "+").append(w).append('*');
            if (inputsAsVariables) {
                String x = "x" + i;
                names.add(x);
                values.add(number(inputs[i]));
                sum.append(x);
            } else {
                sum.append('(').append(number(inputs[i])).append(')');
            }
        }
        names.add("b");
        values.add(number(params[l.biasOffset() + unit]));
        sum.append(sum.length() == 0 ? "" : "+").append('b');
        String expression = function.isEmpty() ? sum.toString() : function + "(" + sum + ")";
        return GraphQuery.print(expression, names, values, false);
    }

    private static String number(double v) {
        return Numbers.fixed(v, 6);
    }

    /** The explorer's function for an activation; "" for linear; null when it has none (prelu, maxout). */
    static String functionName(Activation activation) {
        return switch (activation) {
            case LINEAR -> "";
            case SIGMOID, TANH, RELU, LEAKYRELU, ELU, SWISH, HSWISH, GELU, SOFTPLUS -> activation.key();
            default -> null;
        };
    }
}
