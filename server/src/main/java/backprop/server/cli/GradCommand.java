package backprop.server.cli;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code grad '<expression>' name=value ...}: builds the expression's graph on the JVM, runs the
 * forward and backward passes and prints {@code {"value":..,"gradient":{"name":..,...}}}, the
 * gradients in order of the variables' first appearance. Every variable needs a value; a value
 * for a name the expression lacks, a bad number, or a result that is ∞ or NaN is bad input.
 */
public final class GradCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String USAGE = "grad: usage: grad '<expression>' name=value ... (e.g. grad '(x+y)*z' x=-2 y=5 z=-4)";

    private GradCommand() {}

    public static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].isBlank()) {
            throw new UsageException(USAGE);
        }
        ExpressionGraph graph;
        try {
            graph = ExpressionGraph.build(args[0], false);
        } catch (GraphException e) {
            throw new UsageException("grad: " + e.getMessage() + " (in '" + args[0] + "')");
        }
        List<String> given = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(
                        "grad: \"" + arg + "\" is not name=value; " + USAGE.substring("grad: ".length()));
            }
            String name = arg.substring(0, eq);
            if (given.contains(name)) {
                throw new UsageException("grad: " + name + " is given twice");
            }
            try {
                double value = ExpressionGraph.parseValue(name, arg.substring(eq + 1));
                graph.setValue(name, value);
            } catch (GraphException e) {
                throw new UsageException("grad: " + e.getMessage());
            }
            given.add(name);
        }
        for (String name : graph.variables()) {
            if (!given.contains(name)) {
                throw new UsageException("grad: no value for the variable " + name + "; give " + name + "=<number>");
            }
        }
        graph.backwardAll();
        if (!graph.problems().isEmpty()) {
            throw new UsageException(
                    "grad: the result is not finite: " + graph.problems().get(0));
        }
        Map<String, Object> gradient = new LinkedHashMap<>();
        for (String name : graph.variables()) {
            double g = graph.gradient(name);
            if (!Double.isFinite(g)) {
                throw new UsageException("grad: the gradient with respect to " + name + " is not finite (" + g + ")");
            }
            gradient.put(name, g);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("value", graph.outputValue());
        result.put("gradient", gradient);
        try {
            out.println(JSON.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the gradients", e);
        }
        return 0;
    }
}
