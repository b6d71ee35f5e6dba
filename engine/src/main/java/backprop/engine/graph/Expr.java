package backprop.engine.graph;

import java.util.List;

/** The parsed expression, before it becomes gates. Every part remembers its 1-based column. */
public sealed interface Expr permits Expr.Num, Expr.Var, Expr.Neg, Expr.Binary, Expr.Call {
    /** Where this part starts (for a binary operator: the operator). */
    int column();

    /** A number literal. */
    record Num(double value, int column) implements Expr {}

    /** A named variable. */
    record Var(String name, int column) implements Expr {}

    /** Unary minus. */
    record Neg(Expr operand, int column) implements Expr {}

    /** {@code left op right} with op one of {@code + - * / ^}. */
    record Binary(char operator, Expr left, Expr right, int column) implements Expr {}

    /** A function applied to its arguments ({@code max} and {@code min} take two). */
    record Call(Op function, List<Expr> arguments, int column) implements Expr {}
}
