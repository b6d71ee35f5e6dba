package backprop.engine.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link Expr} into gates. Constant parts are folded; an operator with one constant
 * operand becomes a unary gate carrying it (so {@code -(z)} is {@code *-1} and {@code 1/(...)}
 * is {@code 1/x}); each variable is one input node, shared by all its uses. With collapse on,
 * {@code 1/(1+exp(-z))} becomes one sigmoid gate.
 */
final class GraphBuilder {
    private final boolean collapseSigmoid;
    final List<Op> ops = new ArrayList<>();
    final List<int[]> inputs = new ArrayList<>();
    final List<Double> constants = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    /** Node ids of the variables, in order of first appearance. */
    final List<Integer> variableNodes = new ArrayList<>();

    /** A built part: a node id, or (node = -1) a folded constant. */
    private record Part(int node, double value) {
        boolean constant() {
            return node < 0;
        }
    }

    GraphBuilder(boolean collapseSigmoid) {
        this.collapseSigmoid = collapseSigmoid;
    }

    /** Builds the expression and returns the output node's id. */
    int build(Expr expr) {
        Part root = part(expr);
        if (root.constant()) {
            return add(Op.CONSTANT, new int[0], root.value(), null);
        }
        return root.node();
    }

    private Part part(Expr expr) {
        if (expr instanceof Expr.Num num) {
            return new Part(-1, num.value());
        }
        if (expr instanceof Expr.Var var) {
            return new Part(variable(var), 0);
        }
        if (expr instanceof Expr.Neg neg) {
            Part operand = part(neg.operand());
            return operand.constant()
                    ? folded(Op.MULTIPLY_CONSTANT, operand.value(), 0, -1, neg.column())
                    : gate(Op.MULTIPLY_CONSTANT, operand, -1);
        }
        if (expr instanceof Expr.Binary binary) {
            return binary(binary);
        }
        return call((Expr.Call) expr);
    }

    private Part binary(Expr.Binary e) {
        if (collapseSigmoid && e.operator() == '/') {
            Expr z = sigmoidArgument(e);
            if (z != null) {
                return gate(Op.SIGMOID, part(z), 0);
            }
        }
        Part left = part(e.left());
        Part right = part(e.right());
        int column = e.column();
        switch (e.operator()) {
            case '+':
                if (left.constant() && right.constant()) {
                    return folded(Op.ADD_CONSTANT, left.value(), 0, right.value(), column);
                }
                if (left.constant()) {
                    return gate(Op.ADD_CONSTANT, right, left.value());
                }
                return right.constant() ? gate(Op.ADD_CONSTANT, left, right.value()) : gate2(Op.ADD, left, right);
            case '-':
                if (left.constant() && right.constant()) {
                    return folded(Op.SUBTRACT_CONSTANT, left.value(), 0, right.value(), column);
                }
                if (left.constant()) {
                    return gate(Op.CONSTANT_MINUS, right, left.value());
                }
                return right.constant()
                        ? gate(Op.SUBTRACT_CONSTANT, left, right.value())
                        : gate2(Op.SUBTRACT, left, right);
            case '*':
                if (left.constant() && right.constant()) {
                    return folded(Op.MULTIPLY_CONSTANT, left.value(), 0, right.value(), column);
                }
                if (left.constant()) {
                    return gate(Op.MULTIPLY_CONSTANT, right, left.value());
                }
                return right.constant()
                        ? gate(Op.MULTIPLY_CONSTANT, left, right.value())
                        : gate2(Op.MULTIPLY, left, right);
            case '/':
                if (left.constant() && right.constant()) {
                    return folded(Op.DIVIDE_BY_CONSTANT, left.value(), 0, right.value(), column);
                }
                if (left.constant()) {
                    return gate(Op.CONSTANT_DIVIDE, right, left.value());
                }
                return right.constant()
                        ? gate(Op.DIVIDE_BY_CONSTANT, left, right.value())
                        : gate2(Op.DIVIDE, left, right);
            default: // '^'
                if (!right.constant()) {
                    throw new GraphException(
                            column,
                            "the power must be a constant number (x^2, x^0.5); "
                                    + "for a variable power write exp(y*log(x))");
                }
                return left.constant()
                        ? folded(Op.POWER_CONSTANT, left.value(), 0, right.value(), column)
                        : gate(Op.POWER_CONSTANT, left, right.value());
        }
    }

