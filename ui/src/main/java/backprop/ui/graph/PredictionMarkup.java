package backprop.ui.graph;

import backprop.ui.text.Html;
import java.util.List;

/**
 * Predict-then-reveal: before the next backward step, one field per input of the gate it works
 * on, where the student types the gradient that input will receive; the step then says whether
 * the prediction was right. Empty when no backward step can run.
 */
public final class PredictionMarkup {
    private PredictionMarkup() {}

    public static String markup(GraphSession session) {
        List<String> targets = session.predictionTargets();
        if (targets.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("<p class=\"predict-lead\">Predict before you step: the next backward step is at ")
                .append(Html.escape(session.predictionGate()))
                .append(
                        ". What gradient will each input receive (upstream \u00d7 local)?</p><div class=\"predict-fields\">");
        for (int s = 0; s < targets.size(); s++) {
            String id = "graph-predict-" + s;
            out.append("<label for=\"")
                    .append(id)
                    .append("\">to ")
                    .append(Html.escape(targets.get(s)))
                    .append("</label><input id=\"")
                    .append(id)
                    .append("\" data-testid=\"")
                    .append(id)
                    .append("\" data-name=\"")
                    .append(s)
                    .append("\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" autocomplete=\"off\" value=\"")
                    .append(Html.escape(session.prediction(s)))
                    .append("\">");
        }
        out.append("</div>");
        return out.toString();
    }
}
