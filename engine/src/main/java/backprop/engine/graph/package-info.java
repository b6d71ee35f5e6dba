/**
 * A scalar computational graph for teaching backpropagation, as in the lecture: an expression
 * parser ({@link backprop.engine.graph.ExpressionParser}), a graph of gates that keeps each
 * gate's forward value, local gradients and accumulated gradient side by side
 * ({@link backprop.engine.graph.ExpressionGraph}), a forward and a backward pass one gate at a
 * time, the gate kinds named by their pattern (add distributes, mul swaps, max routes, copy
 * adds), the lecture's presets, the explorer's URL query, and a left-to-right layout.
 *
 * <p>Limits ({@link backprop.engine.graph.GraphLimits}): 300 characters, 32 levels of nesting,
 * 100 nodes, 16 variables, values within ±1000000.
 */
package backprop.engine.graph;
