package backprop.server;

import backprop.server.cli.BenchCommand;
import backprop.server.cli.ExportCommand;
import backprop.server.cli.GradCommand;
import backprop.server.cli.ServeCommand;
import backprop.server.cli.TrainCommand;
import backprop.server.cli.UsageException;
import java.util.Arrays;

/**
 * The product jar's entry point: picks the subcommand ({@code serve}, the default, {@code train},
 * {@code grad}, {@code bench}) and hands over to {@code backprop.server.cli}. Bad input: one line
 * on stderr, exit status 2.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 || args[0].startsWith("--") ? "serve" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
        int status;
        try {
            status = switch (command) {
                case "serve" -> ServeCommand.run(rest, System.getenv(), System.out);
                case "train" -> TrainCommand.run(rest, System.out);
                case "bench" -> BenchCommand.run(rest, System.out, System.err);
                case "grad" -> GradCommand.run(rest, System.out);
                case "export" -> ExportCommand.run(rest, System.out);
                default -> throw new UsageException("unknown command \"" + command + "\"; commands: serve, train, grad, bench, export");
            };
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            status = UsageException.EXIT_STATUS;
        }
        if (status != 0) {
            System.exit(status);
        }
    }
}
