package backprop.ui.raster;

import backprop.engine.data.Datasets;
import backprop.engine.data.Points;
import backprop.engine.math.Rng;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Plane;
import backprop.engine.spec.Spec;
import backprop.engine.train.RandomStreams;
import java.util.List;

/** A dataset's picture for its chooser button: its points, drawn by the engine's own generator. */
public final class Thumbnail {
    private static final int PREVIEW_POINTS = 200;

    private Thumbnail() {}

    /**
     * Pixels (canvas order) of {@code kind} with the current spec's noise and, where the set
     * allows a choice, its classes; custom data shows the spec's own points when it has them.
     */
    public static int[] draw(DatasetKind kind, Spec spec, int size) {
        Raster raster = new Raster(size, size);
        raster.fill(0xFFFFFF);
        Points points;
        if (kind == DatasetKind.CUSTOM) {
            if (spec.data() != DatasetKind.CUSTOM) {
                drawPlus(raster);
                return raster.pixels();
            }
            points = Datasets.generate(kind, spec.points().size(), 2, 0, spec.points(), new Rng(1));
        } else {
            int classes = kind.isRegression() ? 1 : (kind.hasClassChoice() ? Math.max(2, spec.classes()) : 2);
            points = Datasets.generate(
                    kind,
                    PREVIEW_POINTS,
                    classes,
                    spec.noise(),
                    List.of(),
                    Rng.derive(spec.seed(), RandomStreams.DATA, 0));
        }
        double scale = size / Plane.SIZE;
        for (int i = 0; i < points.size(); i++) {
            double x = (points.xy()[2 * i] - Plane.MIN) * scale;
            double y = (Plane.MAX - points.xy()[2 * i + 1]) * scale;
            int rgb;
            if (kind.isRegression()) {
                double t = Math.max(-1, Math.min(1, points.target()[i]));
                rgb = Palette.mix(Palette.NEUTRAL_RGB, Palette.classRgb(t < 0 ? 0 : 1), 0.25 + 0.75 * Math.abs(t));
            } else {
                rgb = Palette.classRgb(points.label()[i]);
            }
            raster.disc(x, y, 1.6, 0, rgb, rgb);
        }
        return raster.pixels();
    }

    private static void drawPlus(Raster raster) {
        int size = raster.width();
        int mid = size / 2;
        for (int d = -size / 5; d <= size / 5; d++) {
            for (int w = -1; w <= 1; w++) {
                raster.blend(mid + d, mid + w, Palette.INK_RGB, 0.6);
                raster.blend(mid + w, mid + d, Palette.INK_RGB, 0.6);
            }
        }
    }
}
