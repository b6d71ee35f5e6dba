package backprop.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tanh is rewritten for speed (expm1 inlined per argument range, 2^k from int shifts, a shortcut
 * to 1 beyond 19.5): it must still be StrictMath's tanh bit for bit, checked densely around every
 * point where its code changes path.
 */
class FdlibmTanhTest {
    /** |x| where the computation changes branch (fdlibm's and the shortcuts'). */
    private static final double[] SWITCH_POINTS = {
        0x1p-55, // x (1 + x) below
        0.34657365083694458 / 2, // expm1(-2|x|): k = 0 up to here
        1.0397205352783203 / 2, // k = -1 up to here, then k = -2, -3
        1.0, // expm1(2|x|) from here
        19.5 * 0.6931471805599453 / 2, // k = 20: the last step of expm1 changes
        19.5, // 1 from here
        22.0, // fdlibm's own cut-off
        0x1p511,
        0x1p512, // x * x overflows (no effect on the result)
    };

    private static void check(double x, List<String> mismatches) {
        double ours = Fdlibm.tanh(x);
        double reference = StrictMath.tanh(x);
        if (Double.doubleToRawLongBits(ours) != Double.doubleToRawLongBits(reference)) {
            mismatches.add("tanh(" + x + "): " + ours + " != StrictMath " + reference);
        }
    }

    @Test
    void matchesStrictMathAroundEverySwitchPoint() {
        List<String> mismatches = new ArrayList<>();
        Rng rng = new Rng(55);
        for (double point : SWITCH_POINTS) {
            for (double sign : new double[] {1, -1}) {
                double x = sign * point;
                double up = x;
                double down = x;
                for (int i = 0; i < 2_000; i++) { // the nearest doubles on both sides
                    check(up, mismatches);
                    check(down, mismatches);
                    up = Math.nextUp(up);
                    down = Math.nextDown(down);
                }
                double width = point * 1e-3;
                for (int i = 0; i < 20_000; i++) { // and a neighbourhood
                    check(x + rng.uniform(-width, width), mismatches);
                }
            }
        }
        assertEquals(List.of(), mismatches.size() > 20 ? mismatches.subList(0, 20) : mismatches);
    }

    @Test
    void matchesStrictMathOnTheRangeTrainingUses() {
        List<String> mismatches = new ArrayList<>();
        Rng rng = new Rng(56);
        for (int i = 0; i < 400_000; i++) {
            check(rng.nextGaussian() * 6, mismatches);
        }
        assertEquals(List.of(), mismatches.size() > 20 ? mismatches.subList(0, 20) : mismatches);
    }
}
