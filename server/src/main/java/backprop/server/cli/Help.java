package backprop.server.cli;

import backprop.engine.bench.Benchmarks;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The texts of {@code --help}, {@code <command> --help} and {@code --version}. */
public final class Help {
    private Help() {}

    /** True when {@code args} ask for help: {@code --help} or {@code -h} anywhere. */
    public static boolean asked(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** The whole jar's help. */
    public static String general() {
        return """
                Backprop Playground %s: train small neural networks in the browser, share and embed them.

                Usage: java -jar backprop-playground.jar [command] [options]

                Commands:
                  serve   the web server (the default when no command is given)
                  train   train a spec on the JVM, one JSON line per report
                  grad    value and gradient of an expression
                  bench   the engine's benchmarks, one JSON line per workload
                  export  the experiment as a runnable NumPy or PyTorch script

                Options:
                  --help, -h     this text; <command> --help for one command's
                  --version      the version

                Bad input: one line on stderr naming what is wrong, exit status 2.
                """.formatted(version());
    }

    /**
     * One command's help, or null for an unknown command.
     */
    public static String of(String command) {
        return switch (command) {
            case "serve" -> """
                    Usage: serve [--port N] [--db FILE] [--host ADDRESS]

                    Serves the playground on http://127.0.0.1:7070/ with an SQLite file under ./data/.
                      --port N          port (0..65535; 0 picks a free one); BACKPROP_PORT
                      --db FILE         the SQLite file; BACKPROP_DB
                      --host ADDRESS    address to listen on; BACKPROP_HOST
                    Variables: BACKPROP_DB_URL, _USER, _PASSWORD (PostgreSQL), BACKPROP_PUBLIC_URL,
                    BACKPROP_ADMIN_TOKEN, BACKPROP_SAVE_LIMIT_PER_MINUTE, BACKPROP_CLIENT_IP_HEADER,
                    BACKPROP_STORAGE_QUOTA_MB, BACKPROP_ACCESS_LOG (see the README).
                    SIGTERM: finishes the requests under way for at most 20 s, then exits 143.
                    """;
            case "train" -> """
                    Usage: train '<spec>' --epochs N [--every K] [--data FILE.csv]

                    Trains the spec on the JVM and prints one JSON object per line at epochs K, 2K, ...
                    and always at N: {"epoch","trainLoss","testLoss","trainAccuracy","testAccuracy","fingerprint"}.
                    A diverged run ends with "diverged":true and exit status 3.
                      --epochs N    epochs to train (0..10000000), required
                      --every K     report every K epochs (default: only at N)
                      --data FILE   train on the points of a CSV file (x1,x2,label[,split])
                    Only when reg is not none: "penalty" (λ·R(W)) and "totalLoss" follow the accuracies.
                    """;
            case "export" -> """
                    Usage: export '<spec>' --format numpy|pytorch [--epochs N] [--data FILE.csv]

                    Prints one runnable Python file for the experiment: its data, network, loss,
                    optimizer, batch order and initial weights. The NumPy script trains N epochs
                    (default 100) and prints "<epoch> <train loss>" per epoch, like train --every 1.
                    """;
            case "grad" -> """
                    Usage: grad '<expression>' name=value ...

                    Prints {"value":..,"gradient":{"name":..,...}} for the expression at the given values,
                    e.g. grad '(x+y)*z' x=-2 y=5 z=-4.
                    """;
            case "bench" -> """
                    Usage: bench [workload] [--quick]

                    Runs the engine's benchmarks (all, or the one named) and prints one JSON object per
                    workload as its last lines. Workloads: %s.
                      --quick    smaller sizes, for a quick look
                    """.formatted(String.join(", ", Benchmarks.WORKLOADS));
            default -> null;
        };
    }

    /** The version the jar was built as ("dev" when run from classes without it). */
    public static String version() {
        try (InputStream in = Help.class.getResourceAsStream("/backprop-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
