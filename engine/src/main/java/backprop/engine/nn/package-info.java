/**
 * Networks: activations as (f, f') pairs (built-in ones in {@link backprop.engine.nn.Activations},
 * composed ones b(u1(x), u2(x)) in {@link backprop.engine.nn.ComposedActivation} from
 * {@link backprop.engine.nn.UnaryFunctions} and {@link backprop.engine.nn.BinaryFunctions}), losses
 * with their gradients, dense and maxout layers, initializers and the network itself, with forward
 * and backward passes over a mini-batch.
 *
 * <p>Storage is flat and row-major: a layer's weights are {@code [out][in]} in one
 * {@code double[]} shared by the whole network ({@link backprop.engine.nn.Network#parameters()}),
 * activations are {@code [row][unit]}. Nothing allocates during forward or backward.
 */
package backprop.engine.nn;
