package backprop.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Rng#reseed} must restart exactly the stream {@link Rng#derive} gives, whatever came before. */
class RngReseedTest {

    @Test
    void reseedGivesTheDerivedStream() {
        Rng reused = new Rng(12345);
        long[][] cases = {{1, 3, 0}, {1, 3, 1}, {1, 3, 999}, {0, 1, 0}, {2147483647L, 2, 7}, {-5, 3, 42}};
        for (long[] c : cases) {
            reused.nextGaussian(); // leaves a spare Gaussian behind, which reseed must drop
            reused.reseed(c[0], c[1], c[2]);
            Rng fresh = Rng.derive(c[0], c[1], c[2]);
            for (int i = 0; i < 50; i++) {
                assertEquals(
                        fresh.nextLong(), reused.nextLong(), "stream " + c[0] + "/" + c[1] + "/" + c[2] + " at " + i);
            }
            assertEquals(
                    Double.doubleToRawLongBits(fresh.nextGaussian()),
                    Double.doubleToRawLongBits(reused.nextGaussian()));
            int[] a = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
            int[] b = a.clone();
            fresh.shuffle(a);
            reused.shuffle(b);
            assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        }
    }
}
