package backprop.engine.export;

import backprop.engine.nn.Activations;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Network;
import backprop.engine.spec.Activation;

/**
 * The network as a PyTorch {@code nn.Module}: {@code nn.Linear} layers with the engine's
 * parameters copied in (the engine's {@code [units][inputs]} weight rows are PyTorch's layout),
 * each followed by PyTorch's own module for the activation, and a small {@code Maxout} module
 * (ties to the first piece, as the engine). Where PyTorch's module differs from the engine it is
 * only at measure-zero points or far out: {@code nn.Hardswish}'s derivative at exactly -3 and
 * {@code nn.Softplus} returning x itself above 20.
 */
final class PytorchNetwork {
    private PytorchNetwork() {}

    static boolean usesMaxout(Network network) {
        for (int l = 0; l < network.layerCount(); l++) {
            if (network.layer(l).activation() == Activation.MAXOUT) {
                return true;
            }
        }
        return false;
    }

    /** {@code class Maxout}, at column 0. */
    static void writeMaxout(PythonCode code) {
        code.lines(
                "class Maxout(nn.Module):",
                "    \"\"\"Maxout with 2 pieces: unit j is max(z[2j], z[2j+1]); the gradient goes to the winner, ties to the first.\"\"\"",
                "",
                "    def forward(self, z):",
                "        return torch.where(z[:, 0::2] >= z[:, 1::2], z[:, 0::2], z[:, 1::2])");
    }

    /** {@code class Net} and {@code net = Net()} with the parameters of {@code params} loaded. */
    static void writeModule(PythonCode code, Network network, double[] params) {
        code.line("class Net(nn.Module):");
        code.indent();
        code.line("def __init__(self):");
        code.indent();
        code.line("super().__init__()");
        code.line("self.layers = nn.Sequential(");
        code.indent();
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            String linear = "nn.Linear(" + layer.inputs() + ", " + layer.preUnits() + ")";
            code.line(l + 1 < network.layerCount() ? linear + ", " + module(layer) + "," : linear + ",");
        }
        code.dedent();
        code.line(")");
        code.dedent();
        code.line("");
        code.line("def forward(self, x):");
        code.line("    return self.layers(x)");
        code.dedent();
        code.line("");
        code.line("");
        code.line("net = Net()");
        code.line("with torch.no_grad():  # the weights as they stand in the playground");
        code.indent();
        for (ParameterArray array : ParameterArray.of(network)) {
            // nn.Sequential holds each layer's Linear at 2l and its activation module (PReLU's slopes) at 2l + 1
            String target = array.kind() == ParameterArray.Kind.SLOPES
                    ? "net.layers[" + (2 * array.layer() + 1) + "].weight"
                    : "net.layers[" + 2 * array.layer() + "]."
                            + (array.kind() == ParameterArray.Kind.WEIGHTS ? "weight" : "bias");
            array.write(code, target + ".copy_(", params, ")", ParameterArray.Layout.BY_UNIT, "torch.tensor(");
        }
        code.dedent();
    }

    /** PyTorch's module for a hidden layer's activation. */
    private static String module(Layer layer) {
        switch (layer.activation()) {
            case LINEAR:
                return "nn.Identity()";
            case SIGMOID:
                return "nn.Sigmoid()";
            case TANH:
                return "nn.Tanh()";
            case RELU:
                return "nn.ReLU()";
            case LEAKYRELU:
                return "nn.LeakyReLU(" + PythonFloat.repr(Activations.LEAKY_SLOPE) + ")";
            case PRELU:
                return "nn.PReLU(" + layer.units() + ")";
            case ELU:
                return "nn.ELU()";
            case MAXOUT:
                return "Maxout()";
            case SWISH:
                return "nn.SiLU()";
            case HSWISH:
                return "nn.Hardswish()";
            case GELU:
                return "nn.GELU()";
            case SOFTPLUS:
                return "nn.Softplus()";
            default:
                throw new IllegalArgumentException(Exportability.composedProblem(layer.activationName()));
        }
    }
}
