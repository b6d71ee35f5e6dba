package backprop.engine.export;

import backprop.engine.spec.Activation;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.Spec;

/**
 * What each code export cannot express, said before any code is written. NumPy expresses every
 * activation (composed ones part by part, {@link NumpyComposed}), loss and optimizer. PyTorch
 * expresses every built-in one but no composed activation: it has none of their 35 parts as
 * modules, and autograd would take its own conventions at their kinks and poles, not the engine's.
 * Both write batch normalization ({@code :bn}) out as the engine computes it.
 */
public final class Exportability {
    /** The code exports. */
    public enum Format {
        NUMPY("numpy"),
        PYTORCH("pytorch");

        private final String key;

        Format(String key) {
            this.key = key;
        }

        /** The name on the command line. */
        public String key() {
            return key;
        }

        /** Looked up by loop (TeaVM's enum valueOf breaks the JS build); null when unknown. */
        public static Format fromKey(String key) {
            for (Format f : values()) {
                if (f.key.equals(key)) {
                    return f;
                }
            }
            return null;
        }
    }

    private Exportability() {}

    /** Null when the spec exports in {@code format}; else one sentence naming the layer and what it holds. */
    public static String problem(Spec spec, Format format) {
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            if (format == Format.PYTORCH && layer.activation() == Activation.COMPOSED) {
                return "hidden layer " + (l + 1) + ": " + composedProblem(layer.activationName());
            }
        }
        return null;
    }

    static String composedProblem(String name) {
        return "the composed activation " + name + " has no PyTorch export (PyTorch has no module for it); "
                + "export it as numpy";
    }
}
