/** The product jar's entry point ({@link backprop.server.Main}): picks a subcommand and hands over to {@code cli}. */
package backprop.server;
