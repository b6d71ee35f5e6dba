/**
 * The activation lab's models: the catalogue, curves and cost, the race and its verdict, the
 * dying-ReLU and zig-zag experiments, composed activations. Pure; {@code web-client} draws them.
 */
package backprop.ui.activations;
