/**
 * Challenges without HTTP: reading and validating a challenge and an attempt (the rules are
 * {@code backprop.ui.challenge}'s, the same the page enforces), content-addressed ids, the
 * canonical JSON, and the verification of attempts by retraining them on the JVM in a bounded
 * pool within a budget. Refusals are {@link backprop.server.problems.ApiError}s.
 */
package backprop.server.challenges;
