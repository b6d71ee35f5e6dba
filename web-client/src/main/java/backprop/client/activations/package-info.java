/**
 * The activation lab's TeaVM shell ({@code /activations}): binds the lab's models in
 * {@code backprop.ui.activations} (catalogue, curves, cost, race, zig-zag, dying ReLU, composed
 * activations) to the page's canvases and controls.
 */
package backprop.client.activations;
