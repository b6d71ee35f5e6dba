package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Plane;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import backprop.ui.raster.Palette;
import backprop.ui.raster.Raster;
import org.junit.jupiter.api.Test;

/** The diagram's markup, legend, neuron maps and weights tables, and where refusals are shown. */
class DiagramPartsTest {
    @Test
    void inputsAreNamedByTheirFeaturesAndOutputsByTheirClasses() {
        Spec spec = SpecCodec.parseStrict("v=1&data=gauss&classes=3&features=x1,x2,x1sq,sinx2&layers=4:relu");
        String html = DiagramMarkup.neurons(spec, new NetworkLayout(spec));
        assertTrue(html.contains("data-testid=\"input-name-2\" aria-hidden=\"true\">x₁²</span>"), html);
        assertTrue(html.contains(">sin x₂</span>"), html);
        assertTrue(html.contains("aria-label=\"Output 2 (softmax), class 2\""), html);
        assertEquals(2, DiagramMarkup.outputClass(spec, 2));
        Spec bce = SpecCodec.parseStrict("v=1&data=xor&loss=bce");
        assertEquals(1, DiagramMarkup.outputClass(bce, 0), "one sigmoid output: class 1's probability");
        assertEquals(-1, DiagramMarkup.outputClass(SpecCodec.parseStrict("v=1&data=plane"), 0));
        NetworkLayout layout = new NetworkLayout(spec);
        assertEquals(NetworkLayout.LABELS, layout.x(0), "room for the names on the left");
        assertEquals(NetworkLayout.WIDTH - 16, layout.x(layout.columns() - 1) + layout.tile(), 1e-9);
    }

    @Test
    void aDenseNetworksEdgesAreHairlinesWhoseOpacityCarriesTheirWeight() {
        NetworkLayout small = new NetworkLayout(SpecCodec.parseStrict("v=1&features=x1,x2&layers=8:tanh,8:tanh"));
        assertEquals(2 * 8 + 8 * 8 + 8 * 2, small.edges(), "2 inputs, 2 outputs");
        assertEquals(0.6, small.edgeWidth(0), 1e-12);
        assertEquals(3.6, small.edgeWidth(1), 1e-12);
        assertEquals(0.15, small.edgeAlpha(0), 1e-12);
        assertEquals(0.9, small.edgeAlpha(1), 1e-12);
        NetworkLayout big =
                new NetworkLayout(SpecCodec.parseStrict("v=1&features=x1,x2&layers=32:tanh,32:tanh,32:tanh"));
        assertEquals(2 * 32 + 32 * 32 * 2 + 32 * 2, big.edges());
        assertTrue(big.edges() > NetworkLayout.HAIRLINE_EDGES);
        assertEquals(1, big.edgeWidth(0), 1e-12);
        assertEquals(1, big.edgeWidth(1), 1e-12);
        assertTrue(big.edgeAlpha(1) > 0.99 && big.edgeAlpha(0) < 0.1, "the whole range of opacity");
    }

    @Test
    void theLegendExplainsEveryMarkInThePalettesColours() {
        String html = DiagramLegend.markup();
        for (String mark : new String[] {"edges", "saturated", "dead", "gradient", "outputs"}) {
            assertTrue(html.contains("data-mark=\"" + mark + "\""), mark);
        }
        assertTrue(html.contains(Palette.css(Palette.SATURATED_RGB)));
        assertTrue(html.contains(Palette.css(Palette.DEAD_RGB)));
        assertTrue(html.contains("Orange border"));
        assertTrue(html.contains("Slash"));
        assertTrue(html.contains("\u2016\u2207\u2016"));
    }

    @Test
    void aNeuronsMapIsItsValueOverThePlaneInTheDiagramsColours() {
        Spec spec = SpecCodec.parseStrict("v=1&data=circle&layers=3:tanh&n=100");
        Trainer trainer = new Trainer(spec);
        trainer.stepEpoch();
        int side = 10;
        double[] values = NeuronMap.values(trainer, 1, 2, side);
        int cell = 3 * side + 7;
        double x1 = Plane.x1At((7 + 0.5) / side);
        double x2 = Plane.x2At((3 + 0.5) / side);
        assertEquals(trainer.valuesAt(x1, x2)[0][2], values[cell], 1e-12);
        int[] pixels = NeuronMap.pixels(trainer, 1, 2, side);
        assertEquals(Raster.opaque(NeuronMap.rgb(values[cell])), pixels[cell]);
        double[] input = NeuronMap.values(trainer, 0, 0, side);
        assertEquals(NetworkReadout.inputMapValue(spec.features().get(0), x1, x2), input[cell], 1e-12);
        assertEquals(Palette.NEUTRAL_RGB, NeuronMap.rgb(0));
        assertEquals(NeuronMap.rgb(1), NeuronMap.rgb(5), "clamped at ±1");
    }

    @Test
    void theWeightsTablesListEveryWeightInTheEnginesOrder() {
        Spec spec = SpecCodec.parseStrict("v=1&data=xor&layers=3:tanh&n=100");
        Trainer trainer = new Trainer(spec);
        String html = WeightsMarkup.tables(spec);
        assertTrue(html.contains("data-testid=\"weight-0-1-2\""), html);
        assertTrue(html.contains("<caption>inputs \u2192 3 tanh</caption>"), html);
        assertTrue(html.contains("aria-label=\"Input x2 \u2192 Layer 1, neuron 3 (tanh)\""), html);
        String[] values = WeightsMarkup.values(trainer.network()).split("\n");
        assertEquals(2 * 3 + 3 * 2, values.length);
        double[] params = trainer.network().parameters();
        // Row j (unit), column i (input): layer 0 lists unit 0's inputs first.
        var layer = trainer.network().layer(0);
        assertEquals(
                backprop.ui.text.Numbers.fixed(params[NetworkReadout.weightIndex(layer, params, 1, 0)], 3), values[2]);
    }

    @Test
    void aRefusedValueIsShownBesideTheControlItsKeyNames() {
        assertEquals("batch", ControlNotes.controlFor("batch: \"0\" is not allowed; allowed: 1..2000"));
        assertEquals("n", ControlNotes.controlFor("n: \"5\" is not allowed; allowed: 20..2000"));
        assertEquals("features", ControlNotes.controlFor("features: x1 is the only feature left"));
        assertEquals("loss", ControlNotes.controlFor("loss: \"softmax\" is not allowed; allowed: mse"));
        assertEquals("draw-tools", ControlNotes.controlFor("points: at most 500"));
        assertNull(ControlNotes.controlFor("That change is not allowed."));
        assertNull(ControlNotes.controlFor("Training diverged: lower it"));
    }
}
