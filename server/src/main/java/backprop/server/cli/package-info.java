/**
 * The command line: {@code serve}, {@code train}, {@code grad}, {@code bench}. Each command parses
 * its own options; bad input is a {@link backprop.server.cli.UsageException} (one line on stderr,
 * exit status 2).
 */
package backprop.server.cli;
