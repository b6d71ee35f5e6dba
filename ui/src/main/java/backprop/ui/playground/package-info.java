/**
 * The playground's pure page logic: the frame loop that trains within a time budget, spec edits,
 * layer markup, the network's layout and readouts. Tested on the JVM; {@code web-client} binds it
 * to the DOM.
 */
package backprop.ui.playground;
