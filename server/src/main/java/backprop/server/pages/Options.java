package backprop.server.pages;

import backprop.engine.spec.DatasetKind;
import backprop.engine.spec.Feature;
import backprop.engine.spec.InitKind;
import backprop.engine.spec.LossKind;
import backprop.engine.spec.OptimizerKind;
import backprop.engine.spec.RegularizationKind;
import backprop.ui.playground.FrameLoop;
import backprop.ui.text.Formulas;
import backprop.ui.text.OptionLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The playground's choices, derived from the engine's enums and labelled by {@link OptionLabels}:
 * the template lists none by hand.
 */
public final class Options {
    /** One choice: its value in the spec, what a person reads, and a longer name (tooltip, accessible name). */
    public record Option(String value, String label, String title) {}

    private Options() {}

    /** The losses; each title is its formula ({@link Formulas}). */
    public static List<Option> losses() {
        return of(LossKind.values(), LossKind::key, OptionLabels::of, Formulas::of);
    }

    public static List<Option> optimizers() {
        return of(OptimizerKind.values(), OptimizerKind::key, OptionLabels::of);
    }

    /** The regularizers; each title is its formula ({@link Formulas}). */
    public static List<Option> regularizers() {
        return of(RegularizationKind.values(), RegularizationKind::key, OptionLabels::of, Formulas::of);
    }

    /** How data loss, penalty and total loss relate, for the formulas beside the choices. */
    public static String totalFormula() {
        return Formulas.TOTAL;
    }

    public static List<Option> initializers() {
        return of(InitKind.values(), InitKind::key, OptionLabels::of);
    }

    public static List<Option> features() {
        return of(Feature.values(), Feature::key, OptionLabels::of);
    }

    public static List<Option> speeds() {
        return of(FrameLoop.Speed.values(), FrameLoop.Speed::key, Options::speedLabel);
    }

    private static <E> List<Option> of(E[] values, Function<E, String> key, Function<E, String> label) {
        return of(values, key, label, label);
    }

    private static <E> List<Option> of(
            E[] values, Function<E, String> key, Function<E, String> label, Function<E, String> title) {
        List<Option> out = new ArrayList<>(values.length);
        for (E value : values) {
            out.add(new Option(key.apply(value), label.apply(value), title.apply(value)));
        }
        return out;
    }

    /** The datasets in the engine's order, drawing your own last. */
    public static List<Option> datasets() {
        List<Option> out = new ArrayList<>();
        for (DatasetKind data : DatasetKind.values()) {
            if (data != DatasetKind.CUSTOM) {
                out.add(dataset(data));
            }
        }
        out.add(dataset(DatasetKind.CUSTOM));
        return out;
    }

    private static Option dataset(DatasetKind data) {
        return new Option(data.key(), OptionLabels.shortName(data), OptionLabels.longName(data));
    }

    private static String speedLabel(FrameLoop.Speed speed) {
        return switch (speed) {
            case MAX -> "As fast as it draws";
            case EPOCH -> "1 epoch / frame";
            case BATCH -> "1 batch / frame";
        };
    }

    public static List<String> learningRates() {
        return List.of(OptionLabels.LEARNING_RATES);
    }

    public static List<String> lambdas() {
        return List.of(OptionLabels.LAMBDAS);
    }
}
