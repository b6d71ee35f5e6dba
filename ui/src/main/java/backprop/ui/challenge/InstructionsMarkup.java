package backprop.ui.challenge;

import backprop.ui.text.Html;

/**
 * A challenge's instructions as HTML: plain text in paragraphs (a blank line starts one, a single
 * line break stays a line break), {@code http://} and {@code https://} addresses made links, and
 * nothing else rendered as markup: every other character is escaped, so {@code <b>} shows as
 * typed.
 */
public final class InstructionsMarkup {
    /** Characters an address ends before (RFC 3986 excludes them, and text wraps addresses in them). */
    private static final String NOT_IN_ADDRESS = " \t\n<>\"'`{}|\\^";
    /** Punctuation that ends a sentence rather than the address it follows. */
    private static final String TRAILING = ".,;:!?)]";

    private InstructionsMarkup() {}

    /** The paragraphs as {@code <p>} elements, links with {@code rel="noopener nofollow"} opening a new tab. */
    public static String html(String text) {
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(normal.length() + 64);
        for (String paragraph : normal.split("\n[ \t]*\n", -1)) {
            String trimmed = paragraph.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            out.append("<p>");
            String[] lines = trimmed.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>");
                }
                line(out, lines[i]);
            }
            out.append("</p>");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String line) {
        int i = 0;
        while (i < line.length()) {
            int start = nextAddress(line, i);
            if (start < 0) {
                out.append(Html.escape(line.substring(i)));
                return;
            }
            int end = start;
            while (end < line.length() && NOT_IN_ADDRESS.indexOf(line.charAt(end)) < 0) {
                end++;
            }
            while (end > start && TRAILING.indexOf(line.charAt(end - 1)) >= 0 && !balanced(line, start, end)) {
                end--;
            }
            String address = line.substring(start, end);
            out.append(Html.escape(line.substring(i, start)));
            if (address.endsWith("://")) {
                out.append(Html.escape(address));
            } else {
                out.append("<a href=\"")
                        .append(Html.escape(address))
                        .append("\" target=\"_blank\" rel=\"noopener nofollow\">")
                        .append(Html.escape(address))
                        .append("</a>");
            }
            i = end;
        }
    }

    /** A closing parenthesis that closes one opened inside the address stays (Wikipedia's {@code (disambiguation)}). */
    private static boolean balanced(String line, int start, int end) {
        if (line.charAt(end - 1) != ')') {
            return false;
        }
        int depth = 0;
        for (int k = start; k < end; k++) {
            char c = line.charAt(k);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth == 0;
    }

    private static int nextAddress(String line, int from) {
        int http = line.indexOf("http://", from);
        int https = line.indexOf("https://", from);
        if (http < 0) {
            return https;
        }
        return https < 0 ? http : Math.min(http, https);
    }
}
