/**
 * Saved experiments: validation of a save, content-addressed ids, the per-instance read cache and
 * the service that routes call. No HTTP here.
 */
package backprop.server.experiments;
