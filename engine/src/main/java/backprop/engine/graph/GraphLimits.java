package backprop.engine.graph;

/**
 * What the explorer accepts. An expression is for reading on one screen: beyond these it would
 * not fit the picture, and the caps keep the parser's recursion shallow in every runtime.
 */
public final class GraphLimits {
    /** Characters in an expression. */
    public static final int MAX_LENGTH = 300;
    /** Levels of nesting: parentheses, function calls, unary signs and powers. */
    public static final int MAX_DEPTH = 32;
    /** Nodes in the graph: inputs, constants and gates. */
    public static final int MAX_NODES = 100;
    /** Distinct variables. */
    public static final int MAX_VARIABLES = 16;
    /** Characters in a variable's name. */
    public static final int MAX_NAME_LENGTH = 16;
    /** Largest magnitude of a variable's value or of a number in the expression. */
    public static final double MAX_ABS_VALUE = 1_000_000;
    /** Names that are URL parameters of the explorer, so no variable may take them. */
    static final String[] RESERVED_NAMES = {"expr", "runtime", "collapse"};

    private GraphLimits() {}

    /** The allowed range of a value, as the messages say it. */
    public static String valueRange() {
        return "a finite decimal number from -1000000 to 1000000";
    }
}
