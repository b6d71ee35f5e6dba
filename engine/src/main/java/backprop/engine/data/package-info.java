/**
 * The toy datasets of TensorFlow Playground (and a few more) in [-6, 6]², their noise, the
 * seeded train/test split and the seven input features. Everything random comes from one
 * {@link backprop.engine.math.Rng} handed in by the caller, so a seed fixes the data.
 */
package backprop.engine.data;
