package backprop.ui.graph;

import backprop.engine.graph.BackwardStep;
import backprop.engine.graph.Explanation;
import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphException;
import backprop.engine.graph.GraphQuery;
import backprop.engine.graph.GraphText;
import backprop.engine.graph.Node;
import backprop.engine.graph.Preset;
import backprop.engine.spec.SpecNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The explorer's state and the one place that changes it: the expression as typed, each
 * variable's value as typed (remembered by name, so a variable that disappears and comes back
 * keeps its value), the collapse switch, the graph built from them, and what the last step did.
 * Pure Java: the page shell ({@link GraphClient}) binds it to the DOM.
 *
 * <p>When the expression or a value is bad, the last good graph stays on screen, dimmed
 * ({@link #stale()}), with the message in {@link #error()}.
 */
public final class GraphSession {
    private String expression;
    private boolean collapse;
    private final List<String> names = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private ExpressionGraph graph;
    private String error;
    private final List<String> fieldErrors = new ArrayList<>();
    private List<String> explanation = new ArrayList<>();
    private int highlighted = -1;
    private final List<String> predictions = new ArrayList<>();

    public GraphSession(GraphQuery query) {
        Preset first = Preset.first();
        this.expression = query.expression() == null ? first.expression() : query.expression();
        this.collapse = query.collapse();
        try {
            for (String name : ExpressionGraph.build(expression, collapse).variables()) {
                remember(name, query.valueOrDefault(name, expression));
            }
        } catch (GraphException e) {
            // rebuild() reports it
        }
        rebuild();
        if (graph != null && !stale()) {
            explanation = List.of(loadedLine());
        }
    }

    private String loadedLine() {
        return "Forward pass done: f = " + GraphText.brief(graph.outputValue())
                + ". Step backward to apply the chain rule one gate at a time.";
    }

    // ---- state ----

    public String expression() {
        return expression;
    }

    public boolean collapse() {
        return collapse;
    }

    /** The graph on screen (the last good one), or null if there never was one. */
    public ExpressionGraph graph() {
        return graph;
    }

    /** True when the graph on screen does not match the input (an error is shown). */
    public boolean stale() {
        return error != null;
    }

    public String error() {
        return error;
    }

    /** The text typed for {@code name} (its default if never typed). */
    public String text(String name) {
        int i = names.indexOf(name);
        return i < 0 ? "1" : texts.get(i);
    }

    /** The message for {@code name}'s field, or null. */
    public String fieldError(String name) {
        int i = names.indexOf(name);
        return i < 0 ? null : fieldErrors.get(i);
    }

    public List<String> explanation() {
        return explanation;
    }

    /** The gate the last step worked on (drawn highlighted), or -1. */
    public int highlighted() {
        return highlighted;
    }

    /**
     * The inputs of the gate the next backward step works on, as the sentences name them
     * ({@code x}, {@code the + gate}): what the student may predict the gradient of. Empty when
     * no backward step can run.
     */
    public List<String> predictionTargets() {
        List<String> targets = new ArrayList<>();
        if (stale() || graph == null || !graph.forwardComplete() || graph.backwardComplete()) {
            return targets;
        }
        int gate = graph.nextBackwardGate();
        if (gate < 0) {
            return targets;
        }
        Node node = graph.node(gate);
        for (int s = 0; s < node.inputCount(); s++) {
            targets.add(Explanation.describe(graph.node(node.input(s))));
        }
        return targets;
    }

    /** The gate the next backward step works on, as the sentences name it, or null. */
    public String predictionGate() {
        if (predictionTargets().isEmpty()) {
            return null;
        }
        return Explanation.describe(graph.node(graph.nextBackwardGate()));
    }

    /** The prediction typed for input {@code slot} of the next backward gate ("" if none). */
    public String prediction(int slot) {
        return slot < predictions.size() ? predictions.get(slot) : "";
    }

    /** The preset whose expression is the current one, or null. */
    public Preset preset() {
        return Preset.matching(expression);
    }

    /** The address query for this state: the expression, its variables' values, collapse. */
    public String query() {
        List<String> shownNames = graph == null ? List.of() : graph.variables();
        List<String> shownTexts = new ArrayList<>();
        for (String name : shownNames) {
            shownTexts.add(text(name).trim());
        }
        return GraphQuery.print(expression, shownNames, shownTexts, collapse);
    }

    // ---- changes ----

    public void setExpression(String text) {
        expression = text;
        rebuild();
        explainLoad();
    }

    public void setValue(String name, String text) {
        remember(name, text);
        rebuild();
        explainLoad();
    }

    /** Remembers what the student predicts the next backward step sends to input {@code slot}. */
    public void setPrediction(int slot, String text) {
        if (slot < 0 || slot > 1) {
            return;
        }
        while (predictions.size() <= slot) {
            predictions.add("");
        }
        predictions.set(slot, text == null ? "" : text);
    }

    public void setCollapse(boolean on) {
        collapse = on;
        rebuild();
        explainLoad();
    }

    /** Loads a preset's expression and values; an unknown id changes nothing. */
    public void loadPreset(String id) {
        Preset preset = Preset.byId(id);
        if (preset == null) {
            return;
        }
        for (int i = 0; i < preset.names().size(); i++) {
            remember(preset.names().get(i), SpecNumbers.formatReal(preset.values()[i]));
        }
        setExpression(preset.expression());
    }

    public void stepForward() {
        if (stale() || graph.forwardComplete()) {
            return;
        }
        int gate = graph.stepForward();
        highlighted = gate;
        List<String> lines = new ArrayList<>();
        lines.add(Explanation.forward(graph, gate));
        if (graph.forwardComplete()) {
            lines.add("Forward pass done: f = " + GraphText.brief(graph.outputValue()) + ".");
        }
        explanation = lines;
    }

    public void stepBackward() {
        if (stale() || !graph.forwardComplete() || graph.backwardComplete()) {
            return;
        }
        BackwardStep step = graph.stepBackward();
        highlighted = step.gate();
        List<String> lines = new ArrayList<>(Explanation.backward(graph, step));
        lines.addAll(checkPredictions(step));
        if (graph.backwardComplete()) {
            lines.add("Backward pass done: every input's gradient is in the table.");
        }
        explanation = lines;
    }

    public void runAll() {
        if (stale()) {
            return;
        }
        graph.runAll();
        highlighted = -1;
        explanation = List.of("Forward and backward passes done: f = " + GraphText.brief(graph.outputValue())
                + "; every input's gradient is in the table.");
    }

    public void reset() {
        if (stale()) {
            return;
        }
        graph.reset();
        highlighted = -1;
        predictions.clear();
        explanation = List.of("Reset: the gates have no values and nothing has a gradient. "
                + "Step forward to evaluate the gates one at a time.");
    }

    /** What the step says about each prediction typed before it; the predictions are then cleared. */
    private List<String> checkPredictions(BackwardStep step) {
        List<String> lines = new ArrayList<>();
        Node gate = graph.node(step.gate());
        for (int s = 0; s < step.downstream().length && gate.isGate(); s++) {
            String typed = prediction(s).trim();
            if (typed.isEmpty()) {
                continue;
            }
            String target = Explanation.describe(graph.node(gate.input(s)));
            double actual = step.downstream()[s];
            double guess;
            try {
                guess = ExpressionGraph.parseValue("prediction", typed);
            } catch (GraphException e) {
                guess = Double.NaN;
            }
            if (guess != guess) {
                lines.add("Your prediction for " + target + " (\"" + typed + "\") is not a number.");
            } else if (PredictionCheck.matches(guess, actual)) {
                lines.add("Your prediction for " + target + ", " + typed + ", is right: " + Explanation.number(actual)
                        + ".");
            } else {
                lines.add("Your prediction for " + target + ", " + typed + ", is off: upstream \u00d7 local gives "
                        + Explanation.number(actual) + ".");
            }
        }
        predictions.clear();
        return lines;
    }

    private void explainLoad() {
        highlighted = -1;
        predictions.clear();
        explanation = stale() ? List.of() : List.of(loadedLine());
    }

    private void remember(String name, String text) {
        int i = names.indexOf(name);
        if (i < 0) {
            names.add(name);
            texts.add(text);
            fieldErrors.add(null);
        } else {
            texts.set(i, text);
        }
    }

    /** Builds the graph from the expression and sets every value; on a problem keeps the last good graph. */
    private void rebuild() {
        for (int i = 0; i < fieldErrors.size(); i++) {
            fieldErrors.set(i, null);
        }
        ExpressionGraph built;
        try {
            built = ExpressionGraph.build(expression, collapse);
        } catch (GraphException e) {
            error = e.getMessage();
            return;
        }
        String firstError = null;
        for (String name : built.variables()) {
            if (names.indexOf(name) < 0) {
                remember(name, GraphQuery.defaultValue(name, expression));
            }
            try {
                built.setValue(name, ExpressionGraph.parseValue(name, text(name)));
            } catch (GraphException e) {
                fieldErrors.set(names.indexOf(name), e.getMessage());
                if (firstError == null) {
                    firstError = e.getMessage();
                }
            }
        }
        if (firstError != null) {
            error = firstError;
            if (graph == null || !graph.variables().equals(built.variables())) {
                // a new shape of graph with a bad value: show its shape, stale
                graph = built;
            }
            return;
        }
        error = null;
        graph = built;
    }
}
