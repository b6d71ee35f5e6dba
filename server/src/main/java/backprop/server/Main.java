package backprop.server;

import backprop.server.cli.BenchCommand;
import backprop.server.cli.ExportCommand;
import backprop.server.cli.GradCommand;
import backprop.server.cli.Help;
import backprop.server.cli.ServeCommand;
import backprop.server.cli.TrainCommand;
import backprop.server.cli.UsageException;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The product jar's entry point: picks the subcommand ({@code serve}, the default, {@code train},
 * {@code grad}, {@code bench}) and hands over to {@code backprop.server.cli}. Bad input: one line
 * on stderr, exit status 2.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; the exit status (0 also when a server was started and keeps running). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.print(Help.general());
            return 0;
        }
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("backprop-playground " + Help.version());
            return 0;
        }
        String command = args.length == 0 || args[0].startsWith("--") ? "serve" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
        if (Help.asked(rest) && Help.of(command) != null) {
            out.print(Help.of(command));
            return 0;
        }
        try {
            return switch (command) {
                case "serve" -> ServeCommand.run(rest, System.getenv(), out);
                case "train" -> TrainCommand.run(rest, out);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "grad" -> GradCommand.run(rest, out);
                case "export" -> ExportCommand.run(rest, out);
                default ->
                    throw new UsageException("unknown command \"" + command
                            + "\"; commands: serve, train, grad, bench, export (--help for more)");
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            return UsageException.EXIT_STATUS;
        }
    }
}
