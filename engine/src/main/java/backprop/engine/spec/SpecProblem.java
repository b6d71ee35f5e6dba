package backprop.engine.spec;

/** One thing wrong with a spec: the key, the value given, and what is allowed. */
public record SpecProblem(String key, String value, String allowed) {
    /** e.g. {@code lr: "abc" is not allowed; allowed: a number > 0 and <= 10}. */
    public String message() {
        return key + ": \"" + value + "\" is not allowed; allowed: " + allowed;
    }
}
