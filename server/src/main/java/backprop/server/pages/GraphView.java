package backprop.server.pages;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphException;
import backprop.engine.graph.GraphQuery;
import backprop.engine.graph.GraphText;
import backprop.engine.graph.Preset;
import backprop.ui.graph.GradientTable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server renders of the backprop explorer for a query: the expression, one input per
 * variable pre-filled (from the address, else the matching preset, else 1), the preset menu, and
 * the output value (to 4 significant digits; {@code exactValue} in full, for its title) or the first problem. The client then takes over the same elements.
 */
public record GraphView(
        boolean embed,
        String expression,
        boolean collapse,
        List<Field> fields,
        List<Option> presets,
        String value,
        String exactValue,
        int gateCount,
        String error) {

    /** A variable's input: its name, the text shown, and what is wrong with it (or null). */
    public record Field(String name, String text, String error) {}

    /** An entry of the preset menu. */
    public record Option(String id, String title, boolean selected) {}

    public static GraphView of(String rawQuery, boolean embed) {
        GraphQuery query = GraphQuery.parse(rawQuery);
        Preset first = Preset.first();
        String expression = query.expression() == null ? first.expression() : query.expression();
        Preset preset = Preset.matching(expression);
        List<Option> options = new ArrayList<>();
        for (Preset p : Preset.all()) {
            options.add(new Option(p.id(), p.title(), p == preset || (preset != null && p.id().equals(preset.id()))));
        }
        List<Field> fields = new ArrayList<>();
        ExpressionGraph graph;
        try {
            graph = ExpressionGraph.build(expression, query.collapse());
        } catch (GraphException e) {
            return new GraphView(
                    embed, expression, query.collapse(), fields, options, "\u2013", null, 0, e.getMessage());
        }
        String error = null;
        for (String name : graph.variables()) {
            String text = query.valueOrDefault(name, expression);
            String fieldError = null;
            try {
                graph.setValue(name, ExpressionGraph.parseValue(name, text));
            } catch (GraphException e) {
                fieldError = e.getMessage();
                if (error == null) {
                    error = fieldError;
                }
            }
            fields.add(new Field(name, text, fieldError));
        }
        String value = error == null ? GraphText.significant(graph.outputValue(), GradientTable.DIGITS) : "\u2013";
        String exact = error == null ? GraphText.exact(graph.outputValue()) : null;
        return new GraphView(
                embed, expression, query.collapse(), fields, options, value, exact, graph.gateCount(), error);
    }
}
