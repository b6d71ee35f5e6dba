package backprop.engine.export;

import backprop.engine.spec.Activation;
import backprop.engine.spec.LayerSpec;
import backprop.engine.spec.Spec;

/**
 * What the code exports cannot express, said before any code is written. Every built-in
 * activation, loss and optimizer exports; composed activations b(u1(x), u2(x)) do not (yet):
 * each of their 25 unary and 10 binary parts would need its own numpy (f, f') pair with the
 * engine's conventions at its kinks and poles, and PyTorch has none of them built in.
 */
public final class Exportability {
    private Exportability() {
    }

    /** Null when the spec exports; else one sentence naming the layer and what it holds. */
    public static String problem(Spec spec) {
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            if (layer.activation() == Activation.COMPOSED) {
                return "hidden layer " + (l + 1) + ": " + composedProblem(layer.activationName());
            }
        }
        return null;
    }

    static String composedProblem(String name) {
        return "the composed activation " + name + " has no code export; built-in activations do";
    }
}
