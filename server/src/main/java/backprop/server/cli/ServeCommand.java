package backprop.server.cli;

import backprop.server.http.AccessLog;
import backprop.server.http.App;
import backprop.server.http.ServerConfig;
import backprop.server.http.ServerLimits;
import backprop.server.store.Storage;
import backprop.server.store.StorageQuota;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code serve [--port N] [--db FILE] [--host ADDRESS] [--exit-on-stdin-close]}: reads the
 * options and the {@code BACKPROP_*} variables, opens the storage and starts the server.
 */
public final class ServeCommand {
    private ServeCommand() {}

    /** Starts the server and returns 0 once it listens (the JVM stays up for Jetty's threads). */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        String host = env.getOrDefault("BACKPROP_HOST", "127.0.0.1");
        int port = parsePort(env.getOrDefault("BACKPROP_PORT", "7070"), "BACKPROP_PORT");
        String db = env.getOrDefault("BACKPROP_DB", "data/backprop.db");
        boolean exitOnStdinClose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(UsageException.value(args, ++i, "--port"), "--port");
                case "--db" -> db = UsageException.value(args, ++i, "--db");
                case "--host" -> host = UsageException.value(args, ++i, "--host");
                case "--exit-on-stdin-close" -> exitOnStdinClose = true;
                default ->
                    throw new UsageException("serve: unknown option \"" + args[i]
                            + "\"; options: --port N, --db FILE, --host ADDRESS, --exit-on-stdin-close");
            }
        }
        ServerConfig config;
        AccessLog.Format accessLog;
        try {
            config = ServerConfig.fromEnvironment(env);
            accessLog = AccessLog.formatOf(env.get("BACKPROP_ACCESS_LOG"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("serve: " + e.getMessage());
        }
        long quotaBytes = quotaBytes(env.get("BACKPROP_STORAGE_QUOTA_MB"));
        String dbUrl = env.get("BACKPROP_DB_URL");
        Storage storage = dbUrl == null || dbUrl.isBlank()
                ? Storage.sqlite(Path.of(db), quotaBytes)
                : Storage.jdbc(dbUrl, env.get("BACKPROP_DB_USER"), env.get("BACKPROP_DB_PASSWORD"), quotaBytes);
        Javalin app = App.create(storage, config, ServerLimits.defaults(), new AccessLog(accessLog, out))
                .start(host, port);
        GracefulShutdown shutdown = new GracefulShutdown(app, storage, out);
        shutdown.install();
        out.println("Backprop Playground on http://" + host + ":" + app.port() + "/ (storage: " + storage.kind() + ")");
        out.flush();
        if (exitOnStdinClose) {
            stopWhenStdinCloses(shutdown);
        }
        return 0;
    }

    /** For servers started by tests: when the parent process goes away, so does the server. */
    private static void stopWhenStdinCloses(GracefulShutdown shutdown) {
        Thread watcher = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // ignore input; wait for end of stream
                        }
                    } catch (IOException e) {
                        // treat as closed
                    }
                    shutdown.run();
                    System.exit(0);
                },
                "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** {@code BACKPROP_STORAGE_QUOTA_MB}: megabytes saved experiments may take, 0 = no quota; unset = the default. */
    static long quotaBytes(String text) {
        if (text == null || text.isBlank()) {
            return StorageQuota.DEFAULT_BYTES;
        }
        try {
            long megabytes = Long.parseLong(text.trim());
            if (megabytes >= 0 && megabytes <= 1L << 30) {
                return megabytes * 1024 * 1024;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(
                "BACKPROP_STORAGE_QUOTA_MB: \"" + text + "\"; allowed: an integer from 0 (no quota) to " + (1L << 30)
                        + " megabytes (default " + StorageQuota.DEFAULT_BYTES / (1024 * 1024) + ")");
    }

    private static int parsePort(String text, String name) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + ": \"" + text + "\" is not a port; allowed: an integer from 0 to 65535");
    }
}
