package backprop.server.challenges;

import backprop.engine.spec.SpecCodec;
import backprop.ui.challenge.Goal;

/**
 * Not a test: how long verifying each gallery solution takes on this machine (the median of five,
 * after a warm-up), and the throughput of one verifier thread. Run like the load run (README).
 */
public final class VerificationRun {
    private VerificationRun() {}

    public static void main(String[] args) {
        try (AttemptVerifier verifier = new AttemptVerifier(1, 8, Long.MAX_VALUE, Long.MAX_VALUE)) {
            for (Gallery.Entry entry : Gallery.ENTRIES) {
                Goal goal = entry.content().rules().goal();
                double[] ms = new double[6];
                for (int i = 0; i < ms.length; i++) {
                    long start = System.nanoTime();
                    verifier.verify(SpecCodec.parseStrict(entry.solution()), entry.solutionEpoch(), goal.metric());
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                double[] timed = java.util.Arrays.copyOfRange(ms, 1, ms.length);
                java.util.Arrays.sort(timed);
                System.out.printf(
                        "%-55s epoch %4d  median %7.1f ms  (%.1f verifications/s on one thread)%n",
                        entry.content().title(), entry.solutionEpoch(), timed[2], 1000 / timed[2]);
            }
        }
    }
}
