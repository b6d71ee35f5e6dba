package backprop.server.preview;

import backprop.engine.train.Trainer;
import backprop.server.experiments.SavedRun;
import backprop.server.store.Experiment;
import backprop.ui.raster.OutputView;
import backprop.ui.raster.Palette;
import backprop.ui.raster.Raster;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * The preview image of a saved experiment: {@value #SIZE} x {@value #SIZE} pixels, the decision
 * regions the trained network draws over [-6, 6]² with the training and test points on top,
 * painted by the browser's own view code ({@link OutputView}) from the same engine. Without a
 * snapshot (nothing trained) it is the data alone: the points over the neutral background.
 *
 * <p>Composition, per pixel: the {@value OutputView#GRID}² region raster scaled bilinearly (cell
 * centres as samples, edges clamped), then the points overlay alpha-blended over it:
 * {@code out = point * a + region * (1 - a)} per channel.
 */
public final class PreviewRenderer {
    /** Width and height of a preview, in pixels (square like the output panel), unless a smaller one is asked for. */
    public static final int SIZE = 600;
    /** The smallest preview drawn (an oEmbed consumer's thumbnail limit may ask for less: it gets this). */
    public static final int MIN_SIZE = 64;

    static {
        // No display on a server; ImageIO's PNG writer needs none, but make sure AWT never looks for one.
        System.setProperty("java.awt.headless", "true");
        ImageIO.setUseCache(false); // encode in memory, no temporary files
    }

    private PreviewRenderer() {}

    /**
     * The PNG bytes for a stored experiment.
     *
     * @throws IllegalArgumentException when the stored spec no longer parses (never for content
     *     this server validated)
     */
    public static byte[] render(Experiment experiment) {
        return render(experiment, SIZE);
    }

    /**
     * The same at {@code size} x {@code size} pixels, drawn at that size (points keep their
     * pixel size), for thumbnails.
     *
     * @throws IllegalArgumentException when size is outside [{@value #MIN_SIZE}, {@value #SIZE}]
     */
    public static byte[] render(Experiment experiment, int size) {
        if (size < MIN_SIZE || size > SIZE) {
            throw new IllegalArgumentException("size: " + size + "; allowed: " + MIN_SIZE + " to " + SIZE + " pixels");
        }
        Trainer trained = resumed(experiment);
        if (trained != null) {
            return png(compose(trained, true, size), size);
        }
        return png(compose(SavedRun.fresh(experiment), false, size), size);
    }

    /**
     * The trainer in the saved state, or null when there is no snapshot. A snapshot this engine
     * cannot resume (it was validated when saved, so only a future format change could cause
     * that) gives null too: the data alone rather than a failed image.
     */
    private static Trainer resumed(Experiment experiment) {
        if (experiment.snapshot() == null) {
            return null;
        }
        try {
            return SavedRun.saved(experiment);
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(PreviewRenderer.class)
                    .warn(
                            "preview of {}: snapshot not resumable ({}), drawing the data alone",
                            experiment.id(),
                            e.getMessage());
            return null;
        }
    }

    /**
     * The image as 0xRRGGBB ints, row-major, {@value #SIZE} wide: regions when {@code trained},
     * else the neutral background, with every point (training and test) on top.
     */
    static int[] compose(Trainer trainer, boolean trained) {
        return compose(trainer, trained, SIZE);
    }

    static int[] compose(Trainer trainer, boolean trained, int size) {
        OutputView view = new OutputView(size, trainer.outputs());
        view.paintPoints(trainer, true);
        int[] rgb = new int[size * size];
        if (trained) {
            view.paintRegions(trainer, false);
            scaleBilinear(view.regions(), rgb, size);
        } else {
            Arrays.fill(rgb, Palette.NEUTRAL_RGB);
        }
        int[] overlay = view.points().pixels();
        for (int i = 0; i < rgb.length; i++) {
            int pixel = overlay[i];
            int alpha = pixel >>> 24;
            if (alpha != 0) {
                rgb[i] = Palette.mix(rgb[i], Raster.rgbOf(pixel), alpha / 255.0);
            }
        }
        return rgb;
    }

    /** Scales the (opaque) GRID x GRID raster to size x size into {@code out} (0xRRGGBB). */
    private static void scaleBilinear(Raster source, int[] out, int size) {
        int n = source.width();
        double step = (double) n / size;
        for (int y = 0; y < size; y++) {
            double sy = clamp((y + 0.5) * step - 0.5, n - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, n - 1);
            double fy = sy - y0;
            for (int x = 0; x < size; x++) {
                double sx = clamp((x + 0.5) * step - 0.5, n - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, n - 1);
                double fx = sx - x0;
                int top = Palette.mix(source.rgbAt(x0, y0), source.rgbAt(x1, y0), fx);
                int bottom = Palette.mix(source.rgbAt(x0, y1), source.rgbAt(x1, y1), fx);
                out[y * size + x] = Palette.mix(top, bottom, fy);
            }
        }
    }

    private static double clamp(double v, int max) {
        return v < 0 ? 0 : (v > max ? max : v);
    }

    static byte[] png(int[] rgb) {
        return png(rgb, SIZE);
    }

    static byte[] png(int[] rgb, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, size, size, rgb, 0, size);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("this Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the preview PNG", e);
        }
        return bytes.toByteArray();
    }
}
