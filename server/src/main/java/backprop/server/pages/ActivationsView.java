package backprop.server.pages;

import backprop.engine.graph.GraphText;
import backprop.engine.spec.Activation;
import backprop.engine.spec.BinaryFn;
import backprop.engine.spec.Composition;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecNumbers;
import backprop.engine.spec.UnaryFn;
import backprop.ui.activations.GeluApproximation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the activation lab shows before its script runs: one card per activation with the
 * lecture's properties (range, zero-centred or not, where it saturates, what it answers), the
 * race form, the dying-ReLU experiment and the output-layer guide with its playground examples.
 */
public record ActivationsView(
        List<Card> cards,
        String raceSpec,
        List<Choice> raceChoices,
        String dyingSpec,
        List<Guide> guide,
        List<Part> unaryParts,
        List<Part> binaryParts,
        List<Preset> presets) {
    /** The compose panel starts on the Swish preset, σ(βx)·x with β = 1. */
    static final Composition COMPOSE_START = Composition.swish(1);

    /** A choice of the compose panel's selects: the key in the spec name and the function as read. */
    public record Part(String key, String formula, boolean selected) {}

    /** A compose preset: its button's test id suffix, label, and composed name. */
    public record Preset(String id, String label, String composition) {}

    /** The start's β, as the spec prints it. */
    public String composeBeta() {
        return SpecNumbers.formatReal(COMPOSE_START.beta());
    }

    /** How far GELU's tanh approximation is from the exact form, measured on [−10, 10] every 0.001. */
    static final GeluApproximation GELU_GAP = GeluApproximation.largestDifference(-10, 10, 20_000);

    /** The race starts with the lecture's claim: ReLU against sigmoid and tanh. */
    static final List<String> RACE_DEFAULTS = List.of("sigmoid", "tanh", "relu");
    /** Spiral, two ReLU layers, He init: at lr 0.5 most ReLU units die within 50 epochs. */
    static final String DYING_SPEC = "data=spiral&layers=8:relu,8:relu&init=he&lr=0.5";
    /** Epochs the guide's examples train on open ({@code ?epochs=}). */
    public static final int GUIDE_EPOCHS = 300;

    /** One activation's card. {@code note} is what the lecture says about it. */
    public record Card(
            String name,
            String title,
            String formula,
            String range,
            String zeroCentred,
            String saturation,
            String note) {}

    /** A race checkbox. */
    public record Choice(String name, boolean checked) {}

    /** A row of the output-layer guide: the problem, its output activation and loss, a live example. */
    public record Guide(String id, String problem, String output, String loss, String link, String example) {}

    public static ActivationsView create() {
        List<Card> cards = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        for (Activation a : Activation.builtIns()) {
            cards.add(card(a));
            choices.add(new Choice(a.key(), RACE_DEFAULTS.contains(a.key())));
        }
        List<Guide> guide = List.of(
                new Guide(
                        "binary",
                        "Two classes (is it class 1?)",
                        "sigmoid: one output, a probability in (0, 1)",
                        "binary cross-entropy (loss=bce)",
                        link("data=circle&loss=bce&layers=8:relu,8:relu"),
                        "circle, 8:relu,8:relu"),
                new Guide(
                        "multiclass",
                        "One of several classes",
                        "softmax: one output per class, probabilities that sum to 1",
                        "cross-entropy (loss=softmax)",
                        link("data=spiral&classes=3&loss=softmax&layers=16:relu,16:relu"),
                        "spiral with 3 classes, 16:relu,16:relu"),
                new Guide(
                        "regression",
                        "A number (regression)",
                        "linear: the raw score, any real value",
                        "squared error (loss=mse)",
                        link("data=multigauss&loss=mse&layers=8:tanh,8:tanh"),
                        "multigauss, 8:tanh,8:tanh"));
        List<Part> unary = new ArrayList<>();
        for (UnaryFn u : UnaryFn.values()) {
            unary.add(new Part(u.key(), u.formula(), false));
        }
        List<Part> binary = new ArrayList<>();
        for (BinaryFn b : BinaryFn.values()) {
            binary.add(new Part(b.key(), b.formula(), b == COMPOSE_START.b()));
        }
        List<Preset> presets = List.of(
                new Preset("swish", "Swish: \u03c3(\u03b2x)\u00b7x, \u03b2 = 1", COMPOSE_START.name()),
                new Preset("xsigmoid", "x\u00b7\u03c3(x)", "mul_x_sigmoid"),
                new Preset("relu", "ReLU: max(0, x)", "max_beta_x_0"),
                new Preset("sqrt", "\u221ax\u00b7x (undefined for x < 0)", "mul_sqrt_x"),
                // beside Swish, the search's other top functions that these parts can build (Ramachandran et al., table
                // 2)
                new Preset("maxsigmoid", "max(x, \u03c3(x))", "max_x_sigmoid"),
                new Preset("cosminus", "cos(x) \u2212 x", "sub_cos_x"),
                new Preset("minsin", "min(x, sin(x))", "min_x_sin"),
                new Preset("maxtanh", "max(x, tanh(x))", "max_x_tanh"),
                new Preset("sincplus", "sinc(x) + x", "add_sinc_x"));
        return new ActivationsView(
                cards,
                Spec.DEFAULT_TEXT,
                choices,
                SpecCodec.print(SpecCodec.parseStrict(DYING_SPEC)),
                guide,
                unary,
                binary,
                presets);
    }

    /** The unary choices with the one of {@code u1} or {@code u2} (1 or 2) of the start selected. */
    public List<Part> unaryChoices(int which) {
        UnaryFn start = which == 1 ? COMPOSE_START.u1() : COMPOSE_START.u2();
        List<Part> out = new ArrayList<>();
        for (Part p : unaryParts) {
            out.add(new Part(p.key(), p.formula(), p.key().equals(start.key())));
        }
        return out;
    }

    /** The playground trains the canonical form of {@code spec} for {@link #GUIDE_EPOCHS} epochs on open. */
    static String link(String spec) {
        return "/?epochs=" + GUIDE_EPOCHS + "#" + SpecCodec.print(SpecCodec.parseStrict(spec));
    }

    static Card card(Activation a) {
        return switch (a) {
            case LINEAR ->
                new Card(
                        "linear",
                        "Linear (identity)",
                        "f(x) = x",
                        "(\u2212\u221e, \u221e)",
                        "yes",
                        "never",
                        "Without an activation a network is just a linear transformation: layers of it collapse into one. "
                                + "It belongs on the output of a regression.");
            case SIGMOID ->
                new Card(
                        "sigmoid",
                        "Sigmoid",
                        "\u03c3(x) = 1 / (1 + e^\u2212x)",
                        "(0, 1)",
                        "no: outputs are always positive",
                        "both sides: f\u2032(x) < 0.01 for |x| > 4.6; at most 0.25 (x = 0)",
                        "Squashes numbers to [0, 1]; a nice \u201cfiring rate\u201d. Three problems: saturated neurons kill the gradients, "
                                + "outputs are not zero-centred, exp() is a bit compute expensive.");
            case TANH ->
                new Card(
                        "tanh",
                        "Tanh",
                        "tanh(x)",
                        "(\u22121, 1)",
                        "yes",
                        "both sides: f\u2032(x) < 0.01 for |x| > 3",
                        "Zero-centred (nice), but still kills gradients when saturated. Used to be very popular in sequence models (LSTM/GRU).");
            case RELU ->
                new Card(
                        "relu",
                        "ReLU",
                        "f(x) = max(0, x)",
                        "[0, \u221e)",
                        "no: outputs are never negative",
                        "for x < 0 (f\u2032 = 0); never for x > 0",
                        "Does not saturate in the + region, very cheap, converges much faster than sigmoid/tanh in practice "
                                + "(\u201ce.g. 6x\u201d: check it in the race). Weaknesses: not smooth at 0 (why ELU and GELU), "
                                + "flat for x < 0 (why Leaky ReLU and maxout): a unit pushed there for every input dies.");
            case LEAKYRELU ->
                new Card(
                        "leakyrelu",
                        "Leaky ReLU",
                        "f(x) = max(0.01x, x)",
                        "(\u2212\u221e, \u221e)",
                        "no: negative outputs are 100\u00d7 smaller",
                        "never (f\u2032 = 0.01 for x \u2264 0)",
                        "Does not saturate, computationally efficient, converges fast, and will not \u201cdie\u201d.");
            case PRELU ->
                new Card(
                        "prelu",
                        "PReLU",
                        "f(x) = x for x > 0, a\u00b7x otherwise; a learned per unit",
                        "(\u2212\u221e, \u221e)",
                        "no: depends on the learned slope a",
                        "never while a \u2260 0 (plotted with the initial a = 0.25)",
                        "Leaky ReLU whose negative slope is a parameter, learned by backprop like the weights (He et al., 2015). "
                                + "Not max(ax, x): that is the same only while a \u2264 1, and a learned slope can grow past 1.");
            case ELU ->
                new Card(
                        "elu",
                        "ELU",
                        "f(x) = x for x > 0, \u03b1(e^x \u2212 1) otherwise; \u03b1 = 1",
                        "(\u22121, \u221e)",
                        "closer to zero mean than ReLU",
                        "for x \u226a 0 (f\u2032 = e^x \u2192 0, f \u2192 \u22121)",
                        "All the benefits of ReLU, outputs closer to zero mean; the negative saturation adds some robustness to noise. "
                                + "Computation requires exp().");
            case MAXOUT ->
                new Card(
                        "maxout",
                        "Maxout (k = 2)",
                        "max(w\u2081\u1d40x + b\u2081, w\u2082\u1d40x + b\u2082)",
                        "(\u2212\u221e, \u221e)",
                        "depends on the learned pieces",
                        "never: piecewise linear",
                        "Not a function of one number but a layer: each unit takes the larger of two linear pieces. Generalises ReLU and "
                                + "Leaky ReLU; does not saturate, does not die; doubles the parameters per neuron. The plot shows one "
                                + "example unit, max(x, \u2212x/2).");
            case SWISH ->
                new Card(
                        "swish",
                        "Swish",
                        "f(x) = x \u00b7 \u03c3(x)",
                        "[\u22120.278, \u221e)",
                        "no",
                        "for x \u226a 0 (f \u2192 0, f\u2032 \u2192 0)",
                        "A smooth ReLU found by automated search; slightly better than ReLU, but slow (it needs a sigmoid).");
            case HSWISH ->
                new Card(
                        "hswish",
                        "h-swish",
                        "f(x) = x \u00b7 ReLU6(x + 3) / 6",
                        "[\u22120.375, \u221e)",
                        "no",
                        "for x \u2264 \u22123 (f = 0, f\u2032 = 0)",
                        "Hard swish: almost swish, cheaper, with ReLU6 in place of the sigmoid.");
            case GELU ->
                new Card(
                        "gelu",
                        "GELU",
                        "f(x) = x \u00b7 \u03a6(x), \u03a6 the normal CDF (via erf)",
                        "[\u22120.170, \u221e)",
                        "no",
                        "for x \u226a 0 (f \u2192 0, f\u2032 \u2192 0)",
                        "Smooth at 0, where ReLU has its kink; widely adopted in NLP (BERT, GPT). The engine computes the exact "
                                + "form; BERT and GPT-2 used the tanh approximation 0.5x(1 + tanh(\u221a(2/\u03c0)(x + "
                                + "0.044715x\u00b3))), which differs from it by at most "
                                + GraphText.significant(GELU_GAP.difference(), 2)
                                + " on [\u221210, 10] (at x = "
                                + GraphText.rounded(GELU_GAP.at(), 2)
                                + ", measured here).");
            case SOFTPLUS ->
                new Card(
                        "softplus",
                        "Softplus",
                        "f(x) = log(1 + e^x)",
                        "(0, \u221e)",
                        "no: outputs are always positive",
                        "for x \u226a 0 (f\u2032 = \u03c3(x) \u2192 0)",
                        "A smooth ReLU whose derivative is the sigmoid.");
            case COMPOSED ->
                throw new IllegalArgumentException(
                        "a composed activation has no card of its own: the compose panel shows it");
        };
    }
}
