package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-layer suffix {@code :bn}: parsed, printed only where given, and its problems named. */
class BatchNormSpecTest {
    @Test
    void theSuffixMarksALayerAndPrintsBackOnlyOnThatLayer() {
        Spec spec = SpecCodec.parseStrict("layers=16:relu:bn,16:relu");
        assertEquals(
                List.of(new LayerSpec(16, Activation.RELU).withBatchNorm(true), new LayerSpec(16, Activation.RELU)),
                spec.layers());
        assertTrue(SpecCodec.print(spec).contains("&layers=16:relu:bn,16:relu&"), SpecCodec.print(spec));
        Spec composed = SpecCodec.parseStrict("layers=6:maxout:bn,5:mix_tanh_atan_0.3:bn");
        assertTrue(
                composed.layers().get(1).batchNorm() && composed.layers().get(1).composition() != null);
        assertEquals(composed, SpecCodec.parseStrict(SpecCodec.print(composed)));
    }

    @Test
    void aLayerWithoutTheSuffixPrintsExactlyAsBefore() {
        assertEquals(Spec.DEFAULT_TEXT, SpecCodec.print(SpecCodec.parseStrict(Spec.DEFAULT_TEXT)));
        assertTrue(!Spec.defaults().layers().get(0).batchNorm());
        assertEquals(new LayerSpec(8, Activation.TANH, null), new LayerSpec(8, Activation.TANH, null, false));
    }

    @Test
    void badSuffixesAreProblemsOnLayersNamingTheOnlySuffix() {
        for (String layers : new String[] {"16:relu:xx", "16:relu:bn:bn", "16:relu:BN", "16:bn", "16:relu:bn:"}) {
            ParseResult result = SpecCodec.parse("layers=" + layers);
            assertEquals(1, result.problems().size(), layers + " -> " + result.problems());
            SpecProblem problem = result.problems().get(0);
            assertEquals("layers", problem.key());
            assertEquals(layers, problem.value());
            assertTrue(problem.message().contains("may end in :bn"), problem.message());
            assertEquals(Spec.defaults().layers(), result.spec().layers());
        }
        assertTrue(
                SpecCodec.parse("layers=16:relu:xx").problems().get(0).message().contains("unknown suffix \":xx\""));
        assertTrue(SpecCodec.parse("layers=16:bn").problems().get(0).message().contains("unknown activation"));
    }
}
