package backprop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guard that keeps the engine portable and deterministic (TOOLCHAIN.md): the same numbers
 * on the JVM, in WebAssembly and in JavaScript need our own math and random generator, doubles
 * only, and nothing from outside java.lang and java.util.
 */
class EngineRulesTest {
    private static final Path MAIN = Path.of("src/main/java");

    /** Each banned construct with the reason shown when it is found. */
    private static final List<Rule> RULES = List.of(
            new Rule(
                    "\\bMath\\s*\\.\\s*(exp|log|log10|log1p|expm1|tanh|sinh|cosh|pow|sin|cos|tan|asin|acos|atan|atan2|cbrt|hypot|fma|random)\\s*\\(",
                    "java.lang.Math transcendental functions differ between the JVM and the browser: use Fdlibm"),
            new Rule("\\bStrictMath\\b", "StrictMath maps to the browser's Math in TeaVM: use Fdlibm"),
            new Rule(
                    "\\bjava\\s*\\.\\s*util\\s*\\.\\s*(Random|concurrent)\\b|\\b(ThreadLocalRandom|SplittableRandom|SecureRandom)\\b|\\bnew\\s+Random\\s*\\(",
                    "java.util.Random streams differ in the browser: use Rng"),
            new Rule("\\bfloat\\b|\\bFloat\\s*\\.", "float is not rounded to 32 bits in JavaScript: use double"),
            new Rule("\\bparallelStream\\s*\\(|\\bparallel\\s*\\(\\s*\\)", "parallel streams break the TeaVM build"),
            new Rule(
                    "\\bEnum\\s*\\.\\s*valueOf\\b|\\.valueOf\\s*\\(\\s*\\w+\\s*\\.\\s*class",
                    "Enum.valueOf crashes the JS build: look names up with a loop"),
            new Rule(
                    "\\bString\\s*\\.\\s*format\\s*\\(|\\.formatted\\s*\\(",
                    "String.format rounds differently in TeaVM: format numbers yourself"),
            new Rule(
                    "\\bgetDeclared\\w*\\s*\\(|\\bnewInstance\\s*\\(|\\bClass\\s*\\.\\s*forName\\b|java\\.lang\\.reflect",
                    "reflection does not work in TeaVM"),
            new Rule(
                    "\\bSystem\\s*\\.\\s*(nanoTime|currentTimeMillis|getenv|getProperty|out|err|in)\\b|\\bInstant\\s*\\.\\s*now\\b",
                    "the engine has no clock, no environment and no I/O"),
            new Rule("\\bsynchronized\\b|\\bThread\\b", "the engine is single-threaded and pure"),
            new Rule("org\\s*\\.\\s*teavm", "the engine must not depend on TeaVM"));

    private static final Pattern IMPORT =
            Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern STATIC_MUTABLE = Pattern.compile(
            "^\\s*(public\\s+|private\\s+|protected\\s+)?static\\s+(?!final\\b)(?!class\\b)(?!record\\b)(?!enum\\b)(?!interface\\b)(?!abstract\\b)(?!<)[\\w<>\\[\\], ?]+\\s+\\w+\\s*(=|;)",
            Pattern.MULTILINE);

    private record Rule(String regex, String reason) {
        Pattern pattern() {
            return Pattern.compile(regex);
        }
    }

    @Test
    void engineSourcesFollowTheDeterminismRules() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String code = stripCommentsAndStrings(Files.readString(file, StandardCharsets.UTF_8));
            String[] lines = code.split("\n", -1);
            for (Rule rule : RULES) {
                Pattern p = rule.pattern();
                for (int i = 0; i < lines.length; i++) {
                    if (p.matcher(lines[i]).find()) {
                        violations.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines[i].trim() + "  <- "
                                + rule.reason());
                    }
                }
            }
            Matcher imports = IMPORT.matcher(code);
            while (imports.find()) {
                String name = imports.group(2);
                if (!(name.startsWith("java.lang.")
                                || name.startsWith("java.util.")
                                || name.startsWith("backprop.engine."))
                        || name.startsWith("java.util.concurrent")
                        || name.startsWith("java.util.random")
                        || name.equals("java.util.Random")) {
                    violations.add(MAIN.relativize(file) + ": import " + name
                            + "  <- the engine imports only java.lang, java.util and its own packages");
                }
            }
            Matcher statics = STATIC_MUTABLE.matcher(code);
            while (statics.find()) {
                violations.add(MAIN.relativize(file) + ": " + statics.group().trim()
                        + "  <- no static mutable state in the engine (make it final, or an instance field)");
            }
        }
        assertEquals(List.of(), violations, "engine rule violations:\n" + String.join("\n", violations));
    }

    /** The guard itself must catch what it is meant to catch. */
    @Test
    void theRulesCatchTheBannedConstructs() {
        String[] bad = {
            "double y = Math.exp(x);", "double y = StrictMath.tanh(x);", "Random r = new Random(1);",
            "float f = 1;", "list.parallelStream()", "Enum.valueOf(Kind.class, name)",
            "String.format(\"%.2f\", x)", "long t = System.nanoTime();", "import org.teavm.jso.JSBody;"
        };
        for (String line : bad) {
            boolean caught =
                    RULES.stream().anyMatch(r -> r.pattern().matcher(line).find());
            assertTrue(caught, "not caught: " + line);
        }
        String[] good = {
            "double y = Fdlibm.exp(x);",
            "double s = Math.sqrt(x);",
            "double a = Math.abs(x);",
            "int m = Math.max(a, b);",
            "double floorValue = Math.floor(x);"
        };
        for (String line : good) {
            boolean caught =
                    RULES.stream().anyMatch(r -> r.pattern().matcher(line).find());
            assertTrue(!caught, "wrongly caught: " + line);
        }
        assertTrue(STATIC_MUTABLE.matcher("    private static int counter = 0;").find());
        assertTrue(!STATIC_MUTABLE
                .matcher("    private static final int LIMIT = 8;")
                .find());
        assertTrue(!STATIC_MUTABLE
                .matcher("    public static double exp(double x) {")
                .find());
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> list =
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            assertTrue(list.size() > 5, "expected the engine sources under " + MAIN.toAbsolutePath());
            return list;
        }
    }

    /** Blanks comments and string/char literals (keeping line breaks) so prose cannot trip the rules. */
    static String stripCommentsAndStrings(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                while (i < code.length() && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                i += 2;
                while (i + 1 < code.length() && !(code.charAt(i) == '*' && code.charAt(i + 1) == '/')) {
                    out.append(code.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                if (c == '"' && code.startsWith("\"\"\"", i)) {
                    int end = code.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? code.length() : end + 3;
                    for (int k = i; k < end; k++) {
                        out.append(code.charAt(k) == '\n' ? '\n' : ' ');
                    }
                    out.append("\"\"");
                    i = end;
                    continue;
                }
                out.append(c);
                i++;
                while (i < code.length() && code.charAt(i) != c) {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
                out.append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
