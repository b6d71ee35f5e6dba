/**
 * The kink lens: at a point of a scalar function (an activation, a composed activation, or a
 * graph expression along one variable), the left and right derivatives, the one the engine's
 * convention uses (the left-hand one), the central-difference estimate, and in words why a
 * numerical gradient check fails at a kink. Pure data for the pages to show.
 */
package backprop.engine.kink;
