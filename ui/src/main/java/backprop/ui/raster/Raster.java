package backprop.ui.raster;

import java.util.Arrays;

/**
 * An RGBA pixel buffer in the byte order a canvas {@code ImageData} expects on little-endian
 * machines: each int is 0xAABBGGRR. Views draw into it in Java; the shell hands it to the
 * canvas once per frame.
 */
public final class Raster {
    private final int width;
    private final int height;
    private final int[] pixels;

    public Raster(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("raster size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The live pixel array (0xAABBGGRR each). */
    public int[] pixels() {
        return pixels;
    }

    /** Packs 0xRRGGBB into the canvas byte order, opaque. */
    public static int opaque(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return 0xFF000000 | (b << 16) | (g << 8) | r;
    }

    /** Back from canvas order to 0xRRGGBB (alpha dropped). */
    public static int rgbOf(int pixel) {
        int r = pixel & 0xFF;
        int g = (pixel >> 8) & 0xFF;
        int b = (pixel >> 16) & 0xFF;
        return (r << 16) | (g << 8) | b;
    }

    public int rgbAt(int x, int y) {
        return rgbOf(pixels[y * width + x]);
    }

    public void fill(int rgb) {
        Arrays.fill(pixels, opaque(rgb));
    }

    /** Fully transparent: an overlay that shows what is under it. */
    public void clear() {
        Arrays.fill(pixels, 0);
    }

    /**
     * Blends {@code rgb} over the pixel with coverage {@code alpha} in [0, 1]. Over a transparent
     * pixel the colour keeps the coverage as its alpha (anti-aliased edges on an overlay).
     */
    public void blend(int x, int y, int rgb, double alpha) {
        if (x < 0 || y < 0 || x >= width || y >= height || alpha <= 0) {
            return;
        }
        int i = y * width + x;
        int under = pixels[i];
        if ((under >>> 24) == 0) {
            int a = alpha >= 1 ? 255 : (int) (alpha * 255 + 0.5);
            pixels[i] = (opaque(rgb) & 0x00FFFFFF) | (a << 24);
        } else if ((under >>> 24) == 255) {
            pixels[i] = opaque(alpha >= 1 ? rgb : Palette.mix(rgbOf(under), rgb, alpha));
        } else {
            // Partly covered overlay pixel: mix the colours, keep the larger coverage.
            int a = Math.max(under >>> 24, alpha >= 1 ? 255 : (int) (alpha * 255 + 0.5));
            int mixed = alpha >= 1 ? rgb : Palette.mix(rgbOf(under), rgb, alpha);
            pixels[i] = (opaque(mixed) & 0x00FFFFFF) | (a << 24);
        }
    }

    /**
     * An anti-aliased disc with an outline ring: {@code fillRgb} inside radius
     * {@code radius - ring}, {@code ringRgb} in the ring. Coverage is the pixel-centre distance
     * smoothed over one pixel.
     */
    public void disc(double cx, double cy, double radius, double ring, int fillRgb, int ringRgb) {
        int x0 = (int) Math.floor(cx - radius - 1);
        int x1 = (int) Math.ceil(cx + radius + 1);
        int y0 = (int) Math.floor(cy - radius - 1);
        int y1 = (int) Math.ceil(cy + radius + 1);
        double inner = radius - ring;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                double d = Math.sqrt(dx * dx + dy * dy);
                double outerCoverage = clamp01(radius + 0.5 - d);
                if (outerCoverage <= 0) {
                    continue;
                }
                double innerCoverage = clamp01(inner + 0.5 - d);
                int rgb = innerCoverage >= 1 ? fillRgb : Palette.mix(ringRgb, fillRgb, innerCoverage);
                blend(x, y, rgb, outerCoverage);
            }
        }
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
