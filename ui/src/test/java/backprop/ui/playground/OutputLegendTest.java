package backprop.ui.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.SpecCodec;
import org.junit.jupiter.api.Test;

class OutputLegendTest {
    @Test
    void aClassifierNamesEachClassInItsColour() {
        var spec = SpecCodec.parseStrict("v=1&data=gauss&classes=4");
        String html = OutputLegend.markup(spec);
        assertTrue(html.contains("Class 3"), html);
        assertArrayEquals(new String[] {"0", "1", "2", "3"}, OutputLegend.keys(spec));
        assertEquals("#0072b2", OutputLegend.colour("0"));
    }

    @Test
    void aRegressionShowsTheValueScale() {
        var spec = SpecCodec.parseStrict("v=1&data=plane");
        assertTrue(OutputLegend.markup(spec).contains("predicted value"));
        assertTrue(OutputLegend.colour("scale").startsWith("linear-gradient(to right, #0072b2"));
    }
}
