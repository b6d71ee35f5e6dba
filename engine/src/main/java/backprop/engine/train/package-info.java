/**
 * Training: the {@link backprop.engine.train.Trainer} (one example, one mini-batch, one epoch),
 * metrics, diagnostics, the fingerprint and snapshots. Randomness comes from the spec's seed
 * through separate streams ({@link backprop.engine.train.RandomStreams}), so the shuffle of
 * epoch k does not depend on how the run got there.
 */
package backprop.engine.train;
