package backprop.engine.spec;

import java.util.List;

/**
 * What lenient parsing gives: the nearest valid spec (bad keys take the value a missing key would
 * have, good keys stay) and every problem found, in the order of the key table.
 */
public record ParseResult(Spec spec, List<SpecProblem> problems) {
    public ParseResult {
        if (spec == null) {
            throw new IllegalArgumentException("spec is null");
        }
        problems = List.copyOf(problems);
    }

    /** True when the text was a valid spec as given. */
    public boolean isValid() {
        return problems.isEmpty();
    }
}
