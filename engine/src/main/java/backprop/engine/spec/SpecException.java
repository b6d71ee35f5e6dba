package backprop.engine.spec;

import java.util.List;

/** An invalid spec, rejected whole: every problem, and a message joining them with "; ". */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<SpecProblem> problems;

    /** @param problems at least one problem */
    public SpecException(List<SpecProblem> problems) {
        super(join(problems));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    private static String join(List<SpecProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "a SpecException needs at least one problem, got " + (problems == null ? "null" : "none"));
        }
        StringBuilder out = new StringBuilder();
        for (SpecProblem problem : problems) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(problem.message());
        }
        return out.toString();
    }
}
