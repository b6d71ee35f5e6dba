package backprop.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Fdlibm is a port of fdlibm, which is what StrictMath is specified to compute: every function
 * StrictMath has must return the same bits, on special values and on 240,000 seeded random
 * inputs per function spread over several magnitude ranges. NaN results only have to be NaN
 * (the payload is the platform's, see Fdlibm).
 */
class FdlibmTest {
    private static final int PER_RANGE = 40_000;
    private static final double HALF_PI = StrictMath.PI / 2;

    /** Values every unary function is checked on: zeros, infinities, NaN, subnormals, thresholds. */
    private static final double[] SPECIAL = {
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        2.0,
        -2.0,
        3.0,
        10.0,
        -10.0,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NaN,
        Double.longBitsToDouble(0xfff8000000000000L),
        Double.longBitsToDouble(0x7ff0000000000001L),
        Double.MIN_VALUE,
        -Double.MIN_VALUE,
        2 * Double.MIN_VALUE,
        Double.MIN_NORMAL,
        -Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL),
        Math.nextUp(Double.MIN_NORMAL),
        0x1p-1060,
        -0x1p-1060,
        Double.MAX_VALUE,
        -Double.MAX_VALUE,
        1e308,
        -1e308,
        1e300,
        1e-300,
        -1e-300,
        0x1p-28,
        0x1p-29,
        0x1p-27,
        0x1p-54,
        0x1p-55,
        0x1p-56,
        0x1p-20,
        0x1p-1022,
        0x1p66,
        0x1p28,
        0x1p31,
        0x1p53,
        0x1p64,
        // exp / expm1 / sinh / cosh thresholds
        709.782712893384,
        Math.nextUp(709.782712893384),
        Math.nextDown(709.782712893384),
        -745.1332191019411,
        -745.1332191019412,
        Math.nextDown(-745.1332191019412),
        -708.3964185322641,
        -709.0,
        710.4758600739439,
        Math.nextUp(710.4758600739439),
        Math.nextDown(710.4758600739439),
        -710.4758600739439,
        0.34657359027997264,
        0.3465735902799727,
        1.0397207708399179,
        38.816242111356935,
        -38.816242111356935,
        22.0,
        -22.0,
        Math.nextDown(22.0),
        56 * 0.6931471805599453,
        -56 * 0.6931471805599453,
        40.0,
        -40.0,
        // log / log1p
        Math.nextUp(1.0),
        Math.nextDown(1.0),
        1 + 0x1p-20,
        1 - 0x1p-20,
        0.41421356237309503,
        -0.2928932188134524,
        -0.29289321881345254,
        Math.nextDown(-1.0),
        Math.nextUp(-1.0),
        0x1p1023,
        0x1.6a09e667f3bcdp0,
        // atan reduction boundaries
        0.4375,
        0.6875,
        1.1875,
        2.4375,
        -0.4375,
        -2.4375,
        // multiples of pi/2 and big arguments for sin/cos
        HALF_PI,
        -HALF_PI,
        2 * HALF_PI,
        3 * HALF_PI,
        4 * HALF_PI,
        5 * HALF_PI,
        100 * HALF_PI,
        0.7853981633974483,
        2.356194490192345,
        -2.356194490192345,
        3.9269908169872414,
        0x1p19 * HALF_PI,
        Math.nextUp(0x1p19 * HALF_PI),
        1e6 * HALF_PI,
        823549.6654965515,
        1e9,
        1e15,
        1e22,
        6381956970095103.0 * 0x1p797,
        5.319372648326541e255,
        1.0e300,
        0x1.921fb54442d18p1023,
        0.3,
        0.78125,
        0.78125 + 1e-9,
    };

    /** A named unary function with its StrictMath reference and the ranges it is sampled on. */
    private record Unary(String name, DoubleUnaryOperator ours, DoubleUnaryOperator reference, double[][] ranges) {}

    /** Generic ranges plus, per function, ranges near its branch points. */
    private static List<Unary> unaryFunctions() {
        double[][] generic = {{-1, 1}, {-30, 30}, {-800, 800}};
        return List.of(
                new Unary("exp", Fdlibm::exp, StrictMath::exp, join(generic, new double[][] {
                    {-746, -700}, {700, 710}, {-1e-8, 1e-8}
                })),
                new Unary("log", Fdlibm::log, StrictMath::log, join(generic, new double[][] {
                    {0.5, 2}, {1 - 1e-5, 1 + 1e-5}, {0, 1e-300}
                })),
                new Unary("log1p", Fdlibm::log1p, StrictMath::log1p, join(generic, new double[][] {
                    {-1, -0.25}, {-1e-6, 1e-6}, {0.3, 0.5}
                })),
                new Unary("expm1", Fdlibm::expm1, StrictMath::expm1, join(generic, new double[][] {
                    {-1e-6, 1e-6}, {-40, -36}, {700, 710}
                })),
                new Unary("tanh", Fdlibm::tanh, StrictMath::tanh, join(generic, new double[][] {
                    {-1e-9, 1e-9}, {-25, 25}, {0.9, 1.1}
                })),
                new Unary("sinh", Fdlibm::sinh, StrictMath::sinh, join(generic, new double[][] {
                    {-1e-6, 1e-6}, {700, 711}, {-711, -700}
                })),
                new Unary("cosh", Fdlibm::cosh, StrictMath::cosh, join(generic, new double[][] {
                    {-0.4, 0.4}, {700, 711}, {-711, -700}
                })),
                new Unary("atan", Fdlibm::atan, StrictMath::atan, join(generic, new double[][] {
                    {-3, 3}, {-1e-7, 1e-7}, {1e10, 1e21}
                })),
                new Unary("sin", Fdlibm::sin, StrictMath::sin, join(generic, new double[][] {
                    {-1e6, 1e6}, {-1e15, 1e15}, {-4, 4}
                })),
                new Unary("cos", Fdlibm::cos, StrictMath::cos, join(generic, new double[][] {
                    {-1e6, 1e6}, {-1e15, 1e15}, {-4, 4}
                })),
                new Unary("sqrt", Fdlibm::sqrt, StrictMath::sqrt, join(generic, new double[][] {
                    {0, 1e-300}, {0, 1e300}, {0, 4}
                })));
    }

    @Test
    void unaryFunctionsMatchStrictMathOnSpecialValues() {
        List<String> mismatches = new ArrayList<>();
        for (Unary f : unaryFunctions()) {
            for (double x : SPECIAL) {
                for (double signed : new double[] {x, -x}) {
                    check(
                            f.name(),
                            signed,
                            f.ours().applyAsDouble(signed),
                            f.reference().applyAsDouble(signed),
                            mismatches);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void unaryFunctionsMatchStrictMathOnRandomInputs() {
        List<String> mismatches = new ArrayList<>();
        int purpose = 0;
        for (Unary f : unaryFunctions()) {
            purpose++;
            int count = 0;
            Rng rng = Rng.derive(2024, purpose, 0);
            for (double[] range : f.ranges()) {
                for (int i = 0; i < PER_RANGE; i++) {
                    double x = rng.uniform(range[0], range[1]);
                    check(f.name(), x, f.ours().applyAsDouble(x), f.reference().applyAsDouble(x), mismatches);
                    count++;
                }
            }
            // any bit pattern: every exponent, subnormals, infinities and NaNs
            for (int i = 0; i < PER_RANGE; i++) {
                double x = Double.longBitsToDouble(rng.nextLong());
                check(f.name(), x, f.ours().applyAsDouble(x), f.reference().applyAsDouble(x), mismatches);
                count++;
            }
            // multiples of pi/2 with small offsets: where the reduction for sin/cos is hardest
            for (int i = 0; i < PER_RANGE; i++) {
                double x = (rng.nextInt(2_000_001) - 1_000_000) * HALF_PI + rng.uniform(-1e-9, 1e-9);
                check(f.name(), x, f.ours().applyAsDouble(x), f.reference().applyAsDouble(x), mismatches);
                count++;
            }
            assertTrue(count >= 200_000, f.name() + " sampled only " + count);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void sinAndCosMatchStrictMathOnHugeArgumentsAndNearMultiplesOfHalfPi() {
        List<String> mismatches = new ArrayList<>();
        Rng rng = Rng.derive(2024, 100, 0);
        for (int i = 0; i < 50_000; i++) {
            // |x| from 2^19 pi/2 (large-argument path) up to MAX_VALUE, log-uniform
            int exponent = 20 + rng.nextInt(1004);
            double x = Math.scalb(1 + rng.nextDouble(), exponent) * (rng.nextInt(2) == 0 ? 1 : -1);
            check("sin", x, Fdlibm.sin(x), StrictMath.sin(x), mismatches);
            check("cos", x, Fdlibm.cos(x), StrictMath.cos(x), mismatches);
            // the doubles next to k pi/2, where cancellation needs the second and third rounds
            double near = (1 + rng.nextInt(1 << 20)) * HALF_PI;
            for (double y : new double[] {near, Math.nextUp(near), Math.nextDown(near)}) {
                check("sin", y, Fdlibm.sin(y), StrictMath.sin(y), mismatches);
                check("cos", y, Fdlibm.cos(y), StrictMath.cos(y), mismatches);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void powMatchesStrictMathOnSpecialValues() {
        double[] xs = {
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.0,
            -2.0,
            0.5,
            -0.5,
            3.0,
            -3.0,
            10.0,
            -8.0,
            1e-300,
            1e300,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            Math.nextUp(1.0),
            Math.nextDown(1.0),
            1 + 0x1p-21,
            1 - 0x1p-21,
            0.999999,
            1.000001,
            Math.nextDown(-1.0),
            1.5,
            1.2247448713915890,
            1.7320508075688772,
        };
        double[] ys = {
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.0,
            -2.0,
            0.5,
            -0.5,
            3.0,
            -3.0,
            2.5,
            -2.5,
            1.0 / 3,
            1e10,
            -1e10,
            0x1p31,
            0x1p31 + 1,
            -0x1p31 - 1,
            0x1p52 + 1,
            0x1p53,
            0x1p53 + 2,
            0x1p64,
            0x1p65,
            -0x1p65,
            1e300,
            -1e300,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            1023.0,
            1024.0,
            -1074.0,
            -1075.0,
            -1022.0,
            -1023.5,
            1023.9999999999999,
            0.1,
            7.0,
            -7.0,
            21.0,
            53.0,
        };
        List<String> mismatches = new ArrayList<>();
        for (double x : xs) {
            for (double y : ys) {
                checkPow(x, y, mismatches);
            }
        }
        // 2^k and 10^k over the whole range, including subnormal and overflowing results
        for (int k = -1080; k <= 1030; k++) {
            checkPow(2.0, k, mismatches);
            checkPow(-2.0, k, mismatches);
            checkPow(0.5, k + 0.5, mismatches);
        }
        for (int k = -330; k <= 310; k++) {
            checkPow(10.0, k, mismatches);
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void powMatchesStrictMathOnRandomInputs() {
        List<String> mismatches = new ArrayList<>();
        Rng rng = Rng.derive(2024, 200, 0);
        int count = 0;
        for (int range = 0; range < 8; range++) {
            for (int i = 0; i < 30_000; i++) {
                double x;
                double y;
                switch (range) {
                    case 0 -> {
                        x = rng.uniform(0, 10);
                        y = rng.uniform(-50, 50);
                    }
                    case 1 -> {
                        x = rng.uniform(-10, 10);
                        y = rng.nextInt(201) - 100;
                    }
                    case 2 -> {
                        x = rng.uniform(-10, 10);
                        y = (rng.nextInt(201) - 100) + 0.5;
                    }
                    case 3 -> {
                        x = rng.uniform(0.99, 1.01);
                        y = rng.uniform(-1e9, 1e9);
                    }
                    case 4 -> {
                        x = 1 + rng.uniform(-0x1p-20, 0x1p-20);
                        y = rng.uniform(-1e12, 1e12);
                    }
                    case 5 -> {
                        x = Math.scalb(1 + rng.nextDouble(), rng.nextInt(2098) - 1074);
                        y = rng.uniform(-3, 3);
                    }
                    case 6 -> {
                        x = rng.uniform(0, 4);
                        y = rng.uniform(-1100, 1100);
                    }
                    default -> {
                        x = Double.longBitsToDouble(rng.nextLong());
                        y = Double.longBitsToDouble(rng.nextLong());
                    }
                }
                checkPow(x, y, mismatches);
                count++;
            }
        }
        assertEquals(240_000, count);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void sqrtIsMathSqrt() {
        Rng rng = Rng.derive(2024, 300, 0);
        for (int i = 0; i < 10_000; i++) {
            double x = Double.longBitsToDouble(rng.nextLong());
            assertEquals(
                    Double.doubleToLongBits(Math.sqrt(x)), Double.doubleToLongBits(Fdlibm.sqrt(x)), "sqrt(" + x + ")");
        }
    }

    @Test
    void knownValues() {
        assertEquals(0.0, Fdlibm.log(1.0));
        assertEquals(1.0, Fdlibm.exp(0.0));
        assertEquals(Math.E, Fdlibm.exp(1.0), Math.ulp(Math.E)); // fdlibm is 1 ulp above
        assertEquals(1.0, Fdlibm.log(Math.E), 1e-16);
        assertEquals(0x1p-1074, Fdlibm.pow(2, -1074));
        assertEquals(1024.0, Fdlibm.pow(2, 10));
        assertEquals(-27.0, Fdlibm.pow(-3, 3));
        assertTrue(Double.isNaN(Fdlibm.pow(-8, 1.0 / 3)));
        assertEquals(Math.PI / 4, Fdlibm.atan(1.0));
        assertEquals(1.0, Fdlibm.tanh(800));
        assertEquals(-1.0, Fdlibm.tanh(-800));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Fdlibm.sin(-0.0)));
    }

    private static void checkPow(double x, double y, List<String> mismatches) {
        check("pow(" + x + ", y)", y, Fdlibm.pow(x, y), StrictMath.pow(x, y), mismatches);
    }

    /** Records a mismatch (at most 20, so a broken port does not flood the report). */
    private static void check(String name, double x, double ours, double reference, List<String> mismatches) {
        boolean same = Double.isNaN(reference)
                ? Double.isNaN(ours)
                : Double.doubleToRawLongBits(ours) == Double.doubleToRawLongBits(reference);
        if (!same && mismatches.size() < 20) {
            mismatches.add(name + " at " + x + " (0x" + Long.toHexString(Double.doubleToRawLongBits(x)) + "): Fdlibm "
                    + ours + ", StrictMath " + reference);
        }
    }

    private static double[][] join(double[][] a, double[][] b) {
        double[][] out = new double[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
