package backprop.engine.graph;

import backprop.engine.spec.SpecNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an expression into an {@link Expr}. Grammar, loosest first:
 *
 * <pre>
 * sum     := product (('+' | '-') product)*          left-associative
 * product := unary (('*' | '/') unary | implicit)*   left-associative
 * implicit := unary starting with '(' or a letter,    multiplies, right after a number or a ')'
 * unary   := ('-' | '+') unary | power               so -x^2 = -(x^2)
 * power   := primary ('^' unary)?                    right-associative: 2^3^2 = 2^(3^2)
 * primary := number | name | name '(' sum (',' sum)* ')' | '(' sum ')'
 * number  := digits ['.' digits] [('e'|'E') ['+'|'-'] digits]   also '.5'; an 'e' before a letter ends it
 * name    := letter (letter | digit | '_')*
 * </pre>
 *
 * Implicit multiplication, as the lecture writes f(x,y,z) = (x+y)z: {@code (x+y)z}, {@code 2x},
 * {@code (a)(b)}, {@code 2exp(x)} and {@code 2 x} multiply like {@code *}, so {@code 2x^2} is
 * 2·(x²). Only a number or a ')' can be followed that way: {@code xy} stays the one name xy and
 * {@code x(y)} is a call of a function x; {@code (x+y)2} is refused.
 *
 * <p>Spaces are ignored. Errors name the 1-based column and what was expected there. Limits:
 * {@link GraphLimits#MAX_LENGTH} characters and {@link GraphLimits#MAX_DEPTH} levels of nesting.
 */
public final class ExpressionParser {
    private final String text;
    private int position;
    /** What the last token read was: {@link #NUMBER}, {@link #CLOSE} or {@link #NAME}. */
    private int lastToken;

    private static final int NAME = 0;
    private static final int NUMBER = 1;
    private static final int CLOSE = 2;

    private ExpressionParser(String text) {
        this.text = text;
    }

    /** Parses {@code text}, or throws a {@link GraphException} saying where and what was expected. */
    public static Expr parse(String text) {
        if (text == null || text.trim().isEmpty()) {
            throw new GraphException("the expression is empty; type one, e.g. (x+y)*z");
        }
        if (text.length() > GraphLimits.MAX_LENGTH) {
            throw new GraphException(
                    "the expression has " + text.length() + " characters; allowed: at most " + GraphLimits.MAX_LENGTH);
        }
        ExpressionParser parser = new ExpressionParser(text);
        Expr expr = parser.sum(0);
        parser.skipSpaces();
        if (parser.position < text.length()) {
            char c = text.charAt(parser.position);
            String expected = c == ')'
                    ? "the end of the expression (this ')' has no '(')"
                    : "an operator (+ - * / ^) or the end of the expression";
            throw parser.error("expected " + expected + ", found " + parser.describeHere());
        }
        return expr;
    }

    private Expr sum(int depth) {
        Expr left = product(depth);
        while (true) {
            skipSpaces();
            char c = peek();
            if (c != '+' && c != '-') {
                return left;
            }
            int column = position + 1;
            position++;
            Expr right = product(depth);
            left = new Expr.Binary(c, left, right, column);
        }
    }

    private Expr product(int depth) {
        Expr left = unary(depth);
        while (true) {
            skipSpaces();
            char c = peek();
            int column = position + 1;
            if (c == '*' || c == '/') {
                position++;
                Expr right = unary(depth);
                left = new Expr.Binary(c, left, right, column);
            } else if (lastToken != NAME && (c == '(' || isLetter(c))) {
                // implicit multiplication: (x+y)z, 2x, (a)(b)
                Expr right = unary(depth);
                left = new Expr.Binary('*', left, right, column);
            } else {
                return left;
            }
        }
    }

    private Expr unary(int depth) {
        skipSpaces();
        char c = peek();
        if (c == '-' || c == '+') {
            checkDepth(depth + 1);
            int column = position + 1;
            position++;
            Expr operand = unary(depth + 1);
            return c == '-' ? new Expr.Neg(operand, column) : operand;
        }
        return power(depth);
    }

    private Expr power(int depth) {
        Expr base = primary(depth);
        skipSpaces();
        if (peek() != '^') {
            return base;
        }
        checkDepth(depth + 1);
        int column = position + 1;
        position++;
        Expr exponent = unary(depth + 1);
        return new Expr.Binary('^', base, exponent, column);
    }

    private Expr primary(int depth) {
        skipSpaces();
        int column = position + 1;
        char c = peek();
        if (c == '(') {
            checkDepth(depth + 1);
            position++;
            Expr inner = sum(depth + 1);
            expect(')', "')' to close the '(' at column " + column);
            lastToken = CLOSE;
            return inner;
        }
        if (isDigit(c) || c == '.') {
            return number();
        }
        if (isLetter(c)) {
            String name = name();
            lastToken = NAME;
            skipSpaces();
            Op function = Op.function(name);
            if (peek() == '(') {
                if (function == null) {
                    throw new GraphException(
                            column, "unknown function \"" + name + "\"; functions: " + Op.functionNames());
                }
                checkDepth(depth + 1);
                return call(function, name, column, depth + 1);
            }
            if (function != null) {
                throw new GraphException(column, name + " is a function: write " + name + "(...)");
            }
            if (name.length() > GraphLimits.MAX_NAME_LENGTH) {
                throw new GraphException(
                        column,
                        "the name \"" + name + "\" is too long; allowed: at most " + GraphLimits.MAX_NAME_LENGTH
                                + " characters");
            }
            for (String reserved : GraphLimits.RESERVED_NAMES) {
                if (reserved.equals(name)) {
                    throw new GraphException(
                            column,
                            "\"" + name + "\" is reserved (it is a parameter of the page's address); "
                                    + "choose another variable name");
                }
            }
            return new Expr.Var(name, column);
        }
        throw error("expected a number, a variable, a function or '(', found " + describeHere());
    }

    private Expr call(Op function, String name, int column, int depth) {
        position++; // '('
        List<Expr> arguments = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            throw error(name + " needs " + arguments(function.arity()) + ", found ')'");
        }
        arguments.add(sum(depth));
        skipSpaces();
        while (peek() == ',') {
            position++;
            arguments.add(sum(depth));
            skipSpaces();
        }
        if (peek() != ')') {
            throw error("expected ',' or ')' to close " + name + "( at column " + column + ", found " + describeHere());
        }
        position++;
        lastToken = CLOSE;
        if (arguments.size() != function.arity()) {
            throw new GraphException(
                    column, name + " takes " + arguments(function.arity()) + ", found " + arguments.size());
        }
        return new Expr.Call(function, arguments, column);
    }

    private static String arguments(int count) {
        return count == 1 ? "1 argument" : count + " arguments";
    }

    private Expr number() {
        int start = position;
        while (isDigit(peek())) {
            position++;
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                if (position - 1 == start) {
                    throw error("expected a digit after '.', found " + describeHere());
                }
            }
            while (isDigit(peek())) {
                position++;
            }
        }
        // an 'e' followed by a letter starts a name (2exp(x) is 2·exp(x)), not an exponent
        if ((peek() == 'e' || peek() == 'E') && !isLetter(charAt(position + 1))) {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("expected the digits of the exponent of " + text.substring(start, position) + ", found "
                        + describeHere());
            }
            while (isDigit(peek())) {
                position++;
            }
        }
        String literal = text.substring(start, position);
        String normal = literal.startsWith(".") ? "0" + literal : literal;
        if (normal.endsWith(".")) {
            normal = normal + "0";
        } else {
            normal = normal.replace(".e", ".0e").replace(".E", ".0E");
        }
        double value = SpecNumbers.parseReal(normal);
        if (!(Math.abs(value) <= GraphLimits.MAX_ABS_VALUE)) {
            throw new GraphException(
                    start + 1, "the number " + literal + " is out of range; allowed: " + GraphLimits.valueRange());
        }
        lastToken = NUMBER;
        return new Expr.Num(value, start + 1);
    }

    private String name() {
        int start = position;
        while (isLetter(peek()) || isDigit(peek()) || peek() == '_') {
            position++;
        }
        return text.substring(start, position);
    }

    private void expect(char c, String what) {
        skipSpaces();
        if (peek() != c) {
            throw error("expected " + what + ", found " + describeHere());
        }
        position++;
    }

    private void checkDepth(int depth) {
        if (depth > GraphLimits.MAX_DEPTH) {
            throw error("the expression is nested too deeply; allowed: at most " + GraphLimits.MAX_DEPTH + " levels");
        }
    }

    private GraphException error(String detail) {
        return new GraphException(position + 1, detail);
    }

    private String describeHere() {
        return describeAt(position);
    }

    private String describeAt(int index) {
        if (index >= text.length()) {
            return "the end of the expression";
        }
        char c = text.charAt(index);
        if (c < ' ' || c > '~') {
            return "the character U+" + hex(c) + " (allowed: letters, digits, spaces, + - * / ^ ( ) , .)";
        }
        if (isLetter(c) || isDigit(c) || "+-*/^(),.".indexOf(c) >= 0) {
            return "'" + c + "'";
        }
        return "'" + c + "' (allowed: letters, digits, spaces, + - * / ^ ( ) , .)";
    }

    private static String hex(char c) {
        String digits = Integer.toHexString(c).toUpperCase();
        while (digits.length() < 4) {
            digits = "0" + digits;
        }
        return digits;
    }

    private void skipSpaces() {
        while (position < text.length()
                && (text.charAt(position) == ' '
                        || text.charAt(position) == '\t'
                        || text.charAt(position) == '\n'
                        || text.charAt(position) == '\r')) {
            position++;
        }
    }

    private char peek() {
        return charAt(position);
    }

    private char charAt(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }
}
