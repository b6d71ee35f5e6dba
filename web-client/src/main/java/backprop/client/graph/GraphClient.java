package backprop.client.graph;

import backprop.engine.graph.ExpressionGraph;
import backprop.engine.graph.GraphQuery;
import backprop.engine.graph.GraphText;
import backprop.engine.graph.Preset;
import backprop.engine.graph.VectorizedExample;
import backprop.ui.graph.GradientTable;
import backprop.ui.graph.GraphMarkup;
import backprop.ui.graph.GraphSession;
import backprop.ui.graph.KinkNotes;
import backprop.ui.graph.PredictionMarkup;
import backprop.ui.graph.SvmReadout;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The backprop explorer's page shell: binds the server-rendered controls of {@code /graph} to one
 * {@link GraphSession} and redraws after every change. Compiled to WebAssembly GC and to
 * JavaScript; {@code static/js/graph-boot.js} picks one and calls {@link #start(String)}.
 */
public final class GraphClient {
    private final String runtime;
    private final boolean runtimeInAddress;
    private final GraphSession session;
    private List<String> shownVariables = new ArrayList<>();
    private String shownPrediction = "";

    private GraphClient(String runtime) {
        this.runtime = runtime;
        this.runtimeInAddress = GraphDom.queryParam("runtime") != null;
        this.session = new GraphSession(GraphQuery.parse(GraphDom.search()));
    }

    public static void main(String[] args) {
        // Started from graph-boot.js through start(runtime).
    }

    /** Entry point called by graph-boot.js with "wasm" or "js". */
    @JSExport
    public static void start(String runtime) {
        GraphClient page = new GraphClient(runtime);
        page.bind();
        page.render(true);
    }

    /** Entry point called by loop-boot.js: the numpy-loop stepper of /graph/loop, from the same build. */
    @JSExport
    public static void startLoop(String runtime) {
        LoopClient page = new LoopClient();
        page.bind(runtime);
        page.render();
    }

    private static JSObject el(String testId) {
        return GraphDom.byTestId(testId);
    }

    private void bind() {
        GraphDom.setText(el("runtime"), runtime);
        JSObject expression = el("graph-expr");
        GraphDom.on(expression, "input", () -> {
            session.setExpression(GraphDom.value(expression));
            render(false);
        });
        GraphDom.onNamedInput(el("graph-vars"), (name, value) -> {
            session.setValue(name, value);
            render(false);
        });
        GraphDom.onNamedInput(
                el("graph-predict"), (slot, value) -> session.setPrediction(slot.equals("1") ? 1 : 0, value));
        JSObject collapse = el("graph-collapse");
        GraphDom.on(collapse, "change", () -> {
            session.setCollapse(GraphDom.checked(collapse));
            render(false);
        });
        JSObject preset = el("graph-preset");
        GraphDom.on(preset, "change", () -> {
            String id = GraphDom.value(preset);
            if (!id.isEmpty()) {
                session.loadPreset(id);
                render(true);
            }
        });
        GraphDom.on(el("graph-step-forward"), "click", () -> {
            session.stepForward();
            render(false);
        });
        GraphDom.on(el("graph-step-backward"), "click", () -> {
            session.stepBackward();
            render(false);
        });
        GraphDom.on(el("graph-run-all"), "click", () -> {
            session.runAll();
            render(false);
        });
        GraphDom.on(el("graph-reset"), "click", () -> {
            session.reset();
            render(false);
        });
    }

    /** Shows the session; {@code fromOutside} also writes the expression box (load, preset). */
    private void render(boolean fromOutside) {
        if (fromOutside) {
            GraphDom.setValue(el("graph-expr"), session.expression());
        }
        GraphDom.setChecked(el("graph-collapse"), session.collapse());
        Preset preset = session.preset();
        GraphDom.setValue(el("graph-preset"), preset == null ? "" : preset.id());

        JSObject error = el("graph-error");
        GraphDom.setText(error, session.error() == null ? "" : session.error());
        GraphDom.setHidden(error, session.error() == null);
        GraphDom.setAttribute(
                el("graph-expr"), "aria-invalid", session.error() != null && isExpressionError() ? "true" : null);

        ExpressionGraph graph = session.graph();
        List<String> variables = graph == null ? List.of() : graph.variables();
        if (fromOutside || !variables.equals(shownVariables)) {
            GraphDom.setHtml(el("graph-vars"), GraphMarkup.variables(variables, session));
            shownVariables = new ArrayList<>(variables);
        } else {
            for (String name : variables) {
                GraphDom.setValue(el("graph-var-" + name), session.text(name));
            }
        }
        for (String name : variables) {
            GraphDom.setAttribute(
                    el("graph-var-" + name), "aria-invalid", session.fieldError(name) == null ? null : "true");
        }

        boolean stale = session.stale();
        JSObject picture = el("graph-picture");
        if (graph == null) {
            GraphDom.setHtml(picture, "");
        } else {
            GraphDom.setHtml(picture, GraphMarkup.svg(graph, session.highlighted(), stale));
            GraphDom.centreActiveGate(picture);
        }
        GraphDom.setHtml(el("graph-explain"), GraphMarkup.listItems(session.explanation()));
        String prediction = PredictionMarkup.markup(session);
        // redrawn when the fields change or a step ran (it clears what was typed), not while typing
        String predictionKey = prediction + "|" + (graph == null ? -1 : graph.backwardDone());
        if (!predictionKey.equals(shownPrediction)) {
            JSObject predict = el("graph-predict");
            GraphDom.setHtml(predict, prediction);
            GraphDom.setHidden(predict, prediction.isEmpty());
            shownPrediction = predictionKey;
        }
        List<String> problems = graph == null || stale ? List.of() : graph.problems();
        JSObject warnings = el("graph-warnings");
        GraphDom.setHtml(warnings, GraphMarkup.listItems(problems));
        GraphDom.setHidden(warnings, problems.isEmpty());

        boolean usable = graph != null && !stale;
        GraphDom.setDisabled(el("graph-step-forward"), !usable || graph.forwardComplete());
        GraphDom.setDisabled(
                el("graph-step-backward"), !usable || !graph.forwardComplete() || graph.backwardComplete());
        GraphDom.setDisabled(el("graph-run-all"), !usable || (graph.forwardComplete() && graph.backwardComplete()));
        GraphDom.setDisabled(el("graph-reset"), !usable);

        JSObject value = el("graph-value");
        JSObject table = el("graph-gradients");
        GraphDom.setHtml(GraphDom.bodyOf(table), GradientTable.rows(graph, stale));
        GraphDom.setState(table, stale ? "stale" : "ready");
        if (graph != null) {
            boolean known = !stale && graph.forwardComplete();
            GraphDom.setText(
                    value, known ? GraphText.significant(graph.outputValue(), GradientTable.DIGITS) : "\u2013");
            GraphDom.setAttribute(value, "title", known ? GraphText.exact(graph.outputValue()) : null);
            GraphDom.setAttribute(value, "data-value", known ? GraphText.exact(graph.outputValue()) : null);
            GraphDom.setText(el("graph-gate-count"), Integer.toString(graph.gateCount()));
            GraphDom.setText(el("graph-forward-progress"), graph.forwardDone() + " of " + graph.gateCount());
            GraphDom.setText(el("graph-backward-progress"), graph.backwardDone() + " of " + graph.backwardTotal());
        } else {
            GraphDom.setText(value, "\u2013");
            GraphDom.setAttribute(value, "title", null);
            GraphDom.setAttribute(value, "data-value", null);
        }
        String kinks = graph == null || stale ? "" : KinkNotes.markup(graph);
        JSObject kinkPanel = el("graph-kinks");
        GraphDom.setHtml(kinkPanel, kinks);
        GraphDom.setHidden(kinkPanel, kinks.isEmpty());
        String svm = graph == null || stale ? "" : SvmReadout.markup(graph);
        JSObject svmPanel = el("graph-svm-readout");
        GraphDom.setHtml(svmPanel, svm);
        GraphDom.setHidden(svmPanel, svm.isEmpty());
        VectorizedExample vectorized = graph == null || stale ? null : VectorizedExample.of(graph);
        JSObject matrices = el("graph-vectorized");
        GraphDom.setHtml(matrices, vectorized == null ? "" : GraphMarkup.vectorized(vectorized));
        GraphDom.setHidden(matrices, vectorized == null);
        GraphDom.setState(el("graph-picture"), stale ? "stale" : "ready");
        String query = session.query();
        if (runtimeInAddress) {
            query = query + "&runtime=" + runtime;
        }
        GraphDom.replaceQuery(query);
    }

    private boolean isExpressionError() {
        String message = session.error();
        ExpressionGraph graph = session.graph();
        if (graph == null) {
            return true;
        }
        for (String name : graph.variables()) {
            if (message.equals(session.fieldError(name))) {
                return false;
            }
        }
        return true;
    }
}
