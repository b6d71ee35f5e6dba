package backprop.engine.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * A scalar computational graph built from an expression, with a forward and a backward pass one
 * gate at a time, as the lecture steps through them.
 *
 * <p>Nodes are numbered in a deterministic topological order (inputs before the gates that use
 * them), found iteratively so deep graphs cannot overflow a browser's stack. The forward pass
 * evaluates gates in that order, each computing its value and its local gradients together; the
 * backward pass visits gates in the reverse order and applies the chain rule: each input receives
 * upstream × local, added to what it already holds (a variable used twice adds its gradients).
 *
 * <p>Lifecycle: {@link #build} leaves every value computed and no gradient; {@link #reset} clears
 * the gates' values and all gradients; {@link #stepForward}, {@link #stepBackward} and
 * {@link #runAll} advance; {@link #setValue} changes an input and redoes the forward pass.
 */
public final class ExpressionGraph {
    private final String expression;
    private final boolean collapsed;
    private final Node[] nodes;
    private final int[] gates;
    private final int[] variableNodes;
    private final int output;
    private final double[] scratchLocal = new double[2];
    private int forwardDone;
    private int backwardDone;
    private BackwardStep lastStep;

    private ExpressionGraph(String expression, boolean collapsed, Node[] nodes, int[] variableNodes, int output) {
        this.expression = expression;
        this.collapsed = collapsed;
        this.nodes = nodes;
        this.variableNodes = variableNodes;
        this.output = output;
        int gateCount = 0;
        for (Node node : nodes) {
            if (node.isGate()) {
                gateCount++;
            }
            for (int input : node.inputs) {
                nodes[input].consumers++;
            }
        }
        gates = new int[gateCount];
        int g = 0;
        for (Node node : nodes) {
            if (node.isGate()) {
                gates[g++] = node.id;
            }
        }
    }

    /**
     * Parses and builds {@code expression}; every variable starts at 1 and the forward pass is
     * done. With {@code collapseSigmoid}, 1/(1+exp(-z)) is one sigmoid gate.
     *
     * @throws GraphException for a parse error, an unknown function or a limit
     */
    public static ExpressionGraph build(String expression, boolean collapseSigmoid) {
        Expr expr = ExpressionParser.parse(expression);
        GraphBuilder builder = new GraphBuilder(collapseSigmoid);
        int root = builder.build(expr);
        int[] order = topologicalOrder(builder.inputs, root);
        int[] newId = new int[builder.ops.size()];
        for (int i = 0; i < newId.length; i++) {
            newId[i] = -1;
        }
        for (int i = 0; i < order.length; i++) {
            newId[order[i]] = i;
        }
        Node[] nodes = new Node[order.length];
        for (int i = 0; i < order.length; i++) {
            int old = order[i];
            int[] from = builder.inputs.get(old);
            int[] renamed = new int[from.length];
            for (int s = 0; s < from.length; s++) {
                renamed[s] = newId[from[s]];
            }
            nodes[i] = new Node(i, builder.ops.get(old), renamed, builder.constants.get(old), builder.names.get(old));
        }
        int[] variables = new int[builder.variableNodes.size()];
        for (int v = 0; v < variables.length; v++) {
            variables[v] = newId[builder.variableNodes.get(v)];
        }
        ExpressionGraph graph = new ExpressionGraph(expression, collapseSigmoid, nodes, variables, newId[root]);
        for (int v : variables) {
            nodes[v].value = 1;
            nodes[v].valueKnown = true;
        }
        for (Node node : nodes) {
            if (node.op == Op.CONSTANT) {
                node.value = node.constant;
                node.valueKnown = true;
            }
        }
        graph.forwardAll();
        return graph;
    }

    /**
     * Post-order of an iterative depth-first walk from the root, inputs visited in argument
     * order: every node after its inputs, and the same order every time.
     */
    static int[] topologicalOrder(List<int[]> inputs, int root) {
        int n = inputs.size();
        boolean[] visited = new boolean[n];
        int[] stack = new int[n];
        int[] nextInput = new int[n];
        int[] order = new int[n];
        int count = 0;
        int top = 0;
        stack[top++] = root;
        visited[root] = true;
        while (top > 0) {
            int node = stack[top - 1];
            int[] from = inputs.get(node);
            if (nextInput[node] < from.length) {
                int child = from[nextInput[node]++];
                if (!visited[child]) {
                    visited[child] = true;
                    stack[top++] = child;
                }
            } else {
                top--;
                order[count++] = node;
            }
        }
        if (count == n) {
            return order;
        }
        int[] reachable = new int[count];
        System.arraycopy(order, 0, reachable, 0, count);
        return reachable;
    }

    public String expression() {
        return expression;
    }

    /** True when 1/(1+exp(-z)) was collapsed into sigmoid gates. */
    public boolean collapsed() {
        return collapsed;
    }

    /** The variables' names, in order of first appearance in the expression. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        for (int v : variableNodes) {
            names.add(nodes[v].name);
        }
        return names;
    }

    public int nodeCount() {
        return nodes.length;
    }

    public Node node(int id) {
        return nodes[id];
    }

    public int gateCount() {
        return gates.length;
    }

    /** The id of the {@code index}-th gate in forward order. */
    public int gate(int index) {
        return gates[index];
    }

    public int output() {
        return output;
    }

    /** The input node of variable {@code name}, or -1. */
    public int variableNode(String name) {
        for (int v : variableNodes) {
            if (nodes[v].name.equals(name)) {
                return v;
            }
        }
        return -1;
    }

    /**
     * Sets a variable and redoes the forward pass (gradients are cleared).
     *
     * @throws GraphException naming the variable when it is unknown or the value is not finite or out of range
     */
    public void setValue(String name, double value) {
        int v = variableNode(name);
        if (v < 0) {
            throw new GraphException(
                    "unknown variable \"" + name + "\"; the expression's variables: " + String.join(", ", variables()));
        }
        checkValue(name, value);
        nodes[v].value = value;
        forwardAll();
    }

    /** Throws when {@code value} is not allowed for a variable. */
    public static void checkValue(String name, double value) {
        if (!(Math.abs(value) <= GraphLimits.MAX_ABS_VALUE)) {
            throw new GraphException(
                    name + ": " + GraphText.exact(value) + " is not allowed; allowed: " + GraphLimits.valueRange());
        }
    }

    /**
     * Reads a variable's value as typed (plain decimal, exponent allowed).
     *
     * @throws GraphException naming the variable when the text is not a number in range
     */
    public static double parseValue(String name, String text) {
        String trimmed = text == null ? "" : text.trim();
        String normal = trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
        if (normal.startsWith("-.")) {
            normal = "-0" + normal.substring(1);
        } else if (normal.startsWith(".")) {
            normal = "0" + normal;
        }
        if (normal.endsWith(".")) {
            normal = normal + "0";
        }
        double value = backprop.engine.spec.SpecNumbers.parseReal(normal);
        if (value != value) {
            throw new GraphException(
                    name + ": \"" + trimmed + "\" is not a number; allowed: " + GraphLimits.valueRange());
        }
        checkValue(name, value);
        return value;
    }

    public double value(String name) {
        int v = variableNode(name);
        if (v < 0) {
            throw new GraphException("unknown variable \"" + name + "\"");
        }
        return nodes[v].value;
    }

    // ---- forward ----

    /** Gates evaluated so far in the current forward pass. */
    public int forwardDone() {
        return forwardDone;
    }

    public boolean forwardComplete() {
        return forwardDone == gates.length;
    }

    /** Evaluates the next gate; returns its id, or -1 when the pass is complete. */
    public int stepForward() {
        if (forwardComplete()) {
            return -1;
        }
        Node gate = nodes[gates[forwardDone++]];
        evaluate(gate);
        return gate.id;
    }

    /** Completes the forward pass. */
    public void forwardAll() {
        clearBackward();
        for (int g : gates) {
            nodes[g].valueKnown = false;
            nodes[g].problem = null;
        }
        forwardDone = 0;
        while (!forwardComplete()) {
            stepForward();
        }
    }

    private void evaluate(Node gate) {
        Node a = nodes[gate.inputs[0]];
        Node b = gate.inputs.length > 1 ? nodes[gate.inputs[1]] : null;
        double bValue = b == null ? 0 : b.value;
        double[] local = gate.localGradients.length == 2 ? gate.localGradients : scratchLocal;
        gate.value = gate.op.apply(a.value, bValue, gate.constant, local);
        if (local == scratchLocal) {
            gate.localGradients[0] = scratchLocal[0];
        }
        gate.valueKnown = true;
        gate.problem = null;
        boolean inputsFinite = Double.isFinite(a.value) && Double.isFinite(bValue);
        if (inputsFinite) {
            gate.problem = gate.op.explainNonFinite(a.value, bValue, gate.constant, gate.value);
            if (gate.problem == null) {
                for (int s = 0; s < gate.localGradients.length; s++) {
                    if (!Double.isFinite(gate.localGradients[s])) {
                        gate.problem = "the local gradient of " + gate.label() + " at " + GraphText.exact(a.value)
                                + " is " + GraphText.exact(gate.localGradients[s]);
                    }
                }
            }
        }
    }

    /** Clears the gates' values and every gradient; the inputs keep their values. */
    public void reset() {
        clearBackward();
        for (int g : gates) {
            Node gate = nodes[g];
            gate.valueKnown = false;
            gate.problem = null;
        }
        forwardDone = 0;
    }

    // ---- backward ----

    /** Backward steps the pass has: one per gate (one, the seed, when there is no gate). */
    public int backwardTotal() {
        return Math.max(1, gates.length);
    }

    public int backwardDone() {
        return backwardDone;
    }

    public boolean backwardComplete() {
        return backwardDone == backwardTotal();
    }

    /** The most recent backward step, or null before the first and after a reset. */
    public BackwardStep lastStep() {
        return lastStep;
    }

    /** The gate the next backward step will process, or -1. */
    public int nextBackwardGate() {
        return backwardComplete() || gates.length == 0 ? -1 : gates[gates.length - 1 - backwardDone];
    }

    /**
     * Applies the chain rule at the next gate (seeding ∂output/∂output = 1 first); returns what it
     * did, or null when the pass is complete.
     *
     * @throws IllegalStateException when the forward pass is not complete
     */
    public BackwardStep stepBackward() {
        if (!forwardComplete()) {
            throw new IllegalStateException(
                    "the forward pass is not complete: " + forwardDone + " of " + gates.length + " gates");
        }
        if (backwardComplete()) {
            return null;
        }
        boolean seeded = false;
        if (backwardDone == 0) {
            Node out = nodes[output];
            out.gradient = 1;
            out.gradientKnown = true;
            seeded = true;
        }
        if (gates.length == 0) {
            backwardDone = 1;
            lastStep = new BackwardStep(
                    output, true, 1, new double[0], new double[0], new double[0], new double[0], new boolean[0]);
            return lastStep;
        }
        Node gate = nodes[gates[gates.length - 1 - backwardDone]];
        int n = gate.inputs.length;
        double[] before = new double[n];
        double[] after = new double[n];
        double[] local = new double[n];
        double[] downstream = new double[n];
        boolean[] accumulated = new boolean[n];
        for (int s = 0; s < n; s++) {
            Node input = nodes[gate.inputs[s]];
            before[s] = input.gradient;
            accumulated[s] = input.gradientKnown;
            local[s] = gate.localGradients[s];
            // chain rule: ∂out/∂input = ∂out/∂gate × ∂gate/∂input, summed over the input's uses
            downstream[s] = gate.gradient * gate.localGradients[s];
            gate.downstream[s] = downstream[s];
            input.gradient += downstream[s];
            input.gradientKnown = true;
            after[s] = input.gradient;
        }
        gate.backwardDone = true;
        backwardDone++;
        lastStep = new BackwardStep(gate.id, seeded, gate.gradient, local, downstream, before, after, accumulated);
        return lastStep;
    }

    /** Completes the backward pass. */
    public void backwardAll() {
        while (!backwardComplete()) {
            stepBackward();
        }
    }

    /** Completes the forward pass (if a reset left it incomplete) and then the backward pass. */
    public void runAll() {
        while (!forwardComplete()) {
            stepForward();
        }
        backwardAll();
    }

    private void clearBackward() {
        for (Node node : nodes) {
            node.gradient = 0;
            node.gradientKnown = false;
            node.backwardDone = false;
            for (int s = 0; s < node.downstream.length; s++) {
                node.downstream[s] = 0;
            }
        }
        backwardDone = 0;
        lastStep = null;
    }

    // ---- results ----

    /** The output's value (complete forward pass assumed). */
    public double outputValue() {
        return nodes[output].value;
    }

    /** ∂output/∂name (complete backward pass assumed). */
    public double gradient(String name) {
        int v = variableNode(name);
        if (v < 0) {
            throw new GraphException("unknown variable \"" + name + "\"");
        }
        return nodes[v].gradient;
    }

    /** Every node's problem (∞ or NaN with the reason), in forward order. */
    public List<String> problems() {
        List<String> list = new ArrayList<>();
        for (int g : gates) {
            if (nodes[g].valueKnown && nodes[g].problem != null) {
                list.add(nodes[g].problem);
            }
        }
        return list;
    }

    /**
     * The central difference (f(x+h) - f(x-h)) / 2h for variable {@code name}, with
     * h = 1e-5·max(1, |x|), computed on the side: the graph's state is not touched.
     */
    public double numericalGradient(String name) {
        int v = variableNode(name);
        if (v < 0) {
            throw new GraphException("unknown variable \"" + name + "\"");
        }
        double x = nodes[v].value;
        double h = 1e-5 * Math.max(1, Math.abs(x));
        double plus = evaluateWith(v, x + h);
        double minus = evaluateWith(v, x - h);
        return (plus - minus) / (2 * h);
    }

    /** |a - n| / max(|a|, |n|), and 0 when both are 0. */
    public static double relativeError(double analytic, double numerical) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numerical));
        return scale == 0 ? 0 : Math.abs(analytic - numerical) / scale;
    }

    /** The output with variable node {@code v} set to {@code x} and the others as they are. */
    double evaluateWith(int v, double x) {
        double[] values = new double[nodes.length];
        double[] local = new double[2];
        for (Node node : nodes) {
            if (node.id == v) {
                values[node.id] = x;
            } else if (!node.isGate()) {
                values[node.id] = node.op == Op.CONSTANT ? node.constant : node.value;
            } else {
                double a = values[node.inputs[0]];
                double b = node.inputs.length > 1 ? values[node.inputs[1]] : 0;
                values[node.id] = node.op.apply(a, b, node.constant, local);
            }
        }
        return values[output];
    }
}
