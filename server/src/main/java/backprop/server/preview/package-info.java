/** The saved experiment's decision-boundary picture as PNG, drawn by the same {@code ui} raster code as the page, and its cache. */
package backprop.server.preview;
