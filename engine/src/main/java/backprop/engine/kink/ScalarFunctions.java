package backprop.engine.kink;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.Node;
import backprop.engine.graph.Op;
import backprop.engine.nn.Activations;
import backprop.engine.nn.ComposedActivation;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;

/** The functions the lens looks at: built-in activations, composed ones, graph expressions. */
public final class ScalarFunctions {
    private ScalarFunctions() {}

    /** A built-in element-wise activation (not maxout, PReLU's learned slope or a composed one). */
    public static ScalarFunction of(Activation kind) {
        if (kind == Activation.MAXOUT || kind == Activation.PRELU || kind == Activation.COMPOSED) {
            throw new IllegalArgumentException(kind.key() + " is not a fixed function of one variable");
        }
        return new ScalarFunction() {
            @Override
            public String name() {
                return kind.key();
            }

            @Override
            public double value(double x) {
                return Activations.value(kind, x);
            }

            @Override
            public double derivative(double x) {
                return Activations.derivative(kind, x);
            }
        };
    }

    /** A composed activation b(u1(x), u2(x)). */
    public static ScalarFunction of(Composition composition) {
        return new ScalarFunction() {
            @Override
            public String name() {
                return composition.name();
            }

            @Override
            public double value(double x) {
                return ComposedActivation.value(composition, x);
            }

            @Override
            public double derivative(double x) {
                return ComposedActivation.derivative(composition, x);
            }
        };
    }

    /**
     * The graph's output along variable {@code name}, every other variable held at its current
     * value; the derivative is what the graph's backward pass gives. The graph is not changed.
     */
    public static ScalarFunction along(ExpressionGraph graph, String name) {
        int variable = graph.variableNode(name);
        if (variable < 0) {
            throw new IllegalArgumentException(
                    "unknown variable \"" + name + "\"; the expression has " + graph.variables());
        }
        return new GraphSlice(graph, variable, name);
    }

    /**
     * f and df/dx through the graph's gates in order, on the side: forward keeps every node's value,
     * backward adds upstream × local to each input, the gates' own conventions included.
     */
    private static final class GraphSlice implements ScalarFunction {
        private final ExpressionGraph graph;
        private final int variable;
        private final String name;

        GraphSlice(ExpressionGraph graph, int variable, String name) {
            this.graph = graph;
            this.variable = variable;
            this.name = name;
        }

        @Override
        public String name() {
            return "f along " + name;
        }

        @Override
        public double value(double x) {
            double[] values = forward(x);
            return values[graph.output()];
        }

        @Override
        public double derivative(double x) {
            int count = graph.nodeCount();
            double[] values = forward(x);
            double[] gradients = new double[count];
            double[] local = new double[2];
            gradients[graph.output()] = 1;
            for (int id = count - 1; id >= 0; id--) {
                Node node = graph.node(id);
                if (!node.isGate()) {
                    continue;
                }
                double a = values[node.input(0)];
                double b = node.inputCount() > 1 ? values[node.input(1)] : 0;
                node.op().apply(a, b, node.constant(), local);
                for (int s = 0; s < node.inputCount(); s++) {
                    gradients[node.input(s)] += gradients[id] * local[s];
                }
            }
            return gradients[variable];
        }

        /** Every node's value with the variable at x (node ids are in forward order). */
        private double[] forward(double x) {
            int count = graph.nodeCount();
            double[] values = new double[count];
            double[] local = new double[2];
            for (int id = 0; id < count; id++) {
                Node node = graph.node(id);
                if (id == variable) {
                    values[id] = x;
                } else if (node.op() == Op.CONSTANT) {
                    values[id] = node.constant();
                } else if (!node.isGate()) {
                    values[id] = node.value();
                } else {
                    double a = values[node.input(0)];
                    double b = node.inputCount() > 1 ? values[node.input(1)] : 0;
                    values[id] = node.op().apply(a, b, node.constant(), local);
                }
            }
            return values;
        }
    }
}
