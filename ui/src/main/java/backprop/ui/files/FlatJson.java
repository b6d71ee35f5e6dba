package backprop.ui.files;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one JSON object whose values are strings, numbers, booleans or null (RFC 8259, no nested
 * objects or arrays): all an experiment file holds. Pure Java, so the page reads a file the same
 * way in WebAssembly, JavaScript and the JVM tests. Numbers come back as their text ({@link Num}).
 */
final class FlatJson {
    /** A number, as its text. */
    record Num(String text) {}

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /**
     * The fields in file order; a value is a String, a {@link Num}, a Boolean, or null.
     *
     * @throws IllegalArgumentException naming the character where the text stops being such an object
     */
    static Map<String, Object> parse(String text) {
        return new FlatJson(text).object();
    }

    private Map<String, Object> object() {
        Map<String, Object> fields = new LinkedHashMap<>();
        space();
        expect('{');
        space();
        if (peek() == '}') {
            at++;
        } else {
            while (true) {
                space();
                if (peek() != '"') {
                    throw fail("a field name in double quotes");
                }
                String name = string();
                space();
                expect(':');
                space();
                if (fields.containsKey(name)) {
                    throw fail("each field once (\"" + name + "\" is repeated)");
                }
                fields.put(name, value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    break;
                }
            }
        }
        space();
        if (at < text.length()) {
            throw fail("nothing after the object");
        }
        return fields;
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw fail("a string, a number, true, false or null (this file format has no nested values)");
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word.equals("true"));
            }
        }
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (start == at) {
            throw fail("a value");
        }
        return new Num(text.substring(start, at));
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw fail("the string's closing double quote");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw fail("no control characters inside a string (write \\n)");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw fail("an escape after the backslash");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw fail("four hex digits after \\u");
                    }
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int digit = Character.digit(text.charAt(at++), 16);
                        if (digit < 0) {
                            throw fail("four hex digits after \\u");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> throw fail("a known escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
        }
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("'" + c + "'");
        }
        at++;
    }

    private IllegalArgumentException fail(String expected) {
        String found = at >= text.length() ? "the end of the file" : "'" + text.charAt(at) + "'";
        return new IllegalArgumentException(
                "not valid JSON at character " + (at + 1) + ": expected " + expected + ", found " + found);
    }
}
