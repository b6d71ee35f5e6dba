package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The training loop allocates nothing once warm: the bytes this thread allocates over 100 epochs
 * (the JVM counts them exactly per thread) are zero, for the benchmark's spec and for specs that
 * use the other layer kinds, losses and optimizers. Run with {@code -DargLine=-Xint} it checks the
 * source itself, with no escape analysis to hide an allocation.
 */
class TrainerAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long bytesAllocatedBy(Runnable work) {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        work.run();
        return THREADS.getThreadAllocatedBytes(id) - before;
    }

    private static void assertEpochsAllocateNothing(String specText) {
        Trainer trainer = new Trainer(SpecCodec.parseStrict(specText));
        // warm-up: class loading, the JIT's first compilations, and the measuring call itself
        for (int e = 0; e < 300; e++) {
            trainer.stepEpoch();
        }
        bytesAllocatedBy(() -> {});
        // A loop that allocates does so in every window. A one-off allocation by the JVM itself (a
        // deoptimisation re-materialising an object that escape analysis had removed, while a busy
        // machine delays compilation) shows in one window only: up to twenty windows, one must be 0.
        java.util.List<Long> windows = new java.util.ArrayList<>();
        for (int w = 0; w < 20; w++) {
            long bytes = bytesAllocatedBy(() -> {
                for (int e = 0; e < 100; e++) {
                    trainer.stepEpoch();
                }
            });
            assertTrue(!trainer.diverged(), specText + " diverged");
            if (bytes == 0) {
                return;
            }
            windows.add(bytes);
        }
        throw new AssertionError(specText + ": bytes allocated by each window of 100 epochs after warm-up: " + windows);
    }

    @Test
    void theAllocationCounterSeesAllocations() {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        long bytes = bytesAllocatedBy(() -> {
            double[][] sink = new double[100][];
            for (int i = 0; i < sink.length; i++) {
                sink[i] = new double[100];
            }
            assertEquals(100, sink[99].length);
        });
        assertTrue(bytes >= 80_000, "saw only " + bytes + " bytes");
    }

    @Test
    void defaultSpecEpochsAllocateNothing() {
        assertEpochsAllocateNothing(Spec.DEFAULT_TEXT);
    }

    @Test
    void otherLayerKindsLossesAndOptimizersAllocateNothing() {
        assertEpochsAllocateNothing("data=xor&layers=6:maxout,5:prelu&loss=svm&opt=adam&lr=0.01&reg=l2&lambda=0.001");
        assertEpochsAllocateNothing(
                "data=gauss&classes=3&n=200&layers=8:relu&loss=mse&opt=momentum&reg=l1&lambda=0.0001&batch=100");
        assertEpochsAllocateNothing("data=plane&classes=1&loss=mse&layers=4:gelu&batch=1&n=100");
        assertEpochsAllocateNothing("data=moons&layers=6:sigmul_bx_x_1.5,5:mix_tanh_atan_0.3&opt=adam&lr=0.01");
    }

    @Test
    void batchNormalizedLayersAllocateNothing() {
        // a last batch of one example each epoch, and maxout pieces normalized
        assertEpochsAllocateNothing("data=xor&n=102&layers=6:relu:bn,4:maxout:bn&opt=adam&lr=0.01&batch=10");
        assertEpochsAllocateNothing("data=circle&n=300&layers=5:tanh:bn&batch=150&reg=l2&lambda=0.001");
    }
}
