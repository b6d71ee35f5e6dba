package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.spec.Spec;
import org.junit.jupiter.api.Test;

/**
 * Prints the training speed of the default spec (the {@code playground} workload: training passes
 * only). A figure, not a target: the time depends on the machine and its load.
 */
class TrainerSpeedTest {

    @Test
    void printsEpochsPerSecondForTheDefaultSpec() {
        Trainer trainer = new Trainer(Spec.defaults());
        for (int e = 0; e < 3000; e++) {
            trainer.stepEpoch();
        }
        double best = 0;
        for (int round = 0; round < 3; round++) {
            int epochs = 3000;
            long start = System.nanoTime();
            for (int e = 0; e < epochs; e++) {
                trainer.stepEpoch();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, epochs / seconds);
        }
        System.out.println("playground (default spec) on the JVM: " + Math.round(best) + " epochs/s");
        assertEquals(12000, trainer.epoch());
    }
}
