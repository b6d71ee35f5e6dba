package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Activation;
import backprop.engine.spec.Composition;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/** The playground's layer controls keep a composed activation on show and through edits. */
class LayerMarkupTest {
    @Test
    void aComposedLayerShowsItsCompositionSelected() {
        Spec spec = SpecCodec.parseStrict("layers=8:sigmul_bx_x_1,8:tanh");
        String html = LayerMarkup.layers(spec.layers());
        assertTrue(html.contains("<option value=\"sigmul_bx_x_1\" selected>sigmul_bx_x_1</option>"), html);
        assertTrue(html.contains("<option value=\"tanh\" selected>tanh</option>"), html);
        assertFalse(html.contains("composed"), "COMPOSED is no choice of its own");
        assertEquals(1, html.split("sigmul_bx_x_1\" selected", -1).length - 1, "only the composed layer lists it");
    }

    @Test
    void activationsChangeByNameBuiltInOrComposed() {
        Spec spec = SpecCodec.parseStrict("layers=8:tanh,4:relu");
        Spec composed = SpecEditor.withActivation(spec, 1, "mix_x_tanh_-0.5");
        assertEquals(
                new Composition(
                        backprop.engine.spec.BinaryFn.MIX,
                        backprop.engine.spec.UnaryFn.X,
                        backprop.engine.spec.UnaryFn.TANH,
                        -0.5),
                composed.layers().get(1).composition());
        assertEquals(4, composed.layers().get(1).units());
        Spec back = SpecEditor.withActivation(composed, 1, "relu");
        assertEquals(Activation.RELU, back.layers().get(1).activation());
        assertSame(
                spec, SpecEditor.withActivation(spec, 0, "sigmul_bx_x_42"), "an invalid composition changes nothing");
        assertSame(spec, SpecEditor.withActivation(spec, 0, "composed"));
    }
}
