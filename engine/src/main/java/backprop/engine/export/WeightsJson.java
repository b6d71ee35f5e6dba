package backprop.engine.export;

import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.SpecNumbers;
import backprop.engine.train.Trainer;

/**
 * A trainer's parameters as JSON, layer by layer, for use elsewhere:
 * {@code {"format":1,"spec":"...","epoch":0,"fingerprint":"...","layers":[{"activation":"tanh",
 * "inputs":2,"units":8,"weights":[[...],...],"biases":[...]},...]}}. {@code weights[j][i]} is
 * the weight from input i to unit j (maxout: row 2j + p is piece p of unit j); a PReLU layer adds
 * {@code "slopes"}; the output layer's activation is {@code "linear"} (the loss applies to its
 * scores). Numbers are the shortest plain decimals that read back to the same doubles.
 */
public final class WeightsJson {
    /** Version of this layout. */
    public static final int FORMAT_VERSION = 1;

    private WeightsJson() {}

    public static String write(Trainer trainer) {
        Network network = trainer.network();
        double[] params = network.parameters();
        StringBuilder json = new StringBuilder();
        json.append("{\"format\":").append(FORMAT_VERSION);
        json.append(",\"spec\":\"").append(ScriptHeader.specText(trainer)).append('"');
        json.append(",\"epoch\":").append(trainer.epoch());
        json.append(",\"fingerprint\":\"").append(trainer.fingerprint()).append('"');
        json.append(",\"layers\":[");
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            json.append(l == 0 ? "" : ",")
                    .append("{\"activation\":\"")
                    .append(layer.activationName())
                    .append('"');
            json.append(",\"inputs\":")
                    .append(layer.inputs())
                    .append(",\"units\":")
                    .append(layer.units());
            json.append(",\"weights\":[");
            for (int o = 0; o < layer.preUnits(); o++) {
                json.append(o == 0 ? "" : ",");
                numbers(json, params, layer.weightOffset() + o * layer.inputs(), layer.inputs());
            }
            json.append("],\"biases\":");
            numbers(json, params, layer.biasOffset(), layer.preUnits());
            if (layer.extraCount() > 0) {
                json.append(",\"slopes\":");
                numbers(json, params, layer.extraOffset(), layer.extraCount());
            }
            json.append('}');
        }
        return json.append("]}\n").toString();
    }

    /** A JSON array of {@code count} numbers; a non-finite one (a diverged run) as null. */
    private static void numbers(StringBuilder json, double[] values, int offset, int count) {
        json.append('[');
        for (int k = 0; k < count; k++) {
            double v = values[offset + k];
            json.append(k == 0 ? "" : ",").append(Double.isFinite(v) ? SpecNumbers.formatReal(v) : "null");
        }
        json.append(']');
    }
}
