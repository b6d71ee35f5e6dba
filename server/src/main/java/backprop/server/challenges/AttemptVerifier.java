package backprop.server.challenges;

import backprop.engine.data.Dataset;
import backprop.engine.spec.Spec;
import backprop.engine.train.Trainer;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import backprop.ui.challenge.GoalMetric;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Retrains attempts on the JVM, the engine's bits: the run the student's page made, from epoch 0
 * to the attempt's epoch boundary.
 *
 * <p>The budget. An attempt's work is estimated before it is queued as epochs x training
 * examples x parameters (each parameter is read forward and written backward once per example):
 * at most {@link #DEFAULT_WORK_BUDGET}. Measured on one core of the 2-core build machine while
 * other builds ran (load 8): 1.4e8 units a second on the default spiral network (114 parameters,
 * 250 training points), 3.4e8 on 16:relu,16:relu with 3 classes, so the budget is 2 to 4 s of one
 * core, what a student waits for without thinking the page broke; a gallery-sized solution
 * (16x16 units, 300 points, 300 epochs) costs 3.3e7, a twentieth of it. A worker also stops a
 * run whose thread has used more than {@link #DEFAULT_CPU_BUDGET_NANOS} of CPU (an estimate gone
 * wrong, a slower machine) and refuses it as over budget.
 *
 * <p>The queue. {@link #workers()} threads (half the cores, at least one, at the lowest priority)
 * take verifications from a queue of {@link #queueCapacity()}; when it is full an attempt is
 * answered 503 with {@code Retry-After} at once, so verifications never hold more than those
 * threads and never starve the pages and reads of the other cores.
 */
public final class AttemptVerifier implements AutoCloseable {
    public static final long DEFAULT_WORK_BUDGET = 600_000_000L;
    public static final long DEFAULT_CPU_BUDGET_NANOS = 10_000_000_000L;
    public static final int DEFAULT_QUEUE = 4;

    private final long workBudget;
    private final long cpuBudgetNanos;
    private final int workers;
    private final int queueCapacity;
    private final ThreadPoolExecutor pool;

    /** What the server measured. {@code value} is NaN when the run diverged. */
    public record Verified(int epoch, double value, String fingerprint, boolean diverged) {}

    /** The server's: half the cores, the default budgets and queue. */
    public static AttemptVerifier standard() {
        return new AttemptVerifier(
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                DEFAULT_QUEUE,
                DEFAULT_WORK_BUDGET,
                DEFAULT_CPU_BUDGET_NANOS);
    }

    public AttemptVerifier(int workers, int queueCapacity, long workBudget, long cpuBudgetNanos) {
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        this.workBudget = workBudget;
        this.cpuBudgetNanos = cpuBudgetNanos;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), task -> {
                    Thread t = new Thread(task, "backprop-verifier-" + count.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.MIN_PRIORITY);
                    return t;
                });
    }

    public int workers() {
        return workers;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    /** Verifications waiting (for metrics and tests). */
    public int queued() {
        return pool.getQueue().size();
    }

    /** Verifications training now. */
    public int running() {
        return pool.getActiveCount();
    }

    /** The work units of training {@code spec} for {@code epochs} epochs (see the class comment). */
    public static long cost(Trainer fresh, int epochs) {
        return (long) epochs * fresh.data().trainSize() * fresh.network().parameters().length;
    }

    /**
     * Trains {@code spec} from epoch 0 to {@code epoch} and measures {@code metric} there.
     *
     * @throws ApiError 422 over the budget (before training, or when the run outgrows its CPU
     *     time); 503 with {@code Retry-After} when the queue is full
     */
    public Verified verify(Spec spec, int epoch, GoalMetric metric) {
        return verify(spec, null, epoch, metric);
    }

    /**
     * {@link #verify(Spec, int, GoalMetric)} on imported points ({@code points}, null for the
     * spec's own data): the budget counts their training points as it counts generated ones.
     */
    public Verified verify(Spec spec, Dataset points, int epoch, GoalMetric metric) {
        Trainer trainer = new Trainer(spec, points);
        long cost = cost(trainer, epoch);
        if (cost > workBudget) {
            throw overBudget(
                    "epoch",
                    Integer.toString(epoch),
                    "at most " + workBudget + " units of work (epochs x training points x parameters); this attempt"
                            + " needs " + cost + ": fewer epochs, points or parameters");
        }
        Future<Verified> done;
        try {
            done = pool.submit(() -> train(trainer, epoch, metric));
        } catch (RejectedExecutionException full) {
            throw ApiError.unavailable(
                    "verification is busy: " + queueCapacity + " attempts are already waiting; try again in a few"
                            + " seconds",
                    5);
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw ApiError.unavailable("the server is stopping; try again", 5);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiError error) {
                throw error;
            }
            throw new IllegalStateException("verification failed", e.getCause());
        }
    }

    private Verified train(Trainer trainer, int epoch, GoalMetric metric) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        while (trainer.epoch() < epoch && !trainer.diverged()) {
            trainer.stepEpoch();
            if (threads.getCurrentThreadCpuTime() - start > cpuBudgetNanos) {
                throw overBudget(
                        "epoch",
                        Integer.toString(epoch),
                        "verification within " + cpuBudgetNanos / 1_000_000_000L + " s of CPU; this run had reached"
                                + " epoch " + trainer.epoch() + " when it ran out: fewer epochs, points or parameters");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw ApiError.unavailable("the server is stopping; try again", 5);
            }
        }
        if (trainer.diverged()) {
            return new Verified(trainer.epoch(), Double.NaN, trainer.fingerprint(), true);
        }
        return new Verified(trainer.epoch(), metric.of(trainer.evaluate()), trainer.fingerprint(), false);
    }

    private static ApiError overBudget(String key, String value, String allowed) {
        return ApiError.unprocessable(
                "the attempt was not verified: verification would exceed its budget",
                List.of(Problem.shown(key, value, allowed)));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
