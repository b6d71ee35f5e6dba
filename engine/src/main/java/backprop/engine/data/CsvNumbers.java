package backprop.engine.data;

import backprop.engine.spec.SpecNumbers;

/**
 * Numbers in an imported CSV: the spec's real grammar ({@link SpecNumbers#parseReal}, correctly
 * rounded everywhere the engine runs) plus a leading '+'. NaN and infinities are refused by name.
 */
final class CsvNumbers {
    private CsvNumbers() {}

    /** The value of a field {@link #problem} accepted. -0 reads as 0. */
    static double parse(String field) {
        if (field.startsWith("+")) {
            return field.startsWith("+-") ? Double.NaN : SpecNumbers.parseReal(field.substring(1)) + 0.0;
        }
        return SpecNumbers.parseReal(field) + 0.0;
    }

    /** Null when the field is a finite number, else what is wrong with it. */
    static String problem(String field) {
        if (field.isEmpty()) {
            return "empty; expected a number";
        }
        String word = field.toLowerCase();
        String unsigned = word.startsWith("-") || word.startsWith("+") ? word.substring(1) : word;
        if (unsigned.equals("nan")) {
            return "NaN is not allowed; every value must be a finite number";
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return "\"" + field + "\": infinities are not allowed; every value must be a finite number";
        }
        double value = parse(field);
        if (value != value) {
            return "\"" + field + "\" is not a number (expected decimal digits, e.g. -1.25 or 3e-2)";
        }
        if (Double.isInfinite(value)) {
            return "\"" + field + "\" is beyond the largest double";
        }
        return null;
    }

    /** True when a header would not start like this: a number, or NaN or an infinity (a bad data row). */
    static boolean looksNumeric(String field) {
        if (field.isEmpty()) {
            return true;
        }
        char c = field.charAt(0);
        return c == '-'
                || c == '+'
                || c == '.'
                || (c >= '0' && c <= '9')
                || problem(field) == null
                || field.equalsIgnoreCase("nan")
                || field.toLowerCase().startsWith("inf");
    }
}
