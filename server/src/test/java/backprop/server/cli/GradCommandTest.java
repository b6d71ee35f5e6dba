package backprop.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code grad '<expression>' name=value ...} (DESIGN.md "Contracts"). */
class GradCommandTest {
    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = GradCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        return bytes.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void printsTheLecturesValueAndGradients() {
        assertEquals(
                "{\"value\":-12.0,\"gradient\":{\"x\":-4.0,\"y\":-4.0,\"z\":3.0}}",
                run("(x+y)*z", "x=-2", "y=5", "z=-4"));
        assertEquals(
                "{\"value\":-12.0,\"gradient\":{\"x\":-4.0,\"y\":-4.0,\"z\":3.0}}",
                run("(x+y)*z", "z=-4", "y=5", "x=-2"),
                "values in any order; gradients in the expression's order");
        assertEquals(
                "{\"value\":-12.0,\"gradient\":{\"x\":-4.0,\"y\":-4.0,\"z\":3.0}}",
                run("(x+y)z", "x=-2", "y=5", "z=-4"),
                "the lecture's own notation, implicit multiplication");
    }

    @Test
    void everySpellingOfReluHasTheEnginesLeftHandSlopeAtTheKink() {
        for (String expression : new String[] {"relu(x)", "max(0,x)", "max(x,0)"}) {
            assertEquals("{\"value\":0.0,\"gradient\":{\"x\":0.0}}", run(expression, "x=0"), expression);
        }
        assertEquals("{\"value\":0.0,\"gradient\":{\"x\":-1.0}}", run("abs(x)", "x=0"));
        assertEquals("{\"value\":2.0,\"gradient\":{\"x\":1.0}}", run("min(2,x)", "x=2"));
    }

    @Test
    void sigmoidNeuron() {
        String out = run("1/(1+exp(-(w0*x0+w1*x1+w2)))", "w0=2", "x0=-1", "w1=-3", "x1=-2", "w2=-3");
        // the lecture's 0.73 and -0.20, 0.39, -0.39, -0.59, 0.20, to every digit the 8 gates give
        assertEquals(
                "{\"value\":0.7310585786300049,\"gradient\":{\"w0\":-0.19661193324148188,\"x0\":0.39322386648296376,"
                        + "\"w1\":-0.39322386648296376,\"x1\":-0.5898357997244457,\"w2\":0.19661193324148188}}",
                out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "(x+y | x=1 | grad: column 5: expected ')' to close the '(' at column 1, found the end of the expression (in '(x+y')",
                "foo(x) | x=1 | grad: column 1: unknown function \"foo\"; functions: max, min, exp, log, sqrt, abs, sin, cos, sigmoid, tanh, relu, leakyrelu, elu, swish, hswish, gelu, softplus (in 'foo(x)')",
                "x*y | x=1 | grad: no value for the variable y; give y=<number>",
                "x*y | x=1 y=2 q=3 | grad: unknown variable \"q\"; the expression's variables: x, y",
                "x*y | x=1 x=2 y=1 | grad: x is given twice",
                "x*y | x=abc y=1 | grad: x: \"abc\" is not a number; allowed: a finite decimal number from -1000000 to 1000000",
                "x*y | x=1e400 y=1 | grad: x: ∞ is not allowed; allowed: a finite decimal number from -1000000 to 1000000",
                "x*y | x y=1 | grad: \"x\" is not name=value; usage: grad '<expression>' name=value ... (e.g. grad '(x+y)*z' x=-2 y=5 z=-4)",
                "log(x) | x=-1 | grad: the result is not finite: log of a negative number: log(-1) is NaN",
                "1/x | x=0 | grad: the result is not finite: division by zero: 1/x at x = 0 is ∞"
            })
    void badInputIsOneLineNamingWhatIsWrong(String expression, String values, String message) {
        String[] parts = values.split(" ");
        String[] args = new String[parts.length + 1];
        args[0] = expression;
        System.arraycopy(parts, 0, args, 1, parts.length);
        UsageException e = assertThrows(UsageException.class, () -> GradCommand.run(args, System.out));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void noExpressionIsAUsageError() {
        assertEquals(
                GradCommand.USAGE,
                assertThrows(UsageException.class, () -> GradCommand.run(new String[0], System.out))
                        .getMessage());
    }
}
