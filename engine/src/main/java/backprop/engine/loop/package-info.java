/**
 * The lecture's twenty-line numpy training loop (a two-layer sigmoid network, squared loss,
 * gradient descent) as something to step through line by line on small matrices: each line's
 * array with its shape and values, and the gradients checked against central differences.
 */
package backprop.engine.loop;
