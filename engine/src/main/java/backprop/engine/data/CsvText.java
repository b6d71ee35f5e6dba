package backprop.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of an imported CSV file as lines of text, or the reason they are not: too large,
 * empty, binary (a NUL byte), UTF-16, or not ASCII (a CSV of numbers is ASCII, so any other byte
 * means another encoding or stray text). A UTF-8 byte-order mark is skipped; lines end at
 * {@code \n}, {@code \r\n} or {@code \r}.
 */
final class CsvText {
    /** Lines of the file in order, line i + 1 at index i; null when {@link #problem} is set. */
    final List<String> lines;

    final CsvProblem problem;

    private CsvText(List<String> lines, CsvProblem problem) {
        this.lines = lines;
        this.problem = problem;
    }

    static CsvText of(byte[] bytes, int maxBytes) {
        if (bytes.length == 0) {
            return failure(0, "the file is empty");
        }
        if (bytes.length > maxBytes) {
            return failure(
                    0,
                    "the file is " + bytes.length + " bytes; an import is at most " + maxBytes + " bytes ("
                            + CsvImport.MAX_POINTS + " points)");
        }
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2
                && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                        || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return failure(
                    1, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 or ASCII");
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int k = start; k < bytes.length; k++) {
            int b = bytes[k] & 0xFF;
            int lineNumber = lines.size() + 1;
            if (b == 0) {
                return failure(
                        lineNumber,
                        "a NUL byte at character " + (line.length() + 1) + ": this is a binary file, not CSV text");
            }
            if (b >= 0x80) {
                return failure(
                        lineNumber,
                        "byte 0x" + Integer.toHexString(b).toUpperCase() + " at character "
                                + (line.length() + 1)
                                + " is not ASCII: the file is in another encoding or holds text other "
                                + "than numbers, names and train/test; save it as plain ASCII or UTF-8 CSV");
            }
            if (b == '\n' || b == '\r') {
                lines.add(line.toString());
                line.setLength(0);
                if (b == '\r' && k + 1 < bytes.length && bytes[k + 1] == '\n') {
                    k++;
                }
            } else {
                line.append((char) b);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return new CsvText(lines, null);
    }

    /** Pasted text: the same checks, a character that is not ASCII named as itself. */
    static CsvText of(String text, int maxBytes) {
        byte[] bytes = new byte[text.length()];
        int line = 1;
        int column = 1;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c >= 0x80 && !(k == 0 && c == '\uFEFF')) {
                String hex = Integer.toHexString(c).toUpperCase();
                return failure(
                        line,
                        "'" + c + "' (U+" + "0".repeat(4 - hex.length()) + hex + ") at character " + column
                                + " is not ASCII: a CSV of points holds numbers, names and train/test only");
            }
            bytes[k] = (byte) (c == '\uFEFF' ? ' ' : c);
            boolean lineBreak = c == '\n' || (c == '\r' && (k + 1 == text.length() || text.charAt(k + 1) != '\n'));
            line += lineBreak ? 1 : 0;
            column = lineBreak ? 1 : column + 1;
        }
        return of(bytes, maxBytes);
    }

    private static CsvText failure(int line, String message) {
        return new CsvText(null, new CsvProblem(line, 0, message));
    }
}
