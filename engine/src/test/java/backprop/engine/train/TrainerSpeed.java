package backprop.engine.train;

import backprop.engine.spec.Spec;

/**
 * Not a test: prints the training speed of the default spec on the JVM (the {@code playground}
 * workload: training passes only). A figure, not a target: it depends on the machine and its load.
 *
 * <pre>mvn -q -pl engine test-compile exec:java -Dexec.mainClass=backprop.engine.train.TrainerSpeed -Dexec.classpathScope=test</pre>
 */
public final class TrainerSpeed {
    private TrainerSpeed() {}

    public static void main(String[] args) {
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
        System.out.println(
                "{\"workload\":\"playground\",\"runtime\":\"jvm\",\"epochsPerSecond\":" + Math.round(best) + "}");
    }
}
