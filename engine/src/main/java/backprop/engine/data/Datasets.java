package backprop.engine.data;

import backprop.engine.math.Fdlibm;
import backprop.engine.math.Rng;
import backprop.engine.spec.CustomPoint;
import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Plane;
import java.util.List;

/**
 * The dataset generators, following TensorFlow Playground's {@code src/dataset.ts} (shapes,
 * radii, where the noise goes), with classes numbered 0..k-1: the Playground's positive
 * (blue, +1) group is class 0 and its negative (orange, -1) group class 1. {@code noise} is the
 * spec's percent; the Playground's noise fraction is {@code noise / 100} (0..0.5).
 *
 * <p>Coordinates are clamped to [-6, 6] (only gauss and moons can reach beyond it). Every random
 * number comes from the one {@code rng}, in the order written here, so a seed fixes the points.
 */
public final class Datasets {

    private Datasets() {}

    /**
     * Generates the points of a dataset.
     *
     * @param n       number of points (ignored for {@code custom}, which takes {@code points})
     * @param classes number of classes (used by gauss and spiral; 2 elsewhere, 1 for regression)
     * @param noise   noise in percent, 0..50
     */
    public static Points generate(DatasetKind kind, int n, int classes, int noise, List<CustomPoint> points, Rng rng) {
        if (noise < 0 || noise > 100) {
            throw new IllegalArgumentException("noise must be 0..100 percent, got " + noise);
        }
        if (kind != DatasetKind.CUSTOM && n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        if (kind.hasClassChoice() && classes < 2) {
            throw new IllegalArgumentException(kind.key() + " needs at least 2 classes, got " + classes);
        }
        double f = noise / 100.0;
        switch (kind) {
            case SPIRAL:
                return spiral(n, classes, f, rng);
            case CIRCLE:
                return circle(n, f, rng);
            case XOR:
                return xor(n, f, rng);
            case GAUSS:
                return gauss(n, classes, f, rng);
            case MOONS:
                return moons(n, f, rng);
            case CHECKER:
                return checker(n, f, rng);
            case CUSTOM:
                return custom(points);
            case PLANE:
                return plane(n, f, rng);
            case MULTIGAUSS:
                return multiGauss(n, f, rng);
            default:
                throw new IllegalArgumentException("unknown dataset " + kind);
        }
    }

    /** Points of class c: n / k, the first n mod k classes one more. */
    static int classCount(int n, int classes, int c) {
        return n / classes + (c < n % classes ? 1 : 0);
    }

    /**
     * k spiral arms (the Playground's two, generalised): arm c is turned by 2πc/k; point i of m
     * has radius r = 5 i / m and angle t = (3.5 / k) · 2π i / m + 2πc/k; (r sin t, r cos t) plus
     * uniform(-1, 1) · noise on each coordinate. Each arm makes 3.5 / k turns (the Playground's
     * 1.75 for two arms), so neighbouring arms stay as far apart as in the Playground.
     */
    static Points spiral(int n, int classes, double f, Rng rng) {
        Builder out = new Builder(n);
        for (int c = 0; c < classes; c++) {
            int m = classCount(n, classes, c);
            double deltaT = Math.PI * 2 * c / classes;
            for (int i = 0; i < m; i++) {
                double r = (double) i / m * 5;
                double t = 3.5 / classes * i / m * 2 * Math.PI + deltaT;
                double x = r * Fdlibm.sin(t) + rng.uniform(-1, 1) * f;
                double y = r * Fdlibm.cos(t) + rng.uniform(-1, 1) * f;
                out.add(x, y, c, 0);
            }
        }
        return out.build();
    }

    /**
     * Class 0 inside radius 2.5, class 1 on the ring 3.5..5; the noise moves the point used for
     * the label (by uniform(-5, 5) · noise per coordinate), not the point drawn.
     */
    static Points circle(int n, double f, Rng rng) {
        double radius = 5;
        Builder out = new Builder(n);
        int inner = n - n / 2;
        for (int i = 0; i < n; i++) {
            double r = i < inner ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
            double angle = rng.uniform(0, 2 * Math.PI);
            double x = r * Fdlibm.sin(angle);
            double y = r * Fdlibm.cos(angle);
            double noiseX = rng.uniform(-radius, radius) * f;
            double noiseY = rng.uniform(-radius, radius) * f;
            double labelX = x + noiseX;
            double labelY = y + noiseY;
            double distance = Math.sqrt(labelX * labelX + labelY * labelY);
            out.add(x, y, distance < radius * 0.5 ? 0 : 1, 0);
        }
        return out.build();
    }

    /** Uniform in [-5, 5]² pushed 0.3 away from the axes; class 0 where x1·x2 >= 0 (at the noisy point). */
    static Points xor(int n, double f, Rng rng) {
        double padding = 0.3;
        Builder out = new Builder(n);
        for (int i = 0; i < n; i++) {
            double x = rng.uniform(-5, 5);
            x = x > 0 ? x + padding : x - padding;
            double y = rng.uniform(-5, 5);
            y = y > 0 ? y + padding : y - padding;
            double noiseX = rng.uniform(-5, 5) * f;
            double noiseY = rng.uniform(-5, 5) * f;
            double labelX = x + noiseX;
            double labelY = y + noiseY;
            out.add(x, y, labelX * labelY >= 0 ? 0 : 1, 0);
        }
        return out.build();
    }

    /**
     * k Gaussian clusters with variance 0.5 + 7 · noise (the Playground's 0.5..4). Two classes
     * sit at (2, 2) and (-2, -2) as in the Playground; k > 2 sit on the circle of radius 4 at
     * angles π/4 + 2πc/k.
     */
    static Points gauss(int n, int classes, double f, Rng rng) {
        double variance = 0.5 + 7 * f;
        double sd = Math.sqrt(variance);
        Builder out = new Builder(n);
        for (int c = 0; c < classes; c++) {
            double cx;
            double cy;
            if (classes == 2) {
                cx = c == 0 ? 2 : -2;
                cy = cx;
            } else {
                double angle = Math.PI / 4 + Math.PI * 2 * c / classes;
                cx = 4 * Fdlibm.cos(angle);
                cy = 4 * Fdlibm.sin(angle);
            }
            int m = classCount(n, classes, c);
            for (int i = 0; i < m; i++) {
                double x = cx + sd * rng.nextGaussian();
                double y = cy + sd * rng.nextGaussian();
                out.add(x, y, c, 0);
            }
        }
        return out.build();
    }

    /**
     * Two interleaving half circles (scikit-learn's make_moons): class 0 on (cos t, sin t),
     * class 1 on (1 - cos t, 0.5 - sin t), t uniform in [0, π], plus Gaussian noise of standard
     * deviation noise (in moon units); then centred and scaled by 3.5.
     */
    static Points moons(int n, double f, Rng rng) {
        double scale = 3.5;
        Builder out = new Builder(n);
        int upper = n - n / 2;
        for (int i = 0; i < n; i++) {
            double t = rng.uniform(0, Math.PI);
            double x;
            double y;
            int label;
            if (i < upper) {
                x = Fdlibm.cos(t);
                y = Fdlibm.sin(t);
                label = 0;
            } else {
                x = 1 - Fdlibm.cos(t);
                y = 0.5 - Fdlibm.sin(t);
                label = 1;
            }
            x = x + f * rng.nextGaussian() - 0.5;
            y = y + f * rng.nextGaussian() - 0.25;
            out.add(x * scale, y * scale, label, 0);
        }
        return out.build();
    }

    /**
     * Uniform in [-6, 6]², a 4 x 4 checkerboard of 3 x 3 cells: class 0 where the cell indices
     * add up to an even number (at the point moved by uniform(-6, 6) · noise per coordinate).
     */
    static Points checker(int n, double f, Rng rng) {
        Builder out = new Builder(n);
        for (int i = 0; i < n; i++) {
            double x = rng.uniform(Plane.MIN, Plane.MAX);
            double y = rng.uniform(Plane.MIN, Plane.MAX);
            double labelX = x + rng.uniform(Plane.MIN, Plane.MAX) * f;
            double labelY = y + rng.uniform(Plane.MIN, Plane.MAX) * f;
            int cellX = (int) Math.floor((labelX + 6) / 3);
            int cellY = (int) Math.floor((labelY + 6) / 3);
            out.add(x, y, ((cellX + cellY) & 1) == 0 ? 0 : 1, 0);
        }
        return out.build();
    }

    /** The user's points as given. */
    static Points custom(List<CustomPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("custom data needs at least 1 point, got 0");
        }
        Builder out = new Builder(points.size());
        for (CustomPoint p : points) {
            out.add(p.x1(), p.x2(), p.label(), 0);
        }
        return out.build();
    }

