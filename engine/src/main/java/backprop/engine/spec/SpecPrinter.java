package backprop.engine.spec;

import java.util.List;

/**
 * Writes each component of a Spec as its value text, without checking it. {@link SpecCodec}
 * prints only specs that validate; {@link SpecCodec#validate} feeds these texts to the same
 * {@link SpecResolver} that parsing uses, so a bad component is named as it would be printed.
 */
final class SpecPrinter {
    private SpecPrinter() {}

    /** The value text per key (by {@link SpecKey} ordinal); null for a key left out (points when there are none, initseed when it is the seed). */
    static String[] values(Spec spec) {
        String[] values = new String[SpecKey.values().length];
        values[SpecKey.V.ordinal()] = Integer.toString(spec.version());
        values[SpecKey.DATA.ordinal()] =
                spec.data() == null ? "null" : spec.data().key();
        values[SpecKey.CLASSES.ordinal()] = Integer.toString(spec.classes());
        values[SpecKey.N.ordinal()] = Integer.toString(spec.n());
        values[SpecKey.NOISE.ordinal()] = Integer.toString(spec.noise());
        values[SpecKey.SPLIT.ordinal()] = Integer.toString(spec.split());
        values[SpecKey.SEED.ordinal()] = Integer.toString(spec.seed());
        values[SpecKey.FEATURES.ordinal()] = features(spec.features());
        values[SpecKey.LAYERS.ordinal()] = layers(spec.layers());
        values[SpecKey.LOSS.ordinal()] =
                spec.loss() == null ? "null" : spec.loss().key();
        values[SpecKey.OPT.ordinal()] = spec.opt() == null ? "null" : spec.opt().key();
        values[SpecKey.LR.ordinal()] = SpecNumbers.formatReal(spec.lr());
        values[SpecKey.BATCH.ordinal()] = Integer.toString(spec.batch());
        values[SpecKey.REG.ordinal()] = spec.reg() == null ? "null" : spec.reg().key();
        values[SpecKey.LAMBDA.ordinal()] = SpecNumbers.formatReal(spec.lambda());
        values[SpecKey.INIT.ordinal()] =
                spec.init() == null ? "null" : spec.init().key();
        values[SpecKey.INITSEED.ordinal()] = spec.initSeed() == spec.seed() ? null : Integer.toString(spec.initSeed());
        values[SpecKey.POINTS.ordinal()] = spec.points().isEmpty() ? null : points(spec.points());
        return values;
    }

    /** key=value pairs joined by '&' in table order, skipping null values. */
    static String join(String[] values) {
        StringBuilder out = new StringBuilder(256);
        for (SpecKey key : SpecKey.values()) {
            String value = values[key.ordinal()];
            if (value == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(key.key()).append('=').append(value);
        }
        return out.toString();
    }

    private static String features(List<Feature> features) {
        StringBuilder out = new StringBuilder();
        for (Feature f : features) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(f.key());
        }
        return out.toString();
    }

    private static String layers(List<LayerSpec> layers) {
        StringBuilder out = new StringBuilder();
        for (LayerSpec layer : layers) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(layer.units()).append(':').append(layer.activationName());
            if (layer.batchNorm()) {
                out.append(LayerSpec.BATCH_NORM_SUFFIX);
            }
        }
        return out.toString();
    }

    private static String points(List<CustomPoint> points) {
        StringBuilder out = new StringBuilder(points.size() * 14);
        for (CustomPoint p : points) {
            if (out.length() > 0) {
                out.append(';');
            }
            out.append(SpecNumbers.formatCoordinate(p.x1()))
                    .append(',')
                    .append(SpecNumbers.formatCoordinate(p.x2()))
                    .append(',')
                    .append(p.label());
        }
        return out.toString();
    }
}
