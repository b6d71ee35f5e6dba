package backprop.engine.spec;

/**
 * A value named in the spec by a lowercase key. {@link #byKey} is the one lookup: TeaVM's
 * {@code Enum.valueOf} breaks the JavaScript build, so names are found with a loop.
 */
public interface Keyed {
    /** The name used in the spec. */
    String key();

    /** The value among {@code values} whose key is {@code key}, or null when none is. */
    static <T extends Keyed> T byKey(T[] values, String key) {
        for (T value : values) {
            if (value.key().equals(key)) {
                return value;
            }
        }
        return null;
    }

    /** ASCII lowercase (enum constants' names are ASCII), without a locale. */
    static String lowercase(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
