/**
 * The command line: {@code serve}, {@code train}, {@code grad}, {@code bench}. Each command parses
 * its own options; bad input is a {@link backprop.server.cli.UsageException} (one line on stderr,
 * exit status 2). {@code --help}, {@code <command> --help} and {@code --version} ({@link
 * backprop.server.cli.Help}) exit 0; {@code serve} drains on SIGTERM ({@code GracefulShutdown}).
 */
package backprop.server.cli;
