/**
 * Optimizers over one flat parameter array and its gradient: SGD, momentum and Adam. Each has
 * a written lifecycle ({@link backprop.engine.optim.Optimizer}) and exposes its state as a flat
 * {@code double[]} so snapshots can save and restore it bit for bit.
 */
package backprop.engine.optim;
