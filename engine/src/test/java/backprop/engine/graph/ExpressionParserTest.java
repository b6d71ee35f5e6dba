package backprop.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar: precedence, associativity, unary minus, numbers; errors with their columns. */
class ExpressionParserTest {
    private static double eval(String expression, double x) {
        ExpressionGraph graph = ExpressionGraph.build(expression, false);
        if (graph.variableNode("x") >= 0) {
            graph.setValue("x", x);
        }
        return graph.outputValue();
    }

    @ParameterizedTest(name = "{0} = {2} at x = {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "2+3*4; 0; 14",
                "(2+3)*4; 0; 20",
                "8-3-2; 0; 3",
                "8/4/2; 0; 1",
                "2^3^2; 0; 512",
                "(2^3)^2; 0; 64",
                "-x^2; 3; -9",
                "(-x)^2; 3; 9",
                "--x; 3; 3",
                "2*-x; 3; -6",
                "-2^2; 0; -4",
                "2^-1; 0; 0.5",
                "+x; 5; 5",
                "x*x+x; 2; 6",
                "x - -x; 2; 4",
                "1.5e2+x; 0; 150",
                ".5*x; 4; 2",
                "2.*x; 4; 8",
                "x/2*3; 4; 6",
                "x-2+3; 4; 5",
                " x  *\t2 ; 4; 8",
                "max(x, 2*x); -1; -1",
                "min(x,3)+abs(-x); -2; 0",
                "sqrt(x)^2; 9; 9",
                "2^x^2; 0; 1"
            })
    void precedenceAssociativityAndUnaryMinus(String expression, double x, double expected) {
        if (expression.trim().equals("2^x^2")) {
            // the power must be constant: 2^(x^2) is refused
            assertThrows(GraphException.class, () -> eval(expression, x));
            return;
        }
        assertEquals(expected, eval(expression, x), 1e-12, expression);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "(x+y)z; -12",
                "(x+y) z; -12",
                "2x; -4",
                "2 x; -4",
                "(x)(y); -10",
                "2(x+y); 6",
                "-2x; 4",
                "2x^2; 8",
                "2exp(0*x); 2",
                "1e1x; -20",
                "(x+y)z/2; -6",
                "x^2z; -16",
                "(x)(y)(z); 40",
                "3max(x,y); 15",
                "2x + 3y; 11"
            })
    void implicitMultiplicationAfterANumberOrAClosingParenthesis(String expression, double expected) {
        ExpressionGraph graph = ExpressionGraph.build(expression, false);
        for (String name : graph.variables()) {
            graph.setValue(name, name.equals("x") ? -2 : name.equals("y") ? 5 : -4);
        }
        graph.forwardAll();
        assertEquals(expected, graph.outputValue(), 1e-12, expression);
    }

    @Test
    void theLecturesOwnNotationGivesTheLecturesGraph() {
        ExpressionGraph implicit = ExpressionGraph.build("(x+y)z", false);
        ExpressionGraph explicit = ExpressionGraph.build("(x+y)*z", false);
        assertEquals(explicit.gateCount(), implicit.gateCount());
        for (int g = 0; g < explicit.gateCount(); g++) {
            assertEquals(
                    explicit.node(explicit.gate(g)).label(),
                    implicit.node(implicit.gate(g)).label());
        }
        // xy stays one name
        assertEquals(
                java.util.List.of("xy"), ExpressionGraph.build("2xy", false).variables());
    }

    @Test
    void aNegationIsOneTimesMinusOneGateAndConstantsFold() {
        ExpressionGraph graph = ExpressionGraph.build("-(x) + 2*3", false);
        assertEquals(2, graph.gateCount(), "*-1 and +6");
        assertEquals("*-1", graph.node(graph.gate(0)).label());
        assertEquals("+6", graph.node(graph.gate(1)).label());
        assertEquals(5, ExpressionGraph.build("5", false).outputValue());
        assertEquals(0, ExpressionGraph.build("5", false).gateCount());
    }

    @ParameterizedTest(name = "{0} -> column {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "(x+y; 5; expected ')' to close the '(' at column 1, found the end of the expression",
                "x+*y; 3; expected a number, a variable, a function or '(', found '*'",
                "foo(x); 1; unknown function \"foo\"",
                "(x+y)2; 6; expected an operator (+ - * / ^) or the end of the expression, found '2'",
                "x y; 3; expected an operator (+ - * / ^) or the end of the expression, found 'y'",
                "x(y); 1; unknown function \"x\"",
                "x $ y; 3; expected an operator (+ - * / ^) or the end of the expression, found '$'",
                "x + y); 6; expected the end of the expression (this ')' has no '(')",
                "exp + 1; 1; exp is a function: write exp(...)",
                "max(x); 1; max takes 2 arguments, found 1",
                "exp(x, y); 1; exp takes 1 argument, found 2",
                "exp(); 5; exp needs 1 argument, found ')'",
                "x^y; 2; the power must be a constant number",
                "expr*2; 1; \"expr\" is reserved",
                "1e7*x; 1; the number 1e7 is out of range",
                "x*1e; 5; expected the digits of the exponent of 1e",
                "x + .; 6; expected a digit after '.'",
                "log(0-1); 1; a constant part of the expression is not finite: log of a negative number: log(-1) is NaN",
                "max(x, y; 9; expected ',' or ')' to close max( at column 1"
            })
    void errorsNameTheColumnAndWhatWasExpected(String expression, int column, String detail) {
        GraphException e = assertThrows(GraphException.class, () -> ExpressionGraph.build(expression, false));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.detail().startsWith(detail), "got: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("column " + column + ": "), e.getMessage());
    }

    @Test
    void emptyAndOverLimitExpressionsAreRefusedWithTheLimit() {
        assertEquals(
                "the expression is empty; type one, e.g. (x+y)*z",
                assertThrows(GraphException.class, () -> ExpressionGraph.build("  ", false))
                        .getMessage());
        String tooLong = "x+".repeat(150) + "x";
        assertEquals(
                "the expression has 301 characters; allowed: at most 300",
                assertThrows(GraphException.class, () -> ExpressionGraph.build(tooLong, false))
                        .getMessage());
        String deep = "(".repeat(33) + "x" + ")".repeat(33);
        GraphException depth = assertThrows(GraphException.class, () -> ExpressionGraph.build(deep, false));
        assertTrue(depth.getMessage().contains("nested too deeply; allowed: at most 32 levels"), depth.getMessage());
        String fine = "(".repeat(32) + "x" + ")".repeat(32);
        assertEquals(1, ExpressionGraph.build(fine, false).outputValue());
        String manyGates = "x" + "+x".repeat(100);
        GraphException nodes = assertThrows(GraphException.class, () -> ExpressionGraph.build(manyGates, false));
        assertEquals(
                "the expression makes more than 100 nodes (inputs and gates); allowed: at most 100",
                nodes.getMessage());
        StringBuilder many = new StringBuilder("a0");
        for (int i = 1; i <= 16; i++) {
            many.append("+a").append(i);
        }
        GraphException variables =
                assertThrows(GraphException.class, () -> ExpressionGraph.build(many.toString(), false));
        assertTrue(
                variables.getMessage().contains("too many variables (\"a16\" would be number 17); allowed: at most 16"),
                variables.getMessage());
    }

    @Test
    void everyFunctionNameIsKnownAndListedInTheMessage() {
        String names = Op.functionNames();
        for (String f : new String[] {
            "exp",
            "log",
            "sqrt",
            "abs",
            "sin",
            "cos",
            "max",
            "min",
            "sigmoid",
            "tanh",
            "relu",
            "leakyrelu",
            "elu",
            "swish",
            "hswish",
            "gelu",
            "softplus"
        }) {
            assertTrue(names.contains(f), f);
            String call = f.equals("max") || f.equals("min") ? f + "(x,y)" : f + "(x)";
            ExpressionGraph graph = ExpressionGraph.build(call, false);
            assertEquals(1, graph.gateCount(), call);
        }
    }
}
