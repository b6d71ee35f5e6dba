package backprop.engine.graph;

/**
 * One node of the graph, micrograd-style: the op that made it, its inputs, and side by side its
 * forward value, its local gradients (∂value/∂input, one per input) and the gradient of the
 * output with respect to its value, accumulated over its consumers. Read-only outside the package;
 * {@link ExpressionGraph} runs the passes.
 */
public final class Node {
    final int id;
    final Op op;
    final int[] inputs;
    final double constant;
    final String name;
    /** Forward value; meaningful when {@link #valueKnown}. */
    double value;

    boolean valueKnown;
    /** ∂value/∂inputs[i], computed with the value. */
    final double[] localGradients;
    /** ∂output/∂value, summed over every edge out of this node (a copy adds its gradients). */
    double gradient;
    /** True once some gradient has reached this node (or it is the seeded output). */
    boolean gradientKnown;
    /** What this gate sent back to inputs[i]: gradient × localGradients[i]; set by its backward step. */
    final double[] downstream;

    boolean backwardDone;
    /** Edges out of this node: 2 or more make it a copy (fan-out) whose gradients add. */
    int consumers;
    /** Why the value or local gradient is not finite, or null. */
    String problem;

    Node(int id, Op op, int[] inputs, double constant, String name) {
        this.id = id;
        this.op = op;
        this.inputs = inputs;
        this.constant = constant;
        this.name = name;
        this.localGradients = new double[inputs.length];
        this.downstream = new double[inputs.length];
    }

    public int id() {
        return id;
    }

    public Op op() {
        return op;
    }

    public boolean isGate() {
        return op.isGate();
    }

    /** Number of inputs (0 for variables and constants). */
    public int inputCount() {
        return inputs.length;
    }

    /** The node feeding input slot {@code slot}. */
    public int input(int slot) {
        return inputs[slot];
    }

    /** The gate's constant operand (the 1 of {@code +1}), or the constant's value. */
    public double constant() {
        return constant;
    }

    /** The variable's name, or null. */
    public String name() {
        return name;
    }

    /** What the picture writes on this node: the variable's name or the gate's label. */
    public String label() {
        return op == Op.INPUT ? name : op.label(constant);
    }

    public boolean valueKnown() {
        return valueKnown;
    }

    public double value() {
        return value;
    }

    public double localGradient(int slot) {
        return localGradients[slot];
    }

    public boolean gradientKnown() {
        return gradientKnown;
    }

    public double gradient() {
        return gradient;
    }

    /** True once this gate's backward step has run. */
    public boolean backwardDone() {
        return backwardDone;
    }

    /** The gradient this gate sent to input {@code slot} (valid once {@link #backwardDone()}). */
    public double downstream(int slot) {
        return downstream[slot];
    }

    public int consumers() {
        return consumers;
    }

    /** True when the node feeds two or more edges: a copy gate, whose gradients add. */
    public boolean isCopy() {
        return consumers >= 2;
    }

    /** The pattern of backward flow this node shows, in the lecture's words, or null. */
    public String pattern() {
        return op.pattern();
    }

    /** Why the value or local gradient is ∞ or NaN, or null. */
    public String problem() {
        return problem;
    }
}
