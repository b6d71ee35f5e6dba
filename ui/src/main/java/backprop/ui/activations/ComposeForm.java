package backprop.ui.activations;

import backprop.engine.spec.BinaryFn;
import backprop.engine.spec.Composition;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import backprop.engine.spec.SpecNumbers;
import backprop.engine.spec.UnaryFn;
import backprop.ui.playground.SpecEditor;
import backprop.ui.text.Html;

/**
 * The compose panel's rules, without the DOM: reading the three selects and β into a
 * {@link Composition} (a bad β names the field and the allowed range, and the last good β
 * stays), the playground address that trains it, and the race checkbox it adds.
 */
public final class ComposeForm {
    /** What the form holds: the composition shown (never null) and, when β was rejected, why. */
    public record Reading(Composition composition, String betaProblem) {
        public boolean valid() {
            return betaProblem == null;
        }
    }

    private ComposeForm() {}

    /**
     * Reads the selects (unknown keys fall back to Swish's parts) and the β text. β is read only
     * when a part uses it, by the spec's rule for reals; outside -10..10 or not a number, the
     * last good β is kept and the problem says so.
     */
    public static Reading read(String bKey, String u1Key, String u2Key, String betaText, double lastGoodBeta) {
        BinaryFn b = BinaryFn.fromKey(bKey);
        UnaryFn u1 = UnaryFn.fromKey(u1Key);
        UnaryFn u2 = UnaryFn.fromKey(u2Key);
        Composition swish = Composition.swish(1);
        b = b == null ? swish.b() : b;
        u1 = u1 == null ? swish.u1() : u1;
        u2 = u2 == null ? swish.u2() : u2;
        Composition probe = new Composition(b, u1, u2, 0);
        if (!probe.usesBeta()) {
            return new Reading(probe, null);
        }
        String text = betaText == null ? "" : betaText.trim();
        double beta = SpecNumbers.parseReal(text);
        if (!Composition.betaAllowed(beta)) {
            return new Reading(
                    new Composition(b, u1, u2, lastGoodBeta),
                    "\u03b2: \u201c" + betaText
                            + "\u201d is not allowed; allowed: a number from -10 to 10 in plain decimal"
                            + " (e.g. 1 or -0.5)");
        }
        return new Reading(new Composition(b, u1, u2, beta), null);
    }

    /**
     * The playground address training {@code c} in every hidden layer of the race's experiment
     * (its nearest valid form; the default experiment's two layers when it has none).
     */
    public static String playgroundLink(String raceSpecText, Composition c) {
        String text = raceSpecText == null ? "" : raceSpecText.trim();
        int hash = text.indexOf('#');
        if (hash >= 0) {
            text = text.substring(hash + 1);
        }
        Spec base = SpecCodec.parse(text).spec();
        if (base.layers().isEmpty()) {
            base = SpecEditor.withLayers(base, Spec.defaults().layers());
        }
        return "/#" + SpecCodec.print(Race.withActivation(base, c.name()));
    }

    /** A race checkbox for {@code name}, checked, like the server-rendered ones. */
    public static String raceChoice(String name) {
        String n = Html.escape(name);
        return "<label><input type=\"checkbox\" name=\"race-activation\" value=\"" + n + "\" data-testid=\"race-act-"
                + n + "\" checked> " + n + "</label>";
    }
}
