package backprop.engine.export;

import backprop.engine.nn.Activations;
import backprop.engine.nn.BatchNorm;
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

    static boolean usesBatchNorm(Network network) {
        for (int l = 0; l < network.layerCount(); l++) {
            if (network.layer(l).batchNorm() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code class BatchNorm}, at column 0: batch normalization as the engine computes it ({@link
     * BatchNorm}), not {@code nn.BatchNorm1d}, which refuses a batch of one where the engine gives
     * x̂ = 0 and leaves the running statistics alone.
     */
    static void writeBatchNorm(PythonCode code) {
        code.lines(
                "class BatchNorm(nn.Module):",
                "    \"\"\"y = gamma x_hat + beta; the batch's mean and biased variance in training (running = 0.9 running",
                "    + 0.1 batch, the variance unbiased, after a batch of two or more rows), the running ones otherwise.\"\"\"",
                "",
                "    def __init__(self, width):",
                "        super().__init__()",
                "        self.gamma = nn.Parameter(torch.ones(width))",
                "        self.beta = nn.Parameter(torch.zeros(width))",
                "        self.register_buffer(\"running_mean\", torch.zeros(width))",
                "        self.register_buffer(\"running_var\", torch.ones(width))",
                "",
                "    def forward(self, a):",
                "        if self.training:",
                "            m = a.shape[0]",
                "            mu = a.sum(dim=0) / m",
                "            c = a - mu",
                "            var = (c * c).sum(dim=0) / m",
                "            if m > 1:",
                "                with torch.no_grad():",
                "                    self.running_mean.copy_(0.9 * self.running_mean + mu * 0.1)",
                "                    self.running_var.copy_(0.9 * self.running_var + (m / (m - 1) * var) * 0.1)",
                "        else:",
                "            mu, var = self.running_mean, self.running_var",
                "        return (a - mu) * (1 / torch.sqrt(var + " + PythonFloat.repr(BatchNorm.EPSILON)
                        + ")) * self.gamma + self.beta");
    }

    /** Where each layer's modules sit in {@code net.layers}: its Linear, its BatchNorm (or -1), its activation (or -1). */
    private record Places(int linear, int norm, int activation) {}

    private static Places[] places(Network network) {
        Places[] places = new Places[network.layerCount()];
        int at = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            boolean hidden = l + 1 < network.layerCount();
            int linear = at++;
            int norm = network.layer(l).batchNorm() != null ? at++ : -1;
            int activation = hidden ? at++ : -1;
            places[l] = new Places(linear, norm, activation);
        }
        return places;
    }

    /**
     * {@code class Net}, {@code net = Net()} with the parameters of {@code params} (and the running
     * statistics of {@code running}) loaded, {@code engine_params} (the tensors in the engine's
     * parameter order, for the optimizer's state) and {@code BN_LINEARS} (the Linear layers whose
     * bias gradient stays 0 in training, as in the engine).
     */
    static void writeModule(PythonCode code, Network network, double[] params, double[] running) {
        Places[] places = places(network);
        code.line("class Net(nn.Module):");
        code.indent();
        code.line("def __init__(self):");
        code.indent();
        code.line("super().__init__()");
        code.line("self.layers = nn.Sequential(");
        code.indent();
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            StringBuilder line = new StringBuilder("nn.Linear(" + layer.inputs() + ", " + layer.preUnits() + "),");
            if (layer.batchNorm() != null) {
                line.append(" BatchNorm(").append(layer.preUnits()).append("),");
            }
            if (l + 1 < network.layerCount()) {
                line.append(' ').append(module(layer)).append(',');
            }
            code.line(line.toString());
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
        StringBuilder engineOrder = new StringBuilder();
        code.line("with torch.no_grad():  # the weights as they stand in the playground");
        code.indent();
        for (ParameterArray array : ParameterArray.of(network)) {
            Places at = places[array.layer()];
            String target = switch (array.kind()) {
                case WEIGHTS -> "net.layers[" + at.linear() + "].weight";
                case BIASES -> "net.layers[" + at.linear() + "].bias";
                case SLOPES -> "net.layers[" + at.activation() + "].weight";
                case GAMMAS -> "net.layers[" + at.norm() + "].gamma";
                case BETAS -> "net.layers[" + at.norm() + "].beta";
            };
            array.write(code, target + ".copy_(", params, ")", ParameterArray.Layout.BY_UNIT, "torch.tensor(");
            engineOrder.append(engineOrder.length() == 0 ? "" : ", ").append(target);
        }
        StringBuilder normalized = new StringBuilder();
        for (int l = 0; l < network.layerCount(); l++) {
            BatchNorm norm = network.layer(l).batchNorm();
            if (norm != null) {
                String module = "net.layers[" + places[l].norm() + "]";
                code.list(
                        module + ".running_mean.copy_(torch.tensor(",
                        PythonCode.floats(running, norm.runningOffset(), norm.width()),
                        "))");
                code.list(
                        module + ".running_var.copy_(torch.tensor(",
                        PythonCode.floats(running, norm.runningOffset() + norm.width(), norm.width()),
                        "))");
                normalized.append(normalized.length() == 0 ? "" : ", ").append(places[l].linear());
            }
        }
        code.dedent();
        code.line("engine_params = [" + engineOrder + "]  # in the playground's parameter order");
        code.line(
                "BN_LINEARS = [" + normalized + "]  # in training the batch mean removes these biases: dL/db stays 0");
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
