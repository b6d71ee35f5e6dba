package backprop.engine.bench;

/**
 * A monotonic clock in milliseconds, given by the caller: the engine has no clock of its own
 * ({@code System.nanoTime} on the JVM, {@code performance.now()} in the browser).
 */
@FunctionalInterface
public interface Clock {
    double nowMs();
}
