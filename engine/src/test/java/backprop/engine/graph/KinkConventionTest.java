package backprop.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.nn.Activations;
import backprop.engine.nn.ComposedActivation;
import backprop.engine.nn.UnaryFunctions;
import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import backprop.engine.spec.UnaryFn;
import org.junit.jupiter.api.Test;

/**
 * One kink convention in the graph explorer, the network engine and composed activations: the
 * left-hand derivative, whatever the spelling of the function.
 */
class KinkConventionTest {
    private static double gradientAt(String expression, double x) {
        ExpressionGraph graph = ExpressionGraph.build(expression, false);
        graph.setValue("x", x);
        graph.runAll();
        return graph.gradient("x");
    }

    @Test
    void reluAndMaxWithZeroInEitherOrderAgreeAtTheKink() {
        for (String expression : new String[] {"relu(x)", "max(0,x)", "max(x,0)", "max(x, 0*1)", "max(0-0, x)"}) {
            for (double x : new double[] {-1, -1e-300, 0, 1e-300, 2}) {
                assertEquals(
                        Activations.derivative(Activation.RELU, x), gradientAt(expression, x), expression + " at " + x);
            }
        }
    }

    @Test
    void maxAndMinWithAConstantTakeTheLeftHandSlopeAtTheTie() {
        assertEquals(0.0, gradientAt("max(x, 2)", 2));
        assertEquals(0.0, gradientAt("max(2, x)", 2));
        assertEquals(1.0, gradientAt("min(x, 2)", 2));
        assertEquals(1.0, gradientAt("min(2, x)", 2));
        assertEquals(1.0, gradientAt("max(x, 2)", 2.5));
        assertEquals(0.0, gradientAt("min(2, x)", 2.5));
    }

    @Test
    void absAtZeroIsTheLeftHandMinusOneEverywhere() {
        assertEquals(-1.0, gradientAt("abs(x)", 0));
        assertEquals(UnaryFunctions.derivative(UnaryFn.ABS, 0, 0), gradientAt("abs(x)", 0));
        Composition abs = Composition.parse("add_abs_beta_0").composition();
        assertEquals(gradientAt("abs(x)", 0), ComposedActivation.derivative(abs, 0));
    }

    @Test
    void everyBuiltInActivationGateMatchesTheEngineAtItsKinks() {
        for (Op op : Op.values()) {
            Activation kind = op.activation();
            if (kind == null) {
                continue;
            }
            for (double x : new double[] {-3, -1e-9, 0, 1e-9, 3}) {
                assertEquals(
                        Activations.derivative(kind, x), gradientAt(op.functionName() + "(x)", x), op + " at " + x);
            }
        }
    }

    @Test
    void composedMaxOfBetaAndXAgreesWithReluInEitherOrder() {
        Composition betaFirst = Composition.parse("max_beta_x_0").composition();
        Composition xFirst = Composition.parse("max_x_beta_0").composition();
        for (double x : new double[] {-1, 0, 1}) {
            assertEquals(gradientAt("relu(x)", x), ComposedActivation.derivative(betaFirst, x), "max_beta_x_0 at " + x);
            assertEquals(gradientAt("max(x,0)", x), ComposedActivation.derivative(xFirst, x), "max_x_beta_0 at " + x);
        }
    }
}