    private Part call(Expr.Call e) {
        Op function = e.function();
        Part a = part(e.arguments().get(0));
        if (function.arity() == 1) {
            return a.constant() ? folded(function, a.value(), 0, 0, e.column()) : gate(function, a, 0);
        }
        Part b = part(e.arguments().get(1));
        Op withConstant = function == Op.MAX ? Op.MAX_CONSTANT : Op.MIN_CONSTANT;
        if (a.constant() && b.constant()) {
            return folded(function, a.value(), b.value(), 0, e.column());
        }
        if (a.constant()) {
            return gate(withConstant, b, a.value());
        }
        return b.constant() ? gate(withConstant, a, b.value()) : gate2(function, a, b);
    }

    /** z when e is 1/(1+exp(-z)) (in any order of the sum, with -z or -1*z) and z is not constant. */
    private static Expr sigmoidArgument(Expr.Binary e) {
        if (!isConstant(e.left(), 1) || !(e.right() instanceof Expr.Binary sum) || sum.operator() != '+') {
            return null;
        }
        Expr other = isConstant(sum.left(), 1) ? sum.right() : isConstant(sum.right(), 1) ? sum.left() : null;
        if (!(other instanceof Expr.Call exp) || exp.function() != Op.EXP) {
            return null;
        }
        Expr negated = exp.arguments().get(0);
        Expr z = null;
        if (negated instanceof Expr.Neg neg) {
            z = neg.operand();
        } else if (negated instanceof Expr.Binary product && product.operator() == '*') {
            z = isConstant(product.left(), -1)
                    ? product.right()
                    : isConstant(product.right(), -1) ? product.left() : null;
        }
        return z != null && constantValue(z) == null ? z : null;
    }

    private static boolean isConstant(Expr e, double expected) {
        Double value = constantValue(e);
        return value != null && value == expected;
    }

    /** The value of a variable-free part (NaN when it cannot be computed), or null when it has a variable. */
    static Double constantValue(Expr e) {
        if (e instanceof Expr.Num num) {
            return num.value();
        }
        if (e instanceof Expr.Var) {
            return null;
        }
        double[] local = new double[2];
        if (e instanceof Expr.Neg neg) {
            Double a = constantValue(neg.operand());
            return a == null ? null : -1.0 * a;
        }
        if (e instanceof Expr.Binary b) {
            Double l = constantValue(b.left());
            Double r = constantValue(b.right());
            if (l == null || r == null) {
                return null;
            }
            switch (b.operator()) {
                case '+':
                    return Op.ADD.apply(l, r, 0, local);
                case '-':
                    return Op.SUBTRACT.apply(l, r, 0, local);
                case '*':
                    return Op.MULTIPLY.apply(l, r, 0, local);
                case '/':
                    return Op.DIVIDE.apply(l, r, 0, local);
                default:
                    return Op.POWER_CONSTANT.apply(l, 0, r, local);
            }
        }
        Expr.Call call = (Expr.Call) e;
        Double a = constantValue(call.arguments().get(0));
        Double b = call.arguments().size() > 1 ? constantValue(call.arguments().get(1)) : Double.valueOf(0);
        if (a == null || b == null) {
            return null;
        }
        return call.function().apply(a, b, 0, local);
    }

    /** A constant part computed now with the gate's own maths; it must be finite. */
    private static Part folded(Op op, double a, double b, double constant, int column) {
        double[] local = new double[2];
        double value = op.apply(a, b, constant, local);
        String problem = op.explainNonFinite(a, b, constant, value);
        if (problem != null) {
            throw new GraphException(column, "a constant part of the expression is not finite: " + problem);
        }
        return new Part(-1, value);
    }

    private Part gate(Op op, Part input, double constant) {
        return new Part(add(op, new int[] {input.node()}, constant, null), 0);
    }

    private Part gate2(Op op, Part left, Part right) {
        return new Part(add(op, new int[] {left.node(), right.node()}, 0, null), 0);
    }

    private int variable(Expr.Var var) {
        for (int id : variableNodes) {
            if (names.get(id).equals(var.name())) {
                return id;
            }
        }
        if (variableNodes.size() == GraphLimits.MAX_VARIABLES) {
            throw new GraphException(
                    var.column(),
                    "too many variables (\"" + var.name() + "\" would be number " + (GraphLimits.MAX_VARIABLES + 1)
                            + "); allowed: at most " + GraphLimits.MAX_VARIABLES);
        }
        int id = add(Op.INPUT, new int[0], 0, var.name());
        variableNodes.add(id);
        return id;
    }

    private int add(Op op, int[] from, double constant, String name) {
        if (ops.size() == GraphLimits.MAX_NODES) {
            throw new GraphException("the expression makes more than " + GraphLimits.MAX_NODES
                    + " nodes (inputs and gates); allowed: at most " + GraphLimits.MAX_NODES);
        }
        ops.add(op);
        inputs.add(from);
        constants.add(constant);
        names.add(name);
        return ops.size() - 1;
    }
}
