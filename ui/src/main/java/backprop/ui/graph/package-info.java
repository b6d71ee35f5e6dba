/** The backprop explorer's session (expression, values, steps) and its SVG and table markup. */
package backprop.ui.graph;
