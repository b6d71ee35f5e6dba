package backprop.engine.graph;

/**
 * One gate's backward step, for the explanation: the chain rule with its numbers,
 * downstream[i] = upstream × local[i], and what each input held before and after adding it.
 *
 * @param gate the gate's node id
 * @param seeded true when this step also set ∂output/∂output = 1
 * @param accumulated accumulated[i] is true when input i already held a gradient from another
 *     consumer, so this step added to it (the copy gate's pattern)
 */
public record BackwardStep(
        int gate,
        boolean seeded,
        double upstream,
        double[] local,
        double[] downstream,
        double[] before,
        double[] after,
        boolean[] accumulated) {}
