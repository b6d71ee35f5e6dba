package backprop.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every gate's local gradient against a central difference of its own forward value. */
class GateGradientTest {
    private static final double[] POINTS = {-2.3, -0.7, -0.1, 0.35, 1.3, 2.9};

    /** Inputs where the gate is smooth (away from kinks, poles and its domain's edge). */
    private static boolean smoothAt(Op op, double a, double b, double c) {
        switch (op) {
            case MAX:
            case MIN:
                return Math.abs(a - b) > 1e-3;
            case MAX_CONSTANT:
            case MIN_CONSTANT:
                return Math.abs(a - c) > 1e-3;
            case LOG:
            case SQRT:
                return a > 0.01;
            case POWER_CONSTANT:
                return a > 0.01;
            case DIVIDE:
                return Math.abs(b) > 0.01;
            case CONSTANT_DIVIDE:
                return Math.abs(a) > 0.01;
            case ABS:
            case RELU:
            case LEAKYRELU:
                return Math.abs(a) > 1e-3;
            case HSWISH:
                return Math.abs(a + 3) > 1e-3 && Math.abs(a - 3) > 1e-3;
            default:
                return true;
        }
    }

    @Test
    void everyLocalGradientMatchesCentralDifferences() {
        Set<Op> checked = EnumSet.noneOf(Op.class);
        List<String> failures = new ArrayList<>();
        double[] constants = {-1.5, 0.5, 2, 3};
        for (Op op : Op.values()) {
            if (!op.isGate()) {
                continue;
            }
            for (double a : POINTS) {
                for (double b : op.arity() == 2 ? POINTS : new double[] {0}) {
                    for (double c : constants) {
                        if (!smoothAt(op, a, b, c)) {
                            continue;
                        }
                        double[] local = new double[2];
                        double value = op.apply(a, b, c, local);
                        if (!Double.isFinite(value)) {
                            continue;
                        }
                        for (int slot = 0; slot < op.arity(); slot++) {
                            double at = slot == 0 ? a : b;
                            double h = 1e-6 * Math.max(1, Math.abs(at));
                            double[] ignored = new double[2];
                            double plus = slot == 0 ? op.apply(a + h, b, c, ignored) : op.apply(a, b + h, c, ignored);
                            double minus = slot == 0 ? op.apply(a - h, b, c, ignored) : op.apply(a, b - h, c, ignored);
                            double numerical = (plus - minus) / (2 * h);
                            double error = ExpressionGraph.relativeError(local[slot], numerical);
                            if (error > 1e-6 && Math.abs(local[slot] - numerical) > 1e-8) {
                                failures.add(op + " slot " + slot + " at a=" + a + " b=" + b + " c=" + c + ": analytic "
                                        + local[slot] + ", numerical " + numerical);
                            }
                        }
                        checked.add(op);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        for (Op op : Op.values()) {
            assertTrue(!op.isGate() || checked.contains(op), "not checked: " + op);
        }
    }

    @Test
    void activationGatesUseTheEnginesActivationMaths() {
        for (Op op : Op.values()) {
            if (op.activation() == null) {
                continue;
            }
            for (double a : POINTS) {
                double[] local = new double[2];
                double value = op.apply(a, 0, 0, local);
                assertEquals(backprop.engine.nn.Activations.value(op.activation(), a), value, 0.0, op.toString());
                assertEquals(
                        backprop.engine.nn.Activations.derivative(op.activation(), a), local[0], 0.0, op.toString());
            }
        }
    }

    @Test
    void wholeGraphsAgreeWithCentralDifferences() {
        String[] expressions = {
            "sin(x)*cos(y) + x^3/y",
            "log(x*x+1) - sqrt(abs(y)+2)",
            "max(x, y)*min(x, 2*y) + exp(-x*y)",
            "tanh(x*y) + gelu(x) - swish(y) + softplus(x-y) + elu(y) + hswish(x) + leakyrelu(y) + relu(x)",
            "x*x*x - 3*x*y + y/(1+x^2)",
            "sigmoid(x)*(1-sigmoid(y))",
            "1/(1+exp(-(x*y+x)))",
            "2-x + 3/(x+4) - y/2"
        };
        double[][] points = {{0.7, -1.3}, {-0.4, 0.9}, {1.9, 0.6}};
        for (boolean collapse : new boolean[] {false, true}) {
            for (String expression : expressions) {
                for (double[] p : points) {
                    ExpressionGraph graph = ExpressionGraph.build(expression, collapse);
                    graph.setValue("x", p[0]);
                    graph.setValue("y", p[1]);
                    graph.backwardAll();
                    for (String name : graph.variables()) {
                        double analytic = graph.gradient(name);
                        double numerical = graph.numericalGradient(name);
                        assertTrue(
                                ExpressionGraph.relativeError(analytic, numerical) < 1e-6
                                        || Math.abs(analytic - numerical) < 1e-8,
                                expression + " d/d" + name + " at " + p[0] + "," + p[1] + ": " + analytic + " vs "
                                        + numerical);
                    }
                }
            }
        }
    }
}
