package backprop.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Activations;
import backprop.engine.spec.Activation;
import backprop.engine.spec.BinaryFn;
import backprop.engine.spec.Composition;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.UnaryFn;
import backprop.server.pages.ActivationsView;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GET /activations on a real port: a card per activation, the race and demos' controls, the output guide. */
class ActivationPagesTest extends ServedPagesTest {
    @Test
    void rendersACardPerActivationWithItsReadoutsAndProperties() throws Exception {
        HttpResponse<String> page = get("/activations");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(
                page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        String html = page.body();
        assertTrue(html.contains("/static/js/activations-boot.js"));
        assertTrue(html.contains("/static/css/activations.css"));
        for (Activation a : Activation.builtIns()) {
            String name = a.key();
            assertTrue(html.contains("data-activation=\"" + name + "\" data-testid=\"activation-" + name + "\""), name);
            for (String id :
                    new String[] {"-plot", "-hover", "-cost", "-f-0", "-df-0", "-f-1", "-df-1", "-f-2", "-df-2"}) {
                assertTrue(html.contains("data-testid=\"activation-" + name + id + "\""), name + id);
            }
            assertTrue(html.contains("data-testid=\"race-act-" + name + "\""), "race checkbox for " + name);
        }
        for (String id : new String[] {
            "runtime",
            "range-min",
            "range-max",
            "readout-x-0",
            "readout-x-1",
            "readout-x-2",
            "cost-measure",
            "cost-status",
            "race-spec",
            "race-target",
            "race-epochs",
            "race-start",
            "race-stop",
            "race-status",
            "race-table",
            "race-table-body",
            "race-verdict",
            "race-loss-chart",
            "zigzag",
            "zigzag-play",
            "zigzag-positive-plot",
            "zigzag-centred-plot",
            "zigzag-positive-mixed",
            "dying-relu",
            "dying-start",
            "dying-table",
            "dying-chart",
            "output-guide",
            "race-progress",
            "dying-progress"
        }) {
            assertTrue(html.contains("data-testid=\"" + id + "\""), id);
        }
        // The lecture's question, answered at -10, 0 and 10 by default.
        assertTrue(html.contains("data-testid=\"readout-x-0\" value=\"-10\""));
        assertTrue(html.contains("data-testid=\"readout-x-2\" value=\"10\""));
        // The race starts from the default spiral with the lecture's three.
        assertTrue(html.contains(">" + Spec.DEFAULT_TEXT.replace("&", "&amp;") + "</textarea>"), "escaped spec text");
        assertTrue(html.contains("value=\"relu\" data-testid=\"race-act-relu\" checked>"));
        assertTrue(html.contains("value=\"sigmoid\" data-testid=\"race-act-sigmoid\" checked>"));
        assertTrue(html.contains("value=\"gelu\" data-testid=\"race-act-gelu\">"), "others unchecked");
        assertTrue(html.contains("(0, 1)") && html.contains("no: outputs are always positive"), "sigmoid's properties");
    }

    @Test
    void theComposePanelOffersEveryPartStartsOnSwishAndItsPresetsAreValid() throws Exception {
        String html = get("/activations").body();
        for (String id : new String[] {
            "compose-b",
            "compose-u1",
            "compose-u2",
            "compose-beta",
            "compose-use",
            "compose-open",
            "compose-plot",
            "compose-name",
            "compose-match",
            "compose-undefined",
            "compose-flat",
            "compose-error",
            "compose-f-0",
            "compose-df-2",
            "race-activations"
        }) {
            assertTrue(html.contains("data-testid=\"" + id + "\""), id);
        }
        for (UnaryFn u : UnaryFn.values()) {
            assertTrue(html.contains("<option value=\"" + u.key() + "\""), u.key());
        }
        for (BinaryFn b : BinaryFn.values()) {
            assertTrue(html.contains("<option value=\"" + b.key() + "\""), b.key());
        }
        assertTrue(html.contains("<option value=\"sigmul\" selected>"), "b starts on σ(x1)·x2");
        assertTrue(html.contains("<option value=\"bx\" selected>"), "u1 starts on βx");
        assertTrue(html.contains("data-testid=\"compose-beta\" value=\"1\""));
        Matcher presets = Pattern.compile("data-testid=\"compose-preset-(\\w+)\" data-composition=\"([^\"]+)\"")
                .matcher(html);
        int count = 0;
        while (presets.find()) {
            count++;
            Composition c = Composition.parse(presets.group(2)).composition();
            assertTrue(c != null, presets.group(2));
            assertEquals(presets.group(2), c.name(), "presets are canonical names");
        }
        assertEquals(9, count, "Swish, three more, and the search paper's other top functions");
        assertTrue(html.contains("data-composition=\"sigmul_bx_x_1\""), "the Swish preset");
    }

    @Test
    void theDyingExperimentAndTheGuideLinksAreValidCanonicalSpecs() throws Exception {
        String html = get("/activations").body();
        Matcher dying = Pattern.compile("data-testid=\"dying-relu\" data-spec=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(dying.find());
        String dyingSpec = dying.group(1).replace("&amp;", "&");
        assertEquals(dyingSpec, SpecCodec.print(SpecCodec.parseStrict(dyingSpec)), "canonical");
        assertTrue(dyingSpec.contains("layers=8:relu,8:relu") && dyingSpec.contains("init=he"));
        String[][] expected = {{"binary", "bce"}, {"multiclass", "softmax"}, {"regression", "mse"}};
        for (String[] row : expected) {
            Matcher m = Pattern.compile("data-testid=\"output-guide-" + row[0] + "-link\" href=\"([^\"]+)\"")
                    .matcher(html);
            assertTrue(m.find(), row[0]);
            String href = m.group(1).replace("&amp;", "&");
            assertTrue(href.startsWith("/?epochs=" + ActivationsView.GUIDE_EPOCHS + "#"), href);
            Spec spec = SpecCodec.parseStrict(href.substring(href.indexOf('#') + 1));
            assertEquals(row[1], spec.loss().key(), row[0]);
            assertEquals(row[0].equals("regression"), spec.data().isRegression(), row[0]);
        }
        assertEquals(
                LossKind.BCE,
                SpecCodec.parseStrict(
                                ActivationsView.create().guide().get(0).link().split("#")[1])
                        .loss());
        assertEquals(DatasetKind.SPIRAL, SpecCodec.parseStrict(dyingSpec).data());
    }

    @Test
    void theCardsStatedNumbersAgreeWithTheEngine() {
        // sigmoid: f' < 0.01 for |x| > 4.6; tanh: for |x| > 3 (Diagnostics' saturation threshold)
        assertTrue(Activations.derivative(Activation.SIGMOID, 4.6) < 0.01);
        assertTrue(Activations.derivative(Activation.SIGMOID, 4.5) > 0.01);
        assertTrue(Activations.derivative(Activation.TANH, 3.0) < 0.01);
        assertTrue(Activations.derivative(Activation.TANH, 2.95) > 0.01);
        assertEquals(0.25, Activations.derivative(Activation.SIGMOID, 0));
        // the lower ends of the stated ranges
        assertEquals(-0.278, minimum(Activation.SWISH), 5e-4);
        assertEquals(-0.375, minimum(Activation.HSWISH), 5e-4);
        assertEquals(-0.170, minimum(Activation.GELU), 5e-4);
    }

    private static double minimum(Activation a) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 100_000; i++) {
            min = Math.min(min, Activations.value(a, -5 + i * 1e-4));
        }
        return min;
    }
}
