package backprop.ui.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.nn.Activations;
import backprop.engine.spec.Activation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurvePlotTest {
    @Test
    void theCatalogHasEveryEngineActivationAndItsValues() {
        for (Activation a : Activation.builtIns()) {
            ActivationCurve c = ActivationCatalog.byName(a.key());
            assertNotNull(c, a.key());
            assertEquals(a.key(), c.name());
            if (a != Activation.MAXOUT) {
                for (double x : new double[] {-10, -3, -0.5, 0, 2, 10}) {
                    assertEquals(Activations.value(a, x), c.value(x), a + " at " + x);
                    assertEquals(Activations.derivative(a, x), c.derivative(x), a + "' at " + x);
                }
            }
        }
        assertNull(ActivationCatalog.byName("swoosh"));
        assertEquals(Activation.builtIns().length, ActivationCatalog.builtIns().size());
    }

    @Test
    void theMaxoutExampleIsTheLargerOfItsTwoPieces() {
        ActivationCurve maxout = ActivationCatalog.byName("maxout");
        assertEquals(2, maxout.value(2));
        assertEquals(1, maxout.value(-2), "-0.5 * -2");
        assertEquals(1, maxout.derivative(0), "ties go to the first piece");
        assertEquals(-0.5, maxout.derivative(-1));
        assertThrows(UnsupportedOperationException.class, () -> maxout.forward(new double[1], new double[1], 1));
    }

    @Test
    void aMarkedPointIsDrawnAtTheEnginesValue() {
        for (Activation a : Activation.builtIns()) {
            ActivationCurve c = ActivationCatalog.byName(a.key());
            CurvePlot plot = new CurvePlot(c, -10, 10, 300, 180);
            Figure f = plot.figure(new double[] {2}, Double.NaN);
            List<Figure.Dot> dots = new ArrayList<>();
            for (Figure.Mark m : f.marks()) {
                if (m instanceof Figure.Dot d) {
                    dots.add(d);
                }
            }
            assertEquals(2, dots.size(), "one dot on f, one on f'");
            assertEquals(2, plot.xScale().value(dots.get(0).x()), 1e-9);
            assertEquals(c.value(2), plot.valueScale().value(dots.get(0).y()), 1e-9, a.key());
            assertEquals(
                    c.derivative(2), plot.derivativeScale().value(dots.get(1).y()), 1e-9, a.key());
        }
    }

    @Test
    void derivativePanelAlwaysShowsZeroAndOne() {
        double[] r = CurvePlot.range(ActivationCatalog.byName("sigmoid"), -10, 10, 200, true);
        assertTrue(r[0] < 0 && r[1] > 1, r[0] + ".." + r[1]);
        double[] v = CurvePlot.range(ActivationCatalog.byName("relu"), -10, 10, 200, false);
        assertTrue(v[0] < 0 && v[1] > 10, v[0] + ".." + v[1]);
        CurvePlot plot = new CurvePlot(ActivationCatalog.byName("relu"), -10, 10, 300, 180);
        assertEquals(-10, plot.xAt(-50));
        assertEquals(10, plot.xAt(10_000));
        assertThrows(
                IllegalArgumentException.class, () -> new CurvePlot(ActivationCatalog.byName("relu"), 1, 1, 300, 180));
    }

    @Test
    void marksOutsideTheRangeAreLeftOutAndLinesStayInTheirPanels() {
        CurvePlot plot = new CurvePlot(ActivationCatalog.byName("tanh"), -1, 1, 300, 180);
        Figure f = plot.figure(new double[] {-10, 0, 10}, Double.NaN);
        long dots = f.marks().stream().filter(m -> m instanceof Figure.Dot).count();
        assertEquals(2, dots, "only x = 0 is inside [-1, 1]");
        for (Figure.Mark m : f.marks()) {
            if (m instanceof Figure.Line line) {
                for (double y : line.ys()) {
                    assertTrue(y >= 0 && y <= 180, "y " + y);
                }
            }
        }
    }

    @Test
    void scalesMapBothWaysAndPickRoundTicks() {
        Scale s = Scale.linear(-10, 10, 40, 240);
        assertEquals(140, s.pixel(0), 1e-12);
        assertEquals(5, s.value(s.pixel(5)), 1e-12);
        Scale log = Scale.log10(0.001, 1, 200, 0);
        assertEquals(100, log.pixel(Math.sqrt(0.001)), 1e-9);
        assertTrue(Double.isNaN(log.pixel(0)));
        assertEquals(List.of(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0), box(Scale.ticks(0, 1000, 5)));
        assertEquals(List.of(0.001, 0.01, 0.1, 1.0), box(Scale.decades(0.0005, 1.5)));
        assertEquals(
                List.of(0.001, 0.01, 0.1, 1.0), box(Scale.logTicks(0.0005, 1.5)), "two decades or more: powers only");
        assertEquals(List.of(0.1, 0.2, 0.5), box(Scale.logTicks(0.09, 0.8)), "a short axis gets 2s and 5s");
    }

    private static List<Double> box(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
