package backprop.ui.challenge;

import backprop.engine.data.ImportedSpec;
import backprop.engine.spec.Spec;
import backprop.engine.spec.SpecCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec as the values of its keys, read from its canonical text, so that a lock compares exactly
 * what the address bar shows. Optional keys left out of the canonical form get their effective
 * value: {@code initseed} that of {@code seed}, {@code points} the empty text.
 */
public final class SpecValues {
    /** The keys a challenge may lock, in the spec's printing order ({@code v} cannot change anyway). */
    public static final List<String> LOCKABLE = List.of(
            "data",
            "classes",
            "n",
            "noise",
            "split",
            "seed",
            "features",
            "layers",
            "loss",
            "opt",
            "lr",
            "batch",
            "reg",
            "lambda",
            "init",
            "initseed",
            "points");

    private SpecValues() {}

    /** Key to value for every key of {@link #LOCKABLE} (and {@code v}). */
    public static Map<String, String> of(Spec spec) {
        return of(spec, false);
    }

    /**
     * {@link #of(Spec)}; on imported points ({@code imported}) {@code data} reads {@code imported}
     * as the address shows it, not the engine's carrier kind.
     */
    public static Map<String, String> of(Spec spec, boolean imported) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : SpecCodec.print(spec).split("&", -1)) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        if (!values.containsKey("initseed")) {
            values.put("initseed", values.get("seed"));
        }
        if (!values.containsKey("points")) {
            values.put("points", "");
        }
        if (imported) {
            values.put("data", ImportedSpec.DATA_VALUE);
        }
        return values;
    }

    /** "data, classes, ..., points". */
    public static String lockableList() {
        return String.join(", ", LOCKABLE);
    }
}