    /**
     * Uniform in [-6, 6]²; target (x1 + x2) / 10, taken at the point moved by
     * uniform(-6, 6) · noise per coordinate (the Playground's scale [-10, 10] -> [-1, 1]).
     */
    static Points plane(int n, double f, Rng rng) {
        Builder out = new Builder(n);
        for (int i = 0; i < n; i++) {
            double x = rng.uniform(Plane.MIN, Plane.MAX);
            double y = rng.uniform(Plane.MIN, Plane.MAX);
            double noiseX = rng.uniform(Plane.MIN, Plane.MAX) * f;
            double noiseY = rng.uniform(Plane.MIN, Plane.MAX) * f;
            // Written as one left-to-right chain (see TOOLCHAIN.md on TeaVM and parentheses).
            double target = (x + noiseX + y + noiseY) / 10;
            out.add(x, y, 0, target);
        }
        return out.build();
    }

    /** The Playground's six signed bumps: (centre x, centre y, sign). */
    private static final double[] BUMPS = {
        -4, 2.5, 1, 0, 2.5, -1, 4, 2.5, 1, -4, -2.5, -1, 0, -2.5, 1, 4, -2.5, -1,
    };

    /**
     * Uniform in [-6, 6]²; target: of the six bumps sign · clamp(1 - d/2, 0, 1) (d the distance
     * to the bump's centre), the one largest in absolute value (the first on ties), taken at the
     * point moved by uniform(-6, 6) · noise per coordinate.
     */
    static Points multiGauss(int n, double f, Rng rng) {
        Builder out = new Builder(n);
        for (int i = 0; i < n; i++) {
            double x = rng.uniform(Plane.MIN, Plane.MAX);
            double y = rng.uniform(Plane.MIN, Plane.MAX);
            double noiseX = rng.uniform(Plane.MIN, Plane.MAX) * f;
            double noiseY = rng.uniform(Plane.MIN, Plane.MAX) * f;
            out.add(x, y, 0, multiGaussValue(x + noiseX, y + noiseY));
        }
        return out.build();
    }

