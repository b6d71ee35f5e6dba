/**
 * The numpy-loop stepper's page model: the lecture's twenty-line training loop
 * ({@link backprop.engine.loop.NumpyLoop}) stepped line by line, its arrays with their shapes,
 * the losses so far and the gradient checks, as markup for the page shell. Pure.
 */
package backprop.ui.loop;
