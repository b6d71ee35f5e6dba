package backprop.engine.spec;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers of the codec: splitting without regular expressions, ASCII case, sizes. */
final class SpecText {
    /** Values longer than this are shortened in problems, so a message stays readable. */
    private static final int MAX_SHOWN = 100;

    private SpecText() {}

    /** Splits on one character, keeping empty pieces ("a,,b" gives "a", "", "b"; "" gives ""). */
    static List<String> split(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /** Lowercases A-Z only: {@code String.toLowerCase} depends on the JVM's locale (Turkish i). */
    static String asciiLower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    /** A value as shown in a problem: itself, or its first 97 characters and "...". */
    static String shown(String value) {
        if (value.length() <= MAX_SHOWN) {
            return value;
        }
        return value.substring(0, MAX_SHOWN - 3) + "...";
    }

    /** The UTF-8 size of the text in bytes. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) {
                bytes += 2; // a surrogate pair is 4 bytes, 2 per half
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** "a, b, c" from names. */
    static String joinNames(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(name);
        }
        return out.toString();
    }
}
