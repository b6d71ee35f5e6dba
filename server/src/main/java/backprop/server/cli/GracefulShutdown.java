package backprop.server.cli;

import backprop.server.store.Storage;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What happens on SIGTERM (and at any other orderly exit): Jetty stops accepting connections and
 * lets the requests under way finish, a save whose body is still arriving included, for at most
 * {@link backprop.server.http.App#DRAIN_MILLIS}; then the storage commits the saves still queued
 * and closes. The JVM then exits with 143 (128 + SIGTERM), the status of a clean stop on a signal.
 */
final class GracefulShutdown {
    private final Javalin app;
    private final Storage storage;
    private final PrintStream out;
    private final AtomicBoolean done = new AtomicBoolean();

    GracefulShutdown(Javalin app, Storage storage, PrintStream out) {
        this.app = app;
        this.storage = storage;
        this.out = out;
    }

    /** Runs {@link #run} when the JVM is asked to stop. */
    void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::run, "backprop-shutdown"));
    }

    /** Stops serving, drains, closes the storage; once, whoever calls first. */
    void run() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        out.println("stopping: no new connections; finishing the requests under way (at most "
                + backprop.server.http.App.DRAIN_MILLIS / 1000 + " s)");
        out.flush();
        try {
            app.stop();
        } finally {
            storage.close();
        }
        out.printf("stopped in %.1f s; storage closed%n", (System.nanoTime() - start) / 1e9);
        out.flush();
    }
}
