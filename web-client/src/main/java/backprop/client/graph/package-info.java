/** The backprop explorer's TeaVM shell: binds {@code backprop.ui.graph} to the page. */
package backprop.client.graph;
