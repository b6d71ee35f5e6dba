package backprop.server;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The product jar's entry point: {@code serve} (default) or {@code train}. Reads configuration
 * from arguments and {@code BACKPROP_*} variables, then hands over. Bad input: one line on
 * stderr, exit status 2.
 */
public final class Main {
    static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("--") ? "serve" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
        int status;
        try {
            status = switch (command) {
                case "serve" -> serve(rest, System.getenv());
                case "train" -> TrainCommand.run(rest, System.out);
                case "bench" -> BenchCommand.run(rest, System.out, System.err);
                case "grad" -> GradCommand.run(rest, System.out);
                case "export" -> ExportCommand.run(rest, System.out);
                default -> throw new UsageException("unknown command \"" + command + "\"; commands: serve, train, grad, bench, export");
            };
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            status = EXIT_USAGE;
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Starts the server and returns 0 once it listens (the JVM stays up for Jetty's threads). */
    static int serve(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("BACKPROP_HOST", "127.0.0.1");
        int port = parsePort(env.getOrDefault("BACKPROP_PORT", "7070"), "BACKPROP_PORT");
        String db = env.getOrDefault("BACKPROP_DB", "data/backprop.db");
        boolean exitOnStdinClose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"), "--port");
                case "--db" -> db = value(args, ++i, "--db");
                case "--host" -> host = value(args, ++i, "--host");
                case "--exit-on-stdin-close" -> exitOnStdinClose = true;
                default -> throw new UsageException("serve: unknown option \"" + args[i]
                        + "\"; options: --port N, --db FILE, --host ADDRESS, --exit-on-stdin-close");
            }
        }
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new UsageException("serve: " + e.getMessage());
        }
        String dbUrl = env.get("BACKPROP_DB_URL");
        Storage storage = dbUrl == null || dbUrl.isBlank()
                ? Storage.sqlite(Path.of(db))
                : Storage.jdbc(dbUrl, env.get("BACKPROP_DB_USER"), env.get("BACKPROP_DB_PASSWORD"));
        Javalin app = App.create(storage, config).start(host, port);
        PrintStream out = System.out;
        out.println("Backprop Playground on http://" + host + ":" + app.port() + "/ (storage: " + storage.kind() + ")");
        out.flush();
        if (exitOnStdinClose) {
            stopWhenStdinCloses(app);
        }
        return 0;
    }

    /** For servers started by tests: when the parent process goes away, so does the server. */
    private static void stopWhenStdinCloses(Javalin app) {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // ignore input; wait for end of stream
                }
            } catch (java.io.IOException e) {
                // treat as closed
            }
            app.stop();
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
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

    /** Bad command-line input: printed as one line, exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
