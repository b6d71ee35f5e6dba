package backprop.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.train.Trainer;

/**
 * Compares the {@code <epoch> <train loss>} lines of an exported script with the engine's own
 * epochs, continuing {@code trainer}: |a - b| <= 1e-9 |a| + 1e-12 at every epoch. Keeps the
 * largest difference seen, for the report.
 */
final class LossParity {
    private double worstDifference;
    private String worstSpec = "";

    void compare(String spec, Trainer trainer, int epochs, String output) {
        String[] lines = output.strip().split("\n");
        assertEquals(epochs, lines.length, () -> "expected " + epochs + " lines, got:\n" + output);
        for (String line : lines) {
            trainer.stepEpoch();
            assertTrue(!trainer.diverged(), "the engine diverged on a spec meant to be well-conditioned: " + spec);
            double expected = trainer.evaluate().trainLoss();
            String[] parts = line.split(" ");
            assertEquals(Integer.toString(trainer.epoch()), parts[0], "epoch number in: " + line);
            double actual = Double.parseDouble(parts[1]);
            double difference = Math.abs(actual - expected);
            if (difference > worstDifference) {
                worstDifference = difference;
                worstSpec = spec;
            }
            assertTrue(
                    difference <= 1e-9 * Math.abs(expected) + 1e-12,
                    "epoch " + trainer.epoch() + ": script " + actual + ", engine " + expected + ", |a - b| = "
                            + difference + " for " + spec);
        }
    }

    String report(String what) {
        return what + " parity: max |a - b| = " + worstDifference + " (" + worstSpec + ")";
    }
}
