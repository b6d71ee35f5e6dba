package backprop.server.experiments;

/**
 * Plain text a saved experiment or a challenge may hold: no unpaired surrogates, no control
 * characters (line feeds and tabs where allowed).
 */
public final class TextChecks {
    private TextChecks() {}

    public static boolean wellFormed(String text, boolean lineBreaksAndTabs) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && !(lineBreaksAndTabs && (c == '\n' || c == '\t'))) {
                return false;
            }
        }
        return true;
    }
}
