package backprop.engine.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * What a step did, in words and numbers, as the lecture says it: at the + gate of (x+y)z,
 * upstream -4 × local 1 = downstream -4.
 *
 * <p>Numbers have {@link #DIGITS} significant digits, and each result is computed from the
 * operands as shown, so the arithmetic on the page adds up ({@code 0.1966 × -2 = -0.3932}, never
 * {@code 0.20 × -2 = -0.39}); the tables keep the full values.
 */
public final class Explanation {
    /** Significant digits of the numbers in step texts. */
    public static final int DIGITS = 4;

    private Explanation() {}

    /** How a node is named in sentences: the variable's name, or "the exp gate". */
    public static String describe(Node node) {
        if (node.op() == Op.INPUT) {
            return node.name();
        }
        if (node.op() == Op.CONSTANT) {
            return "the constant " + node.label();
        }
        return "the " + node.label() + " gate";
    }

    /**
     * The backward step's lines: the gate with its pattern and local gradient (after the seed
     * ∂f/∂f = 1 on the first step), then one line per input, {@code to x: -4 × 1 = -4}, saying when the
     * gradient adds to one already there.
     */
    public static List<String> backward(ExpressionGraph graph, BackwardStep step) {
        List<String> lines = new ArrayList<>();
        String seed = step.seeded() ? "Start at the output with \u2202f/\u2202f = 1. " : "";
        Node gate = graph.node(step.gate());
        if (!gate.isGate()) {
            lines.add(seed + "There is no gate: that is the whole backward pass.");
            return lines;
        }
        String pattern = gate.pattern() == null ? "" : " (" + gate.pattern() + ")";
        lines.add(seed + "Backward at " + describe(gate) + pattern
                + ": upstream \u00d7 local = downstream; local gradient "
                + gate.op().localGradientFormula(gate.constant()) + ".");
        for (int s = 0; s < step.local().length; s++) {
            Node input = graph.node(gate.input(s));
            StringBuilder line = new StringBuilder();
            double upstream = GraphText.shown(step.upstream(), DIGITS);
            double local = GraphText.shown(step.local()[s], DIGITS);
            double downstream = GraphText.shown(upstream * local, DIGITS);
            line.append("to ")
                    .append(describe(input))
                    .append(": ")
                    .append(number(upstream))
                    .append(" \u00d7 ")
                    .append(number(local))
                    .append(" = ")
                    .append(number(downstream));
            if (step.accumulated()[s]) {
                double before = GraphText.shown(step.before()[s], DIGITS);
                line.append(", added to the ")
                        .append(number(before))
                        .append(" already there: ")
                        .append(number(before + downstream))
                        .append(" (copy gate: gradient adder)");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The forward step's line: {@code Forward at the + gate: -2, 5 → 3}. */
    public static String forward(ExpressionGraph graph, int gateId) {
        Node gate = graph.node(gateId);
        StringBuilder line =
                new StringBuilder("Forward at ").append(describe(gate)).append(": ");
        for (int s = 0; s < gate.inputCount(); s++) {
            if (s > 0) {
                line.append(", ");
            }
            line.append(number(graph.node(gate.input(s)).value()));
        }
        line.append(" \u2192 ").append(number(gate.value()));
        if (gate.problem() != null) {
            line.append(" (").append(gate.problem()).append(")");
        }
        return line.toString();
    }

    /** A number as the step texts show it: {@link #DIGITS} significant digits. */
    public static String number(double x) {
        return GraphText.significant(x, DIGITS);
    }
}
