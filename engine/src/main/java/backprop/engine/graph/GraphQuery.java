package backprop.engine.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The explorer's state as the query of its address:
 * {@code expr=(x+y)*z&x=-2&y=5&z=-4}, one parameter per variable, {@code collapse=1} when the
 * sigmoid is collapsed. The server and the client read and write it with this same code.
 *
 * <p>Decoding is percent-decoding only: a '+' stays a plus (so {@code ?expr=(x+y)*z} typed by
 * hand means what it says; spaces never matter in an expression). Encoding keeps the characters
 * of expressions readable ({@code ( ) * + , / . - _ ~ !}) and escapes the rest.
 */
public final class GraphQuery {
    /** The parameter holding the expression. */
    public static final String EXPRESSION = "expr";
    /** The parameter that collapses 1/(1+exp(-z)) into one sigmoid gate. */
    public static final String COLLAPSE = "collapse";

    private final String expression;
    private final boolean collapse;
    private final List<String> keys;
    private final List<String> values;

    private GraphQuery(String expression, boolean collapse, List<String> keys, List<String> values) {
        this.expression = expression;
        this.collapse = collapse;
        this.keys = keys;
        this.values = values;
    }

    /** Reads a raw query string, with or without the leading '?'. Later repeats of a key are ignored. */
    public static GraphQuery parse(String rawQuery) {
        String query = rawQuery == null ? "" : rawQuery.startsWith("?") ? rawQuery.substring(1) : rawQuery;
        String expression = null;
        boolean collapse = false;
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        int start = 0;
        while (start <= query.length() && !query.isEmpty()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            String pair = query.substring(start, end);
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (key.equals(EXPRESSION)) {
                if (expression == null) {
                    expression = value;
                }
            } else if (key.equals(COLLAPSE)) {
                collapse = value.equals("1") || value.equals("true");
            } else if (!key.isEmpty() && !keys.contains(key)) {
                keys.add(key);
                values.add(value);
            }
            start = end + 1;
        }
        return new GraphQuery(expression, collapse, keys, values);
    }

    /** The expression, or null when the address has none. */
    public String expression() {
        return expression;
    }

    public boolean collapse() {
        return collapse;
    }

    /** The text given for {@code name}, or null. */
    public String value(String name) {
        int i = keys.indexOf(name);
        return i < 0 ? null : values.get(i);
    }

    /**
     * The text for variable {@code name} of {@code expression}: the address's, else the value the
     * matching preset gives it, else "1".
     */
    public String valueOrDefault(String name, String expression) {
        String text = value(name);
        return text != null ? text : defaultValue(name, expression);
    }

    /** The value a preset with this expression gives {@code name}, else "1". */
    public static String defaultValue(String name, String expression) {
        Preset preset = Preset.matching(expression);
        double value = preset == null ? Double.NaN : preset.value(name);
        return value == value ? backprop.engine.spec.SpecNumbers.formatReal(value) : "1";
    }

    /**
     * Prints the query (without '?'): the expression, each variable's value text in the order
     * given, and {@code collapse=1} when set.
     */
    public static String print(String expression, List<String> names, List<String> valueTexts, boolean collapse) {
        StringBuilder out = new StringBuilder(EXPRESSION).append('=').append(encode(expression));
        for (int i = 0; i < names.size(); i++) {
            out.append('&').append(encode(names.get(i))).append('=').append(encode(valueTexts.get(i)));
        }
        if (collapse) {
            out.append('&').append(COLLAPSE).append("=1");
        }
        return out.toString();
    }

    /** Percent-encodes UTF-8, keeping letters, digits and {@code ( ) * + , / . - _ ~ !}. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "()*+,/.-_~!".indexOf(c) >= 0) {
                out.append((char) c);
            } else if (c < 0x80) {
                percent(out, c);
            } else {
                int codePoint = text.codePointAt(i);
                if (codePoint > 0xFFFF) {
                    i++;
                }
                if (codePoint < 0x800) {
                    percent(out, 0xC0 | (codePoint >> 6));
                    percent(out, 0x80 | (codePoint & 0x3F));
                } else if (codePoint < 0x10000) {
                    percent(out, 0xE0 | (codePoint >> 12));
                    percent(out, 0x80 | ((codePoint >> 6) & 0x3F));
                    percent(out, 0x80 | (codePoint & 0x3F));
                } else {
                    percent(out, 0xF0 | (codePoint >> 18));
                    percent(out, 0x80 | ((codePoint >> 12) & 0x3F));
                    percent(out, 0x80 | ((codePoint >> 6) & 0x3F));
                    percent(out, 0x80 | (codePoint & 0x3F));
                }
            }
        }
        return out.toString();
    }

    private static void percent(StringBuilder out, int b) {
        String hex = "0123456789ABCDEF";
        out.append('%').append(hex.charAt((b >> 4) & 0xF)).append(hex.charAt(b & 0xF));
    }

    /** Percent-decoding as UTF-8 ('+' stays '+'); a malformed escape or byte sequence becomes U+FFFD. */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        int[] bytes = new int[text.length()];
        int count = 0;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && hexValue(text.charAt(i + 1)) >= 0
                    && hexValue(text.charAt(i + 2)) >= 0) {
                bytes[count++] = hexValue(text.charAt(i + 1)) * 16 + hexValue(text.charAt(i + 2));
                i += 3;
                continue;
            }
            if (count > 0) {
                utf8(bytes, count, out);
                count = 0;
            }
            out.append(c == '%' ? '\uFFFD' : c);
            i++;
        }
        if (count > 0) {
            utf8(bytes, count, out);
        }
        return out.toString();
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void utf8(int[] bytes, int count, StringBuilder out) {
        int i = 0;
        while (i < count) {
            int b = bytes[i];
            int extra = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : -1;
            if (extra < 0 || i + extra >= count) {
                out.append('\uFFFD');
                i++;
                continue;
            }
            int codePoint = extra == 0 ? b : b & (0x3F >> extra);
            boolean ok = true;
            for (int k = 1; k <= extra; k++) {
                int next = bytes[i + k];
                if ((next & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (!ok) {
                out.append('\uFFFD');
                i++;
                continue;
            }
            out.appendCodePoint(codePoint);
            i += extra + 1;
        }
    }
}
