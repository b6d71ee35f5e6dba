package backprop.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.math.Rng;
import backprop.engine.spec.CustomPoint;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static Points make(DatasetKind kind, int n, int classes, int noise) {
        return Datasets.generate(kind, n, classes, noise, List.of(), new Rng(42));
    }

    @Test
    void everyDatasetHasNPointsInsideThePlaneWithValidLabels() {
        for (DatasetKind kind : DatasetKind.values()) {
            if (kind == DatasetKind.CUSTOM) {
                continue;
            }
            int classes = kind.isRegression() ? 1 : kind.hasClassChoice() ? 5 : 2;
            for (int noise : new int[] {0, 50}) {
                Points p = make(kind, 301, classes, noise);
                assertEquals(301, p.size(), kind.key());
                for (int i = 0; i < p.size(); i++) {
                    assertTrue(Math.abs(p.xy()[2 * i]) <= 6 && Math.abs(p.xy()[2 * i + 1]) <= 6, kind.key());
                    if (kind.isRegression()) {
                        assertEquals(0, p.label()[i]);
                        // plane: (x1 + x2) / 10, each coordinate moved by up to 6 · noise for the label
                        assertTrue(
                                Math.abs(p.target()[i]) <= (noise == 0 ? 1.2 : 1.8),
                                kind.key() + " target " + p.target()[i]);
                    } else {
                        assertTrue(p.label()[i] >= 0 && p.label()[i] < classes, kind.key());
                        assertEquals(0, p.target()[i]);
                    }
                }
            }
        }
    }

    @Test
    void sameRngGivesSamePointsBitForBit() {
        for (DatasetKind kind : DatasetKind.values()) {
            if (kind == DatasetKind.CUSTOM) {
                continue;
            }
            Points a = make(kind, 200, kind.hasClassChoice() ? 3 : 2, 20);
            Points b = make(kind, 200, kind.hasClassChoice() ? 3 : 2, 20);
            assertArrayEquals(a.xy(), b.xy(), kind.key());
            assertArrayEquals(a.label(), b.label(), kind.key());
            assertArrayEquals(a.target(), b.target(), kind.key());
        }
    }

    @Test
    void spiralFollowsThePlaygroundShape() {
        Points p = make(DatasetKind.SPIRAL, 500, 2, 0);
        // 250 points per arm; arm 0 starts at the origin; radius r = 5 i / 250.
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 250; i++) {
                int k = c * 250 + i;
                assertEquals(c, p.label()[k]);
                double r = Math.hypot(p.xy()[2 * k], p.xy()[2 * k + 1]);
                assertEquals(5.0 * i / 250, r, 1e-12);
            }
        }
        // Point i = 50 of arm 0: t = 1.75 · 2π · 50/250, (r sin t, r cos t).
        double t = 1.75 * 2 * Math.PI * 50 / 250;
        assertEquals(1.0 * StrictMath.sin(t), p.xy()[100], 1e-12);
        assertEquals(1.0 * StrictMath.cos(t), p.xy()[101], 1e-12);
        // Arm 1 is arm 0 turned by π.
        assertEquals(-p.xy()[100], p.xy()[2 * 300], 1e-12);
        assertEquals(-p.xy()[101], p.xy()[2 * 300 + 1], 1e-12);
    }

    @Test
    void spiralClassesAreBalancedAndArmsMake3point5OverKTurns() {
        Points p = make(DatasetKind.SPIRAL, 301, 3, 0);
        int[] counts = new int[3];
        for (int label : p.label()) {
            counts[label]++;
        }
        assertArrayEquals(new int[] {101, 100, 100}, counts);
        // Last point of arm 0 (i = 100 of 101): angle (3.5 / 3) · 2π · 100/101.
        double t = 3.5 / 3 * 2 * Math.PI * 100 / 101;
        double r = 5.0 * 100 / 101;
        assertEquals(r * StrictMath.sin(t), p.xy()[200], 1e-12);
        assertEquals(r * StrictMath.cos(t), p.xy()[201], 1e-12);
    }

    @Test
    void circleWithoutNoiseIsInnerDiskClassZeroAndRingClassOne() {
        Points p = make(DatasetKind.CIRCLE, 400, 2, 0);
        int inner = 0;
        for (int i = 0; i < p.size(); i++) {
            double r = Math.hypot(p.xy()[2 * i], p.xy()[2 * i + 1]);
            if (p.label()[i] == 0) {
                assertTrue(r < 2.5);
                inner++;
            } else {
                assertTrue(r >= 3.5 - 1e-12 && r <= 5 + 1e-12, "r = " + r);
            }
        }
        assertEquals(200, inner);
    }

    @Test
    void xorWithoutNoiseIsTheSignOfTheProduct() {
        Points p = make(DatasetKind.XOR, 400, 2, 0);
        for (int i = 0; i < p.size(); i++) {
            double x = p.xy()[2 * i];
            double y = p.xy()[2 * i + 1];
            assertTrue(Math.abs(x) >= 0.3 && Math.abs(y) >= 0.3);
            assertEquals(x * y >= 0 ? 0 : 1, p.label()[i]);
        }
    }

    @Test
    void gaussClustersSitWhereStated() {
        Points p = make(DatasetKind.GAUSS, 2000, 2, 0);
        double[] sum = new double[4];
        for (int i = 0; i < p.size(); i++) {
            sum[2 * p.label()[i]] += p.xy()[2 * i];
            sum[2 * p.label()[i] + 1] += p.xy()[2 * i + 1];
        }
        assertEquals(2, sum[0] / 1000, 0.1);
        assertEquals(2, sum[1] / 1000, 0.1);
        assertEquals(-2, sum[2] / 1000, 0.1);
        assertEquals(-2, sum[3] / 1000, 0.1);
        Points four = make(DatasetKind.GAUSS, 400, 4, 0);
        double[] mean = new double[2];
        for (int i = 0; i < 100; i++) {
            mean[0] += four.xy()[2 * i] / 100;
            mean[1] += four.xy()[2 * i + 1] / 100;
        }
        // Class 0 of 4 at angle π/4 on the circle of radius 4.
        assertEquals(4 / Math.sqrt(2), mean[0], 0.2);
        assertEquals(4 / Math.sqrt(2), mean[1], 0.2);
    }

    @Test
    void checkerAndPlaneAndMultigaussWithoutNoise() {
        Points checker = make(DatasetKind.CHECKER, 300, 2, 0);
        for (int i = 0; i < checker.size(); i++) {
            int cx = (int) Math.floor((checker.xy()[2 * i] + 6) / 3);
            int cy = (int) Math.floor((checker.xy()[2 * i + 1] + 6) / 3);
            assertEquals((cx + cy) % 2, checker.label()[i]);
        }
        Points plane = make(DatasetKind.PLANE, 300, 1, 0);
        for (int i = 0; i < plane.size(); i++) {
            assertEquals((plane.xy()[2 * i] + plane.xy()[2 * i + 1]) / 10, plane.target()[i], 1e-15);
        }
        assertEquals(1, Datasets.multiGaussValue(-4, 2.5), 0);
        assertEquals(-1, Datasets.multiGaussValue(0, 2.5), 0);
        assertEquals(-0.5, Datasets.multiGaussValue(4, -1.5), 1e-15);
        assertEquals(0, Datasets.multiGaussValue(6, 0), 0);
    }

    @Test
    void moonsAreBalancedAndInterleaved() {
        Points p = make(DatasetKind.MOONS, 400, 2, 0);
        double[] meanY = new double[2];
        for (int i = 0; i < p.size(); i++) {
            meanY[p.label()[i]] += p.xy()[2 * i + 1] / 200;
        }
        assertTrue(meanY[0] > meanY[1], "upper moon is class 0");
    }

    @Test
    void customTakesThePointsAsGiven() {
        List<CustomPoint> given = List.of(new CustomPoint(1.5, -2, 0), new CustomPoint(0.25, 4, 1));
        Points p = Datasets.generate(DatasetKind.CUSTOM, 2, 2, 30, given, new Rng(1));
        assertArrayEquals(new double[] {1.5, -2, 0.25, 4}, p.xy());
        assertArrayEquals(new int[] {0, 1}, p.label());
        assertThrows(
                IllegalArgumentException.class,
                () -> Datasets.generate(DatasetKind.CUSTOM, 0, 2, 0, List.of(), new Rng(1)));
    }

    @Test
    void splitTakesFloorOfSplitPercentForTrainingAndKeepsEveryPoint() {
        Points p = make(DatasetKind.SPIRAL, 333, 2, 10);
        DataSplit split = DataSplit.split(p, 50, new Rng(5));
        assertEquals(166, split.trainSize());
        assertEquals(167, split.testSize());
        double[] all = new double[2 * 333];
        System.arraycopy(split.trainX(), 0, all, 0, 2 * 166);
        System.arraycopy(split.testX(), 0, all, 2 * 166, 2 * 167);
        double[] expected = p.xy().clone();
        assertArrayEquals(sortedPairs(expected), sortedPairs(all));
        DataSplit again = DataSplit.split(p, 50, new Rng(5));
        assertArrayEquals(split.trainX(), again.trainX());
        assertArrayEquals(split.testLabel(), again.testLabel());
        DataSplit tiny = DataSplit.split(
                Datasets.generate(DatasetKind.CUSTOM, 1, 2, 0, List.of(new CustomPoint(1, 1, 1)), new Rng(1)),
                50,
                new Rng(1));
        assertEquals(1, tiny.trainSize());
        assertEquals(0, tiny.testSize());
    }

    private static double[] sortedPairs(double[] xy) {
        double[] keys = new double[xy.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = xy[2 * i] * 1000 + xy[2 * i + 1];
        }
        Arrays.sort(keys);
        return keys;
    }

    @Test
    void theSevenFeatures() {
        double x1 = 1.5;
        double x2 = -0.5;
        double[] row = Features.matrix(List.of(Feature.values()), new double[] {x1, x2});
        assertArrayEquals(
                new double[] {x1, x2, x1 * x1, x2 * x2, x1 * x2, StrictMath.sin(x1), StrictMath.sin(x2)}, row);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Datasets.generate(DatasetKind.SPIRAL, 100, 2, 120, List.of(), new Rng(1)));
        assertTrue(e.getMessage().contains("120"));
    }
}