    static double multiGaussValue(double x, double y) {
        double value = 0;
        for (int b = 0; b < BUMPS.length; b += 3) {
            double dx = x - BUMPS[b];
            double dy = y - BUMPS[b + 1];
            double distance = Math.sqrt(dx * dx + dy * dy);
            double height = Math.max(0, Math.min(1, 1 - distance / 2));
            double candidate = BUMPS[b + 2] * height;
            if (Math.abs(candidate) > Math.abs(value)) {
                value = candidate;
            }
        }
        return value;
    }

    /** Collects points, clamping coordinates to [-6, 6]. */
    private static final class Builder {
        private final double[] xy;
        private final int[] label;
        private final double[] target;
        private int count;

        Builder(int n) {
            xy = new double[2 * n];
            label = new int[n];
            target = new double[n];
        }

        void add(double x, double y, int classIndex, double value) {
            xy[2 * count] = clamp(x);
            xy[2 * count + 1] = clamp(y);
            label[count] = classIndex;
            target[count] = value;
            count++;
        }

        private static double clamp(double v) {
            return Plane.clamp(v);
        }

        Points build() {
            if (count != label.length) {
                throw new IllegalStateException("generated " + count + " points, expected " + label.length);
            }
            return new Points(xy, label, target);
        }
    }
}
