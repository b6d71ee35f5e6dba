package backprop.server.challenges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.CsvImport;
import backprop.engine.data.Dataset;
import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.train.Trainer;
import backprop.server.problems.ApiError;
import backprop.ui.challenge.GoalMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AttemptVerifierTest {
    private static final String XOR = "v=1&data=xor&seed=3&features=x1,x2,x1x2&layers=&lr=0.1";

    @Test
    void verificationGivesTheEnginesOwnNumbersAtTheEpoch() {
        Spec spec = SpecCodec.parseStrict(XOR);
        Trainer local = new Trainer(spec);
        for (int i = 0; i < 40; i++) {
            local.stepEpoch();
        }
        try (AttemptVerifier verifier = AttemptVerifier.standard()) {
            AttemptVerifier.Verified verified = verifier.verify(spec, 40, GoalMetric.TEST_LOSS);
            assertEquals(40, verified.epoch());
            assertEquals(local.evaluate().testLoss(), verified.value());
            assertEquals(local.fingerprint(), verified.fingerprint());
            assertFalse(verified.diverged());
        }
    }

    @Test
    void importedPointsAreTrainedOnAndCountInTheBudget() {
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 400; i++) {
            double x1 = (i % 20) * 0.5 - 4.75;
            double x2 = (i / 20) * 0.5 - 4.75;
            csv.append(x1)
                    .append(',')
                    .append(x2)
                    .append(',')
                    .append(x1 * x2 > 0 ? 1 : 0)
                    .append('\n');
        }
        Dataset points = CsvImport.parse(csv.toString()).dataset();
        Spec spec = ImportedSpec.carry(SpecCodec.parseStrict(XOR), points);
        Trainer local = new Trainer(spec, points);
        assertEquals(200, local.data().trainSize(), "half of the 400 imported points, not the spec's n");
        for (int i = 0; i < 10; i++) {
            local.stepEpoch();
        }
        long cost = AttemptVerifier.cost(new Trainer(spec, points), 10);
        assertEquals(10L * 200 * local.network().parameters().length, cost);
        try (AttemptVerifier verifier = new AttemptVerifier(1, 1, cost, AttemptVerifier.DEFAULT_CPU_BUDGET_NANOS)) {
            AttemptVerifier.Verified verified = verifier.verify(spec, points, 10, GoalMetric.TRAIN_ACCURACY);
            assertEquals(local.evaluate().trainAccuracy(), verified.value());
            assertEquals(local.fingerprint(), verified.fingerprint());
            ApiError over =
                    assertThrows(ApiError.class, () -> verifier.verify(spec, points, 11, GoalMetric.TRAIN_ACCURACY));
            assertEquals(422, over.status());
            assertTrue(over.problems().get(0).allowed().contains("needs " + (cost / 10 * 11)), over.getMessage());
        }
    }

    @Test
    void anAttemptOverTheWorkBudgetIsRefusedBeforeTraining() {
        try (AttemptVerifier verifier =
                new AttemptVerifier(1, 1, 1_000_000, AttemptVerifier.DEFAULT_CPU_BUDGET_NANOS)) {
            Spec spec = SpecCodec.parseStrict(Spec.DEFAULT_TEXT);
            ApiError error = assertThrows(ApiError.class, () -> verifier.verify(spec, 1000, GoalMetric.TEST_LOSS));
            assertEquals(422, error.status());
            assertTrue(error.getMessage().contains("budget"), error.getMessage());
            assertTrue(
                    error.problems().get(0).allowed().contains("1000000 units"),
                    error.problems().get(0).allowed());
        }
    }

    @Test
    void aRunThatOutgrowsItsCpuTimeIsRefusedAsOverBudget() {
        try (AttemptVerifier verifier = new AttemptVerifier(1, 1, Long.MAX_VALUE, 1)) {
            Spec spec = SpecCodec.parseStrict(Spec.DEFAULT_TEXT);
            ApiError error = assertThrows(ApiError.class, () -> verifier.verify(spec, 50, GoalMetric.TEST_LOSS));
            assertEquals(422, error.status());
            assertTrue(
                    error.problems().get(0).allowed().contains("of CPU"),
                    error.problems().get(0).allowed());
        }
    }

    /** One worker busy, one waiting: the next is answered 503 with Retry-After at once. */
    @Test
    void aFullQueueAnswers503WithRetryAfter() throws Exception {
        try (AttemptVerifier verifier = new AttemptVerifier(1, 1, Long.MAX_VALUE, Long.MAX_VALUE)) {
            Spec slow = SpecCodec.parseStrict(Spec.DEFAULT_TEXT);
            ExecutorService clients = Executors.newFixedThreadPool(2);
            List<Future<AttemptVerifier.Verified>> waiting = new ArrayList<>();
            // 200000 epochs keeps the worker busy until the pool is shut down
            waiting.add(clients.submit(() -> verifier.verify(slow, 200_000, GoalMetric.TEST_LOSS)));
            waitUntil(() -> verifier.running() == 1);
            waiting.add(clients.submit(() -> verifier.verify(slow, 10, GoalMetric.TEST_LOSS)));
            waitUntil(() -> verifier.queued() == 1);
            long start = System.nanoTime();
            ApiError error = assertThrows(ApiError.class, () -> verifier.verify(slow, 10, GoalMetric.TEST_LOSS));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "refused at once");
            assertEquals(503, error.status());
            assertEquals("5", error.headers().get("Retry-After"));
            clients.shutdownNow();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Not a test: the figure behind the budget (units of work a second on one core). */
    public static void main(String[] args) {
        Spec spec = SpecCodec.parseStrict(args.length > 0 ? args[0] : Spec.DEFAULT_TEXT);
        Trainer trainer = new Trainer(spec);
        for (int i = 0; i < 200; i++) {
            trainer.stepEpoch();
        }
        long start = System.nanoTime();
        int epochs = 0;
        while (System.nanoTime() - start < 3_000_000_000L) {
            trainer.stepEpoch();
            epochs++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(
                "epochs/s " + epochs / seconds + ", units/s " + AttemptVerifier.cost(trainer, epochs) / seconds);
    }
}
