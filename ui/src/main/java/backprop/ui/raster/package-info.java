/**
 * Pictures as plain {@code int[]} ARGB rasters: the palette, decision regions and points, dataset
 * thumbnails. The browser hands a raster to a canvas once; the server encodes it as PNG.
 */
package backprop.ui.raster;
